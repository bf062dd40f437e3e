"""CSV readers, the seeded taxonomy and the shipped data files (pure: no Django needed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tasks.tagging import Example, labels_from_seed, read_labelled_csv, read_taxonomy_csv

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "cms" / "seed" / "taxonomy.json"
DATA = Path(__file__).resolve().parent / "data"
PATHWAYS = [
    "annual-health-checks",
    "dynamic-support",
    "crisis-support",
    "respite-and-carers",
    "autism-team",
    "autism-assessment",
    "forensic",
    "hospital-discharge",
    "cyp-keyworker",
    "transitions",
    "leder",
]


@pytest.fixture(scope="module")
def seed() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


# ---- read_labelled_csv ------------------------------------------------------------------------


def test_labelled_csv_reads_codes_and_empty_codes():
    text = "text,codes\nI never had my check,annual-health-checks; pledge-9\nthanks,\n"
    examples = read_labelled_csv(io.StringIO(text))
    assert examples == [
        Example("I never had my check", frozenset({"annual-health-checks", "pledge-9"})),
        Example("thanks", frozenset()),
    ]


def test_labelled_csv_accepts_path_bytes_and_bom(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes('\ufefftext,codes\n"a, quoted; text",leder\n'.encode())
    assert read_labelled_csv(path) == [Example("a, quoted; text", frozenset({"leder"}))]
    assert read_labelled_csv(str(path)) == read_labelled_csv(io.BytesIO(path.read_bytes()))


def test_labelled_csv_missing_column_names_row_1():
    with pytest.raises(ValueError, match=r"row 1: .*missing codes"):
        read_labelled_csv(io.StringIO("text,tags\nhello,leder\n"))


def test_labelled_csv_bad_code_names_the_row():
    data = "text,codes\nfine,leder\nbad,crisis support\n"
    with pytest.raises(ValueError, match=r"row 3: bad code 'crisis support'"):
        read_labelled_csv(io.StringIO(data))


def test_labelled_csv_wrong_column_count_names_the_row():
    data = "text,codes\nfine,leder\nfine,leder\ntoo,many,columns\n"
    with pytest.raises(ValueError, match=r"row 4: expected 2 columns"):
        read_labelled_csv(io.StringIO(data))


def test_labelled_csv_undecodable_bytes_name_a_row():
    data = b"text,codes\nok,leder\n\xff\xfe broken,leder\n"
    with pytest.raises(ValueError, match=r"row \d+"):
        read_labelled_csv(io.BytesIO(data))


# ---- read_taxonomy_csv ------------------------------------------------------------------------


def test_taxonomy_csv_reads_any_kind():
    data = (
        "code,kind,name,description,keywords\n"
        "parking,facility,Parking,Car parks,Car Park; parking ;\n"
        "leder,pathway,LeDeR,,died;leder\n"
    )
    labels = read_taxonomy_csv(io.StringIO(data))
    assert [lb.code for lb in labels] == ["parking", "leder"]
    assert labels[0].keywords == ("car park", "parking")
    assert labels[1].description == ""


def test_taxonomy_csv_duplicate_and_empty_codes_name_the_row():
    head = "code,kind,name,description,keywords\n"
    with pytest.raises(ValueError, match="row 3: duplicate code 'a'"):
        read_taxonomy_csv(io.StringIO(head + "a,x,A,,\na,x,A again,,\n"))
    with pytest.raises(ValueError, match="row 2: code is empty"):
        read_taxonomy_csv(io.StringIO(head + ",x,No code,,\n"))
    with pytest.raises(ValueError, match=r"row 1: .*missing keywords"):
        read_taxonomy_csv(io.StringIO("code,kind,name,description\n"))


# ---- the seeded taxonomy ----------------------------------------------------------------------


def test_seed_has_13_pledges_in_table_order_and_the_11_pathways(seed):
    assert [p["code"] for p in seed["pledges"]] == [f"pledge-{i}" for i in range(1, 14)]
    assert [p["code"] for p in seed["pathways"]] == PATHWAYS


def test_seed_entries_are_complete(seed):
    collaboratives = {c["code"] for c in seed["collaboratives"]}
    assert "lda-collaborative" in collaboratives
    for item in seed["pledges"] + seed["pathways"]:
        code = item["code"]
        assert item["name"] and item["description"], code
        assert 1 <= len(item["easy_read"]) <= 3, code
        assert all(len(s.split()) <= 15 for s in item["easy_read"]), code
        # The weakest tags carry more phrases and examples from the source documents (the LLR
        # 5-year plan and the TCP/LDA road map; tasks/tagging/README.md "Second round"), and
        # more plain examples in every voice ("Third round").
        assert 6 <= len(item["keywords"]) <= 30, code
        assert all(k == k.lower() for k in item["keywords"]), code
        assert 8 <= len(item["examples"]) <= 40, code
        assert item["collaborative"] in collaboratives, code
    assert {p["collaborative"] for p in seed["pathways"]} == {"lda-collaborative"}


def test_labels_from_seed(seed):
    labels = labels_from_seed(seed)
    assert len(labels) == 24
    assert labels[0].code == "pledge-1" and labels[13].code == "annual-health-checks"
    assert all(lb.keywords and lb.examples for lb in labels)


def test_exported_taxonomy_csv_matches_the_seed(seed):
    labels = read_taxonomy_csv(DATA / "llr_taxonomy.csv")
    from_seed = labels_from_seed(seed)
    assert [(lb.code, lb.name, lb.keywords) for lb in labels] == [
        (lb.code, lb.name, lb.keywords) for lb in from_seed
    ]
    with open(DATA / "llr_taxonomy.csv", encoding="utf-8") as fh:
        kinds = [row["kind"] for row in csv.DictReader(fh)]
    assert kinds == ["pledge"] * 13 + ["pathway"] * 11


def test_held_out_set_shape(seed):
    examples = read_labelled_csv(DATA / "llr_labelled_test.csv")
    known = {lb.code for lb in labels_from_seed(seed)}
    assert len(examples) >= 180
    assert all(ex.codes <= known for ex in examples)
    unlabelled = sum(1 for ex in examples if not ex.codes)
    assert 0.1 <= unlabelled / len(examples) <= 0.2
    assert sum(1 for ex in examples if len(ex.codes) >= 2) >= 60
    seed_texts = {
        e.lower() for item in seed["pledges"] + seed["pathways"] for e in item["examples"]
    }
    assert not seed_texts & {ex.text.lower() for ex in examples}
