from django.core.management.base import BaseCommand

from cms.services import taxonomy_export_csv


class Command(BaseCommand):
    help = "Write every pledge and pathway as CSV (code,kind,name,description,keywords)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="File to write; standard output if omitted.")

    def handle(self, *args, path=None, **options) -> None:
        if path:
            with open(path, "w", encoding="utf-8", newline="") as out:
                count = taxonomy_export_csv(out=out)
            self.stderr.write(f"Wrote {count} rows to {path}.")
        else:
            taxonomy_export_csv(out=self.stdout)
