"""Bulk screen of a CSV: the contract behind ``manage.py safeguarding_screen`` and the admin job.

Contract (issue #11): read any CSV with a ``text`` column (or, failing that, a ``words``
column: the engagement team's "responses with tags" export names its texts so); write every
input row, in the same order, with its other columns unchanged, plus ``flagged`` (yes/no),
``severity`` (urgent/concern/empty), ``categories`` (``;``-joined), ``method``
(rules/model/both/empty) and ``score`` (the model's probability of a disclosure, 3
decimals). A column of the input that has one of those names is replaced. A file that is not
a CSV with a ``text`` column is refused with an error that names the line; an empty, huge or
binary cell is screened like any other text and never stops the run.

Pure (no Django): the command and the admin job pass in file objects and a progress callback.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

OUTPUT_COLUMNS = ("flagged", "severity", "categories", "method", "score")
TEXT_COLUMN = "text"
# Read when there is no ``text`` column: insight's responses export (insight/exports.py) calls
# its texts "words", and the lead screens past exports as they are.
TEXT_ALIASES = ("words",)
BATCH = 256  # texts screened together: the model is vectorised, the rules are per text
MAX_FIELD = 10_000_000  # one cell may be up to 10 MB (csv's default limit is 128 KB)


class BulkScreenError(ValueError):
    """The input cannot be read as a CSV with a text column. ``line`` is 1-based, or 0."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


def _decoded(raw: IO[bytes]) -> Iterator[str]:
    """UTF-8 (with or without BOM) lines; a byte that is not UTF-8 names its line."""
    line_no = 0
    for line_no, chunk in enumerate(raw, 1):
        try:
            text = chunk.decode("utf-8-sig" if line_no == 1 else "utf-8")
        except UnicodeDecodeError:
            raise BulkScreenError(
                "this line is not UTF-8 text (is it a spreadsheet or another binary file?); "
                "save it as 'CSV UTF-8' and try again",
                line_no,
            ) from None
        yield text


def text_column(header: list[str]) -> int | None:
    """Where the texts are: the ``text`` column, else the first alias present, else None."""
    lowered = [h.strip().lower() for h in header]
    for name in (TEXT_COLUMN, *TEXT_ALIASES):
        if name in lowered:
            return lowered.index(name)
    return None


@contextmanager
def _big_cells() -> Iterator[None]:
    """csv's cell limit is one setting for the whole process: raise it only while this file's
    next row is read, and put it back, so other readers (the taxonomy and history imports)
    keep their own bounds."""
    before = csv.field_size_limit(MAX_FIELD)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _rows(raw: IO[bytes]) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    reader = csv.reader(_decoded(raw), strict=True)
    try:
        with _big_cells():
            header = next(reader)
    except StopIteration:
        raise BulkScreenError(
            "the file is empty: it needs a header row with a 'text' column", 1
        ) from None
    except csv.Error as exc:
        raise BulkScreenError(f"the header row is not valid CSV ({exc})", 1) from None
    names = [h.strip() for h in header]
    if text_column(header) is None:
        raise BulkScreenError(
            f"the header row has no 'text' column (it has: {', '.join(names) or 'nothing'})", 1
        )

    def rows() -> Iterator[tuple[int, list[str]]]:
        while True:
            try:
                with _big_cells():
                    row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise BulkScreenError(
                    f"this row is not valid CSV ({exc})", reader.line_num
                ) from None
            yield reader.line_num, row

    return header, rows()


def _records(raw: IO[bytes]) -> tuple[list[str], Iterator[list[str]]]:
    """The header and every non-blank row, each checked against the header's width."""
    header, rows = _rows(raw)

    def records() -> Iterator[list[str]]:
        for line, row in rows:
            if not row:  # a blank line is not a row (as csv.DictReader)
                continue
            if len(row) > len(header):
                raise BulkScreenError(
                    f"this row has {len(row)} cells but the header has {len(header)} "
                    "(is a comma in a text missing its quotes?)",
                    line,
                )
            yield row

    return header, records()


def check_csv(raw: IO[bytes]) -> int:
    """Read the whole file as :func:`screen_csv` will, without screening: the number of rows,
    or :class:`BulkScreenError` naming the first bad line. The admin checks an upload with
    this before saving it, so the lead hears about a bad line at once, not from a failed job."""
    _, records = _records(raw)
    return sum(1 for _ in records)


def screen_csv(
    raw: IO[bytes],
    out: IO[str],
    screen_texts: Callable[[list[str]], list],
    *,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Screen ``raw`` (bytes) into ``out`` (text). Returns counts: rows, flagged, urgent.

    ``screen_texts`` maps texts to objects with ``flagged``, ``severity``, ``categories``,
    ``method`` and ``score`` (``safeguarding.screen.screen_texts``). Rows are written in
    batches as they are screened, so a huge file never sits in memory twice.
    """
    header, records = _records(raw)
    lowered = [h.strip().lower() for h in header]
    text_at = text_column(header)
    keep = [i for i, h in enumerate(lowered) if h not in OUTPUT_COLUMNS]
    writer = csv.writer(out)  # "\r\n" rows: a lone "\r" in a cell gets quoted too
    writer.writerow([header[i] for i in keep] + list(OUTPUT_COLUMNS))
    counts = {"rows": 0, "flagged": 0, "urgent": 0}
    batch: list[list[str]] = []

    def flush() -> None:
        texts = [row[text_at] if text_at < len(row) else "" for row in batch]
        for row, result in zip(batch, screen_texts(texts), strict=True):
            cells = [row[i] if i < len(row) else "" for i in keep]
            writer.writerow(cells + _cells(result))
            counts["flagged"] += bool(result.flagged)
            counts["urgent"] += result.severity == "urgent"
        counts["rows"] += len(batch)
        batch.clear()
        if progress is not None:
            progress(counts["rows"])

    for row in records:
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return counts


def _cells(result) -> list[str]:
    return [
        "yes" if result.flagged else "no",
        result.severity or "",
        ";".join(result.categories),
        result.method or "",
        f"{result.score:.3f}",
    ]


def screen_csv_text(data: bytes, screen_texts: Callable[[list[str]], list]) -> str:
    """Convenience for tests and small files: bytes in, CSV text out."""
    out = io.StringIO()
    screen_csv(io.BytesIO(data), out, screen_texts)
    return out.getvalue()
