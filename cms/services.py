"""Writes for the cms app: the taxonomy CSV import and export.

CSV columns: ``code,kind,name,description,keywords`` (``kind`` is ``pledge`` or ``pathway``,
keywords separated by ``;``).

Import rules, chosen so nothing is lost silently:

* Each row is checked on its own. A bad row is reported with its line number and a plain
  reason, and skipped; the good rows are still imported. Every skipped row is in
  ``ImportResult.errors`` (the admin view and the command print them all).
* All good rows are written in one transaction. A row that fails the model's own checks
  (for example a pledge number already taken) is reported like any bad row; if the database
  itself fails, nothing from the file is written and the error is raised.
* Import only creates and updates. A pledge or pathway that is not in the file is left
  alone (untick "active" in the admin to retire one). Easy-read text, examples, pictures and
  the collaborative are not in the CSV and are kept as they are.
* A wrong header refuses the whole file: then every row would be misread.
* Each change is saved as a revision, so the admin's history shows what the import did.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import TextIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .models import Pathway, Pledge, Theme, code_in_use, split_lines
from .selectors import taxonomy_rows

CSV_COLUMNS = ["code", "kind", "name", "description", "keywords"]
# Bounds on what an import reads: the full taxonomy is about 20 KB with 5 columns.
MAX_CSV_CHARS = 2_000_000
MAX_CSV_COLUMNS = 50
MAX_CSV_CELL_CHARS = 131_072  # the csv module's default limit, held here whatever it is set to
KINDS = {"pledge": Pledge, "pathway": Pathway, "theme": Theme}
_PLEDGE_CODE_RE = re.compile(r"^pledge-(\d{1,3})$")
# Spreadsheet programs run cells starting with these as formulas (CSV injection); export
# prefixes such cells with "'" and import strips it again, so a round trip is exact.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RowError:
    line: int  # line number in the file, as a spreadsheet shows it (header is line 1)
    code: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" ({self.code})" if self.code else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _safe_cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _unsafe_cell(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def taxonomy_export_csv(*, out: TextIO) -> int:
    """Write every pledge and pathway (active or not) as CSV; return the number of rows."""
    rows = taxonomy_rows()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _safe_cell(value) for key, value in row.items()})
    return len(rows)


@dataclass
class _Row:
    line: int
    code: str
    kind: str
    name: str
    description: str
    keywords: list[str]


def _parse(source: TextIO | str, result: ImportResult) -> list[_Row]:
    text = source if isinstance(source, str) else source.read(MAX_CSV_CHARS + 1)
    if len(text) > MAX_CSV_CHARS:
        result.errors.append(
            RowError(1, "", "The file is too big for a taxonomy. Nothing was imported.")
        )
        return []
    text = text.removeprefix("\ufeff")  # Excel writes a byte-order mark
    if (nul := text.find("\x00")) >= 0:
        # A NUL is never text (a spreadsheet's own file, or a damaged one); PostgreSQL
        # refuses it too, so say where it is instead of failing on save.
        result.errors.append(
            RowError(
                text.count("\n", 0, nul) + 1,
                "",
                "This line has a character that is not text. Save the file as 'CSV UTF-8' "
                "and try again. Nothing was imported.",
            )
        )
        return []
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        result.errors.append(RowError(1, "", f"The first line cannot be read: {exc}."))
        return []
    if len(fieldnames) > MAX_CSV_COLUMNS:
        result.errors.append(
            RowError(
                1,
                "",
                f"The first line has {len(fieldnames):,} columns; a taxonomy has "
                f"{len(CSV_COLUMNS)}. Nothing was imported.",
            )
        )
        return []
    header = [h.strip().lower() for h in fieldnames]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        result.errors.append(
            RowError(
                1,
                "",
                f"The first line must name the columns {','.join(CSV_COLUMNS)}. "
                f"Missing: {', '.join(missing)}. Nothing was imported.",
            )
        )
        return []
    reader.fieldnames = header
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for row in _rows_until_unreadable(reader, result):
        if (parsed := _parse_row(row, reader.line_num, seen, result)) is not None:
            rows.append(parsed)
    return rows


def _rows_until_unreadable(reader: csv.DictReader, result: ImportResult):
    """The reader's rows; a line the csv module cannot read (a cell over its size limit,
    a quote left open) is reported with its line number and ends the file there."""
    while True:
        before = reader.line_num  # the unreadable row starts on the line after this one
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            result.errors.append(
                RowError(
                    before + 1,
                    "",
                    f"This line cannot be read ({exc}). Nothing after it was imported.",
                )
            )
            return
        # Our own cap on a cell, not the csv module's: its limit is one setting for the whole
        # process, and another reader (the safeguarding bulk screen) may have raised it.
        if any(len(v) > MAX_CSV_CELL_CHARS for v in _cells(row)):
            result.errors.append(
                RowError(
                    before + 1,
                    "",
                    f"This line cannot be read (a cell is longer than "
                    f"{MAX_CSV_CELL_CHARS:,} characters). Nothing after it was imported.",
                )
            )
            return
        yield row


def _cells(row: dict) -> list[str]:
    """Every cell of a DictReader row, the extra ones (a list under the None key) too."""
    cells: list[str] = []
    for value in row.values():
        if isinstance(value, list):
            cells.extend(v for v in value if isinstance(v, str))
        elif isinstance(value, str):
            cells.append(value)
    return cells


def _parse_row(raw: dict, line: int, seen: dict[str, int], result: ImportResult) -> _Row | None:
    if None in raw:
        result.errors.append(RowError(line, "", "This row has more cells than columns."))
        return None
    values = {k: _unsafe_cell((raw.get(k) or "").strip()) for k in CSV_COLUMNS}
    if not any(values.values()):
        return None  # blank line
    code, kind = values["code"].lower(), values["kind"].lower()
    problems = []
    if not code:
        problems.append("The code is empty.")
    elif slugify(code) != code:
        problems.append(
            "The code may only have small letters, numbers and hyphens, "
            f"for example '{slugify(code) or 'pledge-14'}'."
        )
    if kind not in KINDS:
        problems.append("The kind must be 'pledge', 'pathway' or 'theme'.")
    if not values["name"]:
        problems.append("The name is empty.")
    if not values["description"]:
        problems.append("The description is empty.")
    if code in seen:
        problems.append(f"The code is also on line {seen[code]}; each code once only.")
    if problems:
        result.errors.append(RowError(line, code, " ".join(problems)))
        return None
    seen[code] = line
    keywords = [k.strip() for k in values["keywords"].split(";") if k.strip()]
    return _Row(line, code, kind, values["name"], values["description"], keywords)


def _apply(row: _Row, *, user, result: ImportResult) -> None:
    model = KINDS[row.kind]
    other = code_in_use(row.code, besides=model)
    if other:
        raise ValidationError(
            f"The code is already used by a {other}; pledges, pathways and themes share codes."
        )
    instance = model.objects.filter(code=row.code).first()
    created = instance is None
    if created:
        instance = model(code=row.code)
        if model is Pledge:
            match = _PLEDGE_CODE_RE.match(row.code)
            if not match:
                raise ValidationError("A new pledge needs a code like 'pledge-14'.")
            instance.number = int(match.group(1))
    new = {"name": row.name, "description": row.description, "keywords": "\n".join(row.keywords)}
    old = {
        "name": instance.name,
        "description": instance.description,
        "keywords": "\n".join(split_lines(instance.keywords)),
    }
    if not created and new == old:
        result.unchanged.append(row.code)
        return
    for key, value in new.items():
        setattr(instance, key, value)
    instance.full_clean()
    instance.save()
    instance.save_revision(user=user, clean=False)
    (result.created if created else result.updated).append(row.code)


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return " ".join(
            f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
            for k, v in error.message_dict.items()
        )
    return " ".join(error.messages)


def taxonomy_import_csv(*, source: TextIO | str, user=None) -> ImportResult:
    """Create or update pledges and pathways from CSV. See the module docstring for the rules."""
    result = ImportResult()
    rows = _parse(source, result)
    if not rows:
        return result
    with transaction.atomic():
        for row in rows:
            try:
                with transaction.atomic():  # a savepoint: a refused row leaves no trace
                    _apply(row, user=user, result=result)
            except ValidationError as error:
                result.errors.append(RowError(row.line, row.code, _messages(error)))
    result.errors.sort(key=lambda e: e.line)
    return result


# --- Consultations ------------------------------------------------------------------------------


CLOSE_NOW_ACTION = "action-close-now"


@transaction.atomic
def consultation_close_now(*, consultation, user) -> None:
    """Close a consultation now: the one explicit step that ends "Take part" (publishing
    results never does). Publishes the page's latest revision with today's closing date."""
    from django.utils import timezone

    page = consultation.get_latest_revision_as_object()
    page.closes_at = timezone.now()
    page.save_revision(user=user, log_action=True).publish(user=user)
