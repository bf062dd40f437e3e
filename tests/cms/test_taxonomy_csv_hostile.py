"""Hostile taxonomy CSVs: never a crash, bounded work, errors that name the line."""

import csv
import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cms.models import Pledge
from cms.services import MAX_CSV_CHARS, ImportResult, _parse, taxonomy_import_csv

HEADER = "code,kind,name,description,keywords\r\n"
GOOD = "pledge-41,pledge,Good name,A description,a;b\r\n"


def parse(text: str) -> ImportResult:
    result = ImportResult()
    _parse(text, result)
    return result


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (HEADER + GOOD + "pledge-42,pledge,Na\x00me,d,k\r\n", 3, "not text"),
        (HEADER + GOOD + 'pledge-43,pledge,"' + "a" * 200_000 + '",d,k\r\n', 3, "cannot be read"),
        (",".join(["x"] * 400_000) + "\r\n", 1, "400,000 columns"),
        (HEADER + GOOD + ",".join(["x"] * 400_000) + "\r\n", 3, "more cells than columns"),
        (",".join(["x"] * 1_000_000) + "\r\n", 1, "too big"),
        ("a" * (MAX_CSV_CHARS + 1), 1, "too big"),
    ],
    ids=[
        "nul",
        "huge-field",
        "many-column-header",
        "many-column-row",
        "million-column-header",
        "too-big",
    ],
)
def test_hostile_files_get_an_error_with_the_line(text, line, says):
    started = time.process_time()
    result = parse(text)
    assert time.process_time() - started < 5  # generous: catches unbounded work only
    assert result.errors and result.errors[-1].line == line
    assert says in result.errors[-1].message


@pytest.mark.django_db
def test_rows_before_an_unreadable_line_are_still_imported_and_nothing_fails():
    text = HEADER + GOOD + 'pledge-43,pledge,"' + "a" * 200_000 + '",d,k\r\n'
    result = taxonomy_import_csv(source=text)
    assert result.created == ["pledge-41"]
    assert [e.line for e in result.errors] == [3]
    assert Pledge.objects.filter(code="pledge-41").exists()


@pytest.mark.django_db
def test_a_nul_refuses_the_file_before_the_database_sees_it():
    result = taxonomy_import_csv(source=HEADER + GOOD + "pledge-42,pledge,Na\x00me,d,k\r\n")
    assert not result.created and result.errors[0].line == 3
    assert not Pledge.objects.filter(code__in=["pledge-41", "pledge-42"]).exists()


cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, min_size=0, max_size=8), max_size=12), st.booleans())
def test_any_csv_is_answered_with_rows_or_line_errors(rows, with_header):
    out = io.StringIO()
    if with_header:
        out.write(HEADER)
    csv.writer(out).writerows(rows)
    result = parse(out.getvalue())
    lines = out.getvalue().count("\n") + 1
    for error in result.errors:
        assert 1 <= error.line <= lines and error.message


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_at_all_is_answered(text):
    result = parse(HEADER + text)
    assert all(e.line >= 1 and e.message for e in result.errors)


def test_a_huge_cell_is_refused_even_when_another_reader_raised_csvs_limit():
    """csv's cell limit is process-wide; the taxonomy import keeps its own."""
    before = csv.field_size_limit(10_000_000)
    try:
        result = parse(HEADER + GOOD + 'pledge-43,pledge,"' + "a" * 200_000 + '",d,k\r\n')
    finally:
        csv.field_size_limit(before)
    assert result.errors and result.errors[-1].line == 3
    assert "cannot be read" in result.errors[-1].message
