"""Group texts into candidate themes (the labels, if any, are ignored).

    python manage.py discover_themes IN.csv --json [--max-themes 60]

Reads a CSV with a `text` column and prints
``{"themes": [{"name", "key_phrases", "members": [0-based data row indices]}]}``.
Changes nothing. The engine is ``tasks.tagging.themes.discover_themes``.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from tasks.tagging.io import read_texts_csv
from tasks.tagging.themes import MAX_THEMES, discover_themes


class Command(BaseCommand):
    help = "Discover candidate themes in a CSV of texts and print them as JSON."

    def add_arguments(self, parser) -> None:
        parser.add_argument("csv", help="CSV with a text column")
        parser.add_argument("--json", action="store_true", help="print JSON (the default)")
        parser.add_argument("--max-themes", type=int, default=MAX_THEMES)

    def handle(self, *args, csv: str, max_themes: int, **options):
        if not 1 <= max_themes <= MAX_THEMES:
            raise CommandError(f"--max-themes must be between 1 and {MAX_THEMES}")
        try:
            texts = read_texts_csv(csv)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        themes = discover_themes(texts, max_themes=max_themes)
        payload = {
            "themes": [
                {"name": t.name, "key_phrases": list(t.key_phrases), "members": list(t.members)}
                for t in themes
            ]
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False))
