from django.core.management.base import BaseCommand, CommandError

from cms.services import taxonomy_import_csv


class Command(BaseCommand):
    help = (
        "Create or update pledges and pathways from CSV (code,kind,name,description,keywords). "
        "Bad rows are listed and skipped; good rows are imported. Exits 1 if any row was bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options) -> None:
        with open(path, encoding="utf-8-sig", newline="") as source:
            result = taxonomy_import_csv(source=source)
        self.stdout.write(
            f"Added {len(result.created)}, updated {len(result.updated)}, "
            f"unchanged {len(result.unchanged)}."
        )
        for error in result.errors:
            self.stderr.write(f"Not imported: {error}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} row(s) were not imported.")
