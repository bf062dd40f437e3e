"""Third round of the seed's tagger examples (2026-12-04 night): plain-worded examples in
every voice (people with a learning disability, autistic people, carers, young people,
staff notes) for joined-up care, hospital waits, inpatient care and discharge, crisis
support, children and young people, the workforce, short breaks and the dynamic support
register. Written from the taxonomy descriptions and the source documents, never from
anyone's feedback; on the review pool's dev protocol the cold start rose from 0.764 to 0.784
macro-F1 (see tasks/tagging/README.md, "Third round").

Same rules as 0015 (whose code this uses): frozen in ``0017_tagger_seed_examples_3.json``
(never edit it), a field changes only while it holds exactly what 0016 left, reversible.
"""

import importlib
import json
from pathlib import Path

from django.db import migrations

FIRST = importlib.import_module("cms.migrations.0015_tagger_seed_phrases")
CHANGES = json.loads(
    Path(__file__).with_name("0017_tagger_seed_examples_3.json").read_text(encoding="utf-8")
)


def forwards(apps, schema_editor):
    FIRST.apply_changes(apps, CHANGES, "from", "to")


def backwards(apps, schema_editor):
    FIRST.apply_changes(apps, CHANGES, "to", "from")


class Migration(migrations.Migration):
    dependencies = [("cms", "0016_tagger_seed_phrases_2")]

    operations = [migrations.RunPython(forwards, backwards)]
