"""``manage.py safeguarding_screen IN.csv --out OUT.csv``: screen every row of a CSV export.

The contract lives in ``safeguarding.screen.bulk``: every input row, same order, other columns
unchanged, plus flagged / severity / categories / method / score. Nothing is stored and no flag
is raised: this is for reading back over old exports. Text is never logged.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from safeguarding.screen import BulkScreenError, screen_csv, screen_texts


class Command(BaseCommand):
    help = "Screen the 'text' column of a CSV for possible safeguarding disclosures."

    def add_arguments(self, parser):
        parser.add_argument("input", help="CSV file with a header row and a 'text' column")
        parser.add_argument("--out", help="where to write the screened CSV (default: stdout)")

    def handle(self, *args, input: str, out: str | None = None, **options):
        source = Path(input)
        if not source.is_file():
            raise CommandError(f"{input}: no such file")
        if out and Path(out).resolve() == source.resolve():
            raise CommandError("--out must be a different file from the input")
        try:
            with source.open("rb") as raw:
                if out:
                    with open(out, "w", encoding="utf-8", newline="") as sink:
                        counts = screen_csv(raw, sink, screen_texts)
                else:
                    counts = screen_csv(raw, self.stdout, screen_texts)
        except BulkScreenError as exc:
            if out:
                Path(out).unlink(missing_ok=True)  # never leave half a result behind
            raise CommandError(f"{input}: {exc}") from None
        (self.stderr if not out else self.stdout).write(
            f"Screened {counts['rows']} rows: {counts['flagged']} flagged, "
            f"{counts['urgent']} urgent." + (f" Written to {out}." if out else "")
        )
