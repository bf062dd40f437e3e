"""Second round of the seed's tagger phrases and examples (2026-12-04): respite and carers,
fair access to mental health, crisis support and GP access, from the TCP/LDA road map
(short-term respite beds, carer breakdown, rapid response home support) and the LLR 5-year
plan (crisis cafes, the central access point, GP appointments).

Same rules as 0015 (whose code this uses): frozen in ``0016_tagger_seed_phrases_2.json``
(never edit it), a field changes only while it holds exactly what 0015 left, reversible.
"""

import importlib
import json
from pathlib import Path

from django.db import migrations

FIRST = importlib.import_module("cms.migrations.0015_tagger_seed_phrases")
CHANGES = json.loads(
    Path(__file__).with_name("0016_tagger_seed_phrases_2.json").read_text(encoding="utf-8")
)


def forwards(apps, schema_editor):
    FIRST.apply_changes(apps, CHANGES, "from", "to")


def backwards(apps, schema_editor):
    FIRST.apply_changes(apps, CHANGES, "to", "from")


class Migration(migrations.Migration):
    dependencies = [("cms", "0015_tagger_seed_phrases")]

    operations = [migrations.RunPython(forwards, backwards)]
