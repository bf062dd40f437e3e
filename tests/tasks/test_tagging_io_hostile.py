"""The tagger's CSV readers on hostile input: a ValueError naming the row, or rows; nothing
else, in bounded time."""

import csv
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.tagging.io import read_labelled_csv, read_taxonomy_csv

cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)


def _answered(reader, text: str) -> None:
    try:
        reader(io.StringIO(text))
    except ValueError as exc:
        assert re.match(r"row \d+: ", str(exc)), exc


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cells, max_size=7), max_size=10))
def test_labelled_csv_is_read_or_refused_by_row(rows):
    out = io.StringIO()
    csv.writer(out).writerows([["text", "codes"], *rows])
    _answered(read_labelled_csv, out.getvalue())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cells, max_size=7), max_size=10))
def test_taxonomy_csv_is_read_or_refused_by_row(rows):
    out = io.StringIO()
    csv.writer(out).writerows([["code", "kind", "name", "description", "keywords"], *rows])
    _answered(read_taxonomy_csv, out.getvalue())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_by_row(text):
    _answered(read_labelled_csv, "text,codes\r\n" + text)


def test_hostile_files():
    for text in [
        "text,codes\r\n" + ",".join(["x"] * 1_000_000),
        'text,codes\r\n"' + "a" * 200_000 + '",x\r\n',
        "text,codes\r\nhello\x00there,pledge-1\r\n",
    ]:
        _answered(read_labelled_csv, text)
