"""Measure the tagger on labelled data, in isolation (the site's data is never changed).

    python manage.py evaluate_tagger --test TEST.csv [--train TRAIN.csv] \
        [--taxonomy TAXONOMY.csv] --json

Without --taxonomy the labels are the site's live pledges and pathways with their examples;
with it, a fresh tagger is built from that file alone. --train adds labelled examples as if
people had reviewed them. Prints one JSON object (see ``tasks.tagging.evaluate``).
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from tasks.services import taxonomy_labels
from tasks.tagging import evaluate, read_labelled_csv, read_taxonomy_csv, train_tagger


class Command(BaseCommand):
    help = "Evaluate the tagger on a labelled CSV (text,codes) and print precision/recall/F1."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--test", required=True, help="CSV with columns text,codes")
        parser.add_argument("--train", help="CSV with columns text,codes (extra reviewed data)")
        parser.add_argument(
            "--taxonomy", help="CSV with columns code,kind,name,description,keywords"
        )
        parser.add_argument("--json", action="store_true", help="print JSON (the default)")

    def handle(self, *args, test: str, train: str | None, taxonomy: str | None, **options):
        started = time.perf_counter()
        try:
            labels = read_taxonomy_csv(taxonomy) if taxonomy else taxonomy_labels()[0]
            extra = read_labelled_csv(train) if train else []
            test_examples = read_labelled_csv(test)
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        if not labels:
            raise CommandError("no labels: the taxonomy is empty")
        tagger = train_tagger(labels, extra)
        result = evaluate(tagger, test_examples, [label.code for label in labels])
        result["n_test"] = len(test_examples)
        result["seconds"] = round(time.perf_counter() - started, 3)
        self.stdout.write(json.dumps(result, sort_keys=True))
