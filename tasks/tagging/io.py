"""Pure readers for labelled CSVs and the seeded taxonomy (no Django, no database).

They back the `evaluate_tagger` command, so errors name the row a person must fix.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .types import Example, Label

PathOrFile = str | Path | IO[str] | IO[bytes]


@contextmanager
def _open(source: PathOrFile) -> Iterator[IO[str]]:
    if isinstance(source, str | Path):
        with open(source, encoding="utf-8-sig", newline="") as fh:
            yield fh
    elif isinstance(source, io.TextIOBase) or hasattr(source, "encoding"):
        yield source  # type: ignore[misc]
    else:
        yield io.TextIOWrapper(source, encoding="utf-8-sig", newline="")  # type: ignore[arg-type]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _rows(source: PathOrFile, required: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    """Yield (row number as a spreadsheet shows it, row) after checking the header."""
    with _open(source) as fh:
        try:
            reader = csv.DictReader(fh)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ValueError(f"row 1: cannot read the header ({exc})") from exc
        missing = [c for c in required if c not in header]
        if missing:
            raise ValueError(
                f"row 1: header must include {', '.join(required)}; missing {', '.join(missing)}"
            )
        reader.fieldnames = header
        row_no = 1
        try:
            for row_no, row in enumerate(reader, start=2):
                if None in row or any(row.get(c) is None for c in required):
                    raise ValueError(f"row {row_no}: expected {len(header)} columns")
                yield row_no, row
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ValueError(f"row {row_no + 1}: {exc}") from exc


def read_labelled_csv(source: PathOrFile) -> list[Example]:
    """Read `text,codes` rows (codes `;`-separated, may be empty) into examples."""
    out = []
    for row_no, row in _rows(source, ("text", "codes")):
        text = row["text"].strip()
        if not text and not row["codes"].strip():
            continue  # a blank line
        codes = _split(row["codes"])
        bad = [c for c in codes if any(ch.isspace() for ch in c) or "," in c]
        if bad:
            raise ValueError(f"row {row_no}: bad code {bad[0]!r} (separate codes with ';')")
        out.append(Example(text, frozenset(codes)))
    return out


def read_taxonomy_csv(source: PathOrFile) -> list[Label]:
    """Read `code,kind,name,description,keywords` rows; every row is a label, any kind."""
    out: list[Label] = []
    seen: set[str] = set()
    for row_no, row in _rows(source, ("code", "kind", "name", "description", "keywords")):
        code = row["code"].strip()
        if not code:
            if not any(v.strip() for v in row.values() if v):
                continue
            raise ValueError(f"row {row_no}: code is empty")
        if code in seen:
            raise ValueError(f"row {row_no}: duplicate code {code!r}")
        seen.add(code)
        name = row["name"].strip() or code
        keywords = tuple(k.lower() for k in _split(row["keywords"]))
        out.append(Label(code, name, row["description"].strip(), keywords))
    return out


def labels_from_seed(seed: Mapping) -> list[Label]:
    """Labels (pledges, then pathways) from the `cms/seed/taxonomy.json` structure."""
    out = []
    for kind in ("pledges", "pathways"):
        for item in seed.get(kind, ()):
            out.append(
                Label(
                    code=item["code"],
                    name=item.get("name", item["code"]),
                    description=item.get("description", ""),
                    keywords=tuple(k.lower() for k in item.get("keywords", ())),
                    examples=tuple(item.get("examples", ())),
                )
            )
    return out


def read_texts_csv(source: PathOrFile) -> list[str]:
    """The `text` column of every data row, in order (blank texts kept, so row i is text i)."""
    return [row["text"].strip() for _, row in _rows(source, ("text",))]
