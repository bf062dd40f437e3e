"""The bulk screen's contract (issue #11 part 1): every row, same order, other columns unchanged,
five added columns; a bad file gets an error naming its line; no text ever crashes it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguarding.screen import OUTPUT_COLUMNS, BulkScreenError, screen_csv, screen_texts
from safeguarding.screen.bulk import screen_csv_text


@dataclass(frozen=True)
class _Verdict:
    flagged: bool
    severity: str
    categories: tuple[str, ...]
    method: str
    score: float


def _fake_screen(texts: list[str]) -> list[_Verdict]:
    """Deterministic stand-in so the property tests exercise the CSV contract quickly."""
    return [
        _Verdict(True, "urgent", ("physical", "domestic"), "both", 0.9)
        if "HARM" in t
        else _Verdict(False, "", (), "", 0.01)
        for t in texts
    ]


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _read(text: str) -> list[dict[str, str]]:
    before = csv.field_size_limit(20_000_000)  # the output keeps huge cells whole
    try:
        return list(csv.DictReader(io.StringIO(text, newline="")))
    finally:
        csv.field_size_limit(before)


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
column_name = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).filter(
    lambda n: n not in {"text", *OUTPUT_COLUMNS}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    others=st.lists(column_name, max_size=3, unique=True),
    text_at=st.integers(min_value=0, max_value=3),
    data=st.data(),
)
def test_every_row_kept_in_order_with_other_columns_unchanged(others, text_at, data):
    header = list(others)
    header.insert(min(text_at, len(header)), "text")
    rows = data.draw(
        st.lists(st.lists(cell, min_size=len(header), max_size=len(header)), max_size=12)
    )
    rows = [r for r in rows if any(r)]  # an all-empty row with one column is a blank line
    out = _read(screen_csv_text(_csv_bytes(header, rows), _fake_screen))
    assert len(out) == len(rows)
    for row, got in zip(rows, out, strict=True):
        assert [got[h] for h in header] == row
        assert got["flagged"] == ("yes" if "HARM" in row[header.index("text")] else "no")
        assert got["severity"] in {"urgent", "concern", ""}
        assert got["method"] in {"rules", "model", "both", ""}
        assert 0.0 <= float(got["score"]) <= 1.0
    assert list(out[0].keys()) if out else True


def test_added_columns_and_their_values():
    data = _csv_bytes(
        ["id", "text", "voice"], [["1", "HARM here", "carer"], ["2", "fine", "self"]]
    )
    text = screen_csv_text(data, _fake_screen)
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert header == ["id", "text", "voice", *OUTPUT_COLUMNS]
    first, second = _read(text)
    assert (first["flagged"], first["severity"], first["categories"], first["method"]) == (
        "yes", "urgent", "physical;domestic", "both",
    )  # fmt: skip
    assert first["score"] == "0.900"
    assert (second["flagged"], second["severity"], second["categories"], second["method"]) == (
        "no", "", "", "",
    )  # fmt: skip


def test_existing_output_columns_are_replaced_not_duplicated():
    data = _csv_bytes(["text", "flagged", "note"], [["HARM", "no", "keep me"]])
    out = _read(screen_csv_text(data, _fake_screen))
    assert out == [
        {"text": "HARM", "note": "keep me", "flagged": "yes", "severity": "urgent",
         "categories": "physical;domestic", "method": "both", "score": "0.900"}
    ]  # fmt: skip


def test_short_rows_are_padded_and_blank_lines_skipped():
    data = b"id,text,voice\n1,HARM\n\n2,ok,self\n"
    out = _read(screen_csv_text(data, _fake_screen))
    assert [(r["id"], r["text"], r["voice"], r["flagged"]) for r in out] == [
        ("1", "HARM", "", "yes"),
        ("2", "ok", "self", "no"),
    ]


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"id,body\n1,hello\n", 1, "no 'text' column"),
        (b"id,text\n1,ok\n2,a,b,c\n", 3, "has 4 cells"),
        (b'id,text\n1,"unclosed\n', 0, "not valid CSV"),
        (b"id,text\n1,ok\n2,caf\xe9\n", 3, "not UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xa0\xff\n", 1, "not UTF-8"),
    ],
)
def test_a_bad_file_gets_a_clear_error_naming_the_line(data, line, words):
    with pytest.raises(BulkScreenError) as info:
        screen_csv_text(data, _fake_screen)
    assert words in str(info.value)
    if line:
        assert info.value.line == line
        assert str(info.value).startswith(f"line {line}:")


def test_bom_and_crlf_are_read():
    data = "\ufeffid,text\r\n1,HARM\r\n".encode()
    assert _read(screen_csv_text(data, _fake_screen))[0]["flagged"] == "yes"


def test_progress_is_reported_per_batch():
    seen: list[int] = []
    rows = [[str(i), "ok"] for i in range(600)]
    screen_csv(io.BytesIO(_csv_bytes(["id", "text"], rows)), io.StringIO(), _fake_screen,
               progress=seen.append)  # fmt: skip
    assert seen == [256, 512, 600]


# --- the real screen -------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=300), min_size=1, max_size=5))
def test_the_real_screen_never_crashes_on_any_text(texts):
    results = screen_texts(texts)
    assert len(results) == len(texts)
    for r in results:
        assert r.severity in {"urgent", "concern", ""}
        assert r.flagged == (r.severity != "")
        assert 0.0 <= r.score <= 1.0


def test_empty_huge_and_binary_looking_texts_are_screened():
    huge = ("The bus was late and the cafe was nice. " * 40_000) + "He pushed me into the wall."
    binary = bytes(range(256)).decode("latin-1") * 50
    rows = [["1", ""], ["2", huge], ["3", binary], ["4", "   "], ["5", "\x00\x00"]]
    out = _read(screen_csv_text(_csv_bytes(["id", "text"], rows), screen_texts))
    assert [r["id"] for r in out] == ["1", "2", "3", "4", "5"]
    assert out[0]["flagged"] == "no" and out[3]["flagged"] == "no"
    assert out[1]["flagged"] == "yes"  # a disclosure at the end of 1.6 MB is still found
    assert out[1]["text"] == huge


def test_command_writes_the_contract(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(
        _csv_bytes(
            ["ref", "text"],
            [
                ["a", "my carer hit me and i am scared to go home"],
                ["b", "the bus to the day centre is always late"],
                ["c", "i have been saving my tablets so i can take them all at once"],
            ],
        )
    )
    dest = tmp_path / "out.csv"
    stdout = io.StringIO()
    call_command("safeguarding_screen", str(src), out=str(dest), stdout=stdout)
    rows = _read(dest.read_text(encoding="utf-8"))
    assert [r["ref"] for r in rows] == ["a", "b", "c"]
    assert [r["flagged"] for r in rows] == ["yes", "no", "yes"]
    assert rows[0]["severity"] == "urgent" and rows[2]["severity"] == "urgent"
    assert "physical-abuse" in rows[0]["categories"].split(";")
    assert "suicide" in rows[2]["categories"].split(";")
    assert "Screened 3 rows: 2 flagged, 2 urgent" in stdout.getvalue()


def test_command_refuses_a_bad_file_naming_the_line_and_leaves_no_output(tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,text\n1,fine\n2,too,many,cells\n")
    dest = tmp_path / "out.csv"
    with pytest.raises(CommandError, match="line 3"):
        call_command("safeguarding_screen", str(src), out=str(dest))
    assert not dest.exists()
    with pytest.raises(CommandError, match="no such file"):
        call_command("safeguarding_screen", str(tmp_path / "missing.csv"), out=str(dest))


def test_the_screen_puts_csvs_cell_limit_back():
    """Other readers (taxonomy, history imports) rely on csv's default cell limit."""
    import csv
    import io

    from safeguarding.screen.bulk import check_csv

    before = csv.field_size_limit()
    assert check_csv(io.BytesIO(b"text\n" + b"a" * 300_000 + b"\n")) == 1
    assert csv.field_size_limit() == before
