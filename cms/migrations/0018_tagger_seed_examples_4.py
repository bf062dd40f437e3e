"""Fourth round of the seed's tagger examples (2026-12-04 night): plain examples in every
voice for the tags that lost at the cold start when 0017's examples moved the shared
calibration (pledge-9, annual health checks, prevention, the frailest), and for mental health
access, children and young people, autism assessment, transitions and crisis support. Written
from the taxonomy descriptions and the source documents, never from anyone's feedback; on the
review pool's dev protocol macro-F1 rose by about 0.01 at every point (0.784 -> 0.794 at the
cold start, 0.807 -> 0.818 at 100 reviewed; tasks/tagging/README.md, "Third round").

Same rules as 0015 (whose code this uses): frozen in ``0018_tagger_seed_examples_4.json``
(never edit it), a field changes only while it holds exactly what 0017 left, reversible.
"""

import importlib
import json
from pathlib import Path

from django.db import migrations

FIRST = importlib.import_module("cms.migrations.0015_tagger_seed_phrases")
CHANGES = json.loads(
    Path(__file__).with_name("0018_tagger_seed_examples_4.json").read_text(encoding="utf-8")
)


def forwards(apps, schema_editor):
    FIRST.apply_changes(apps, CHANGES, "from", "to")


def backwards(apps, schema_editor):
    FIRST.apply_changes(apps, CHANGES, "to", "from")


class Migration(migrations.Migration):
    dependencies = [("cms", "0017_tagger_seed_examples_3")]

    operations = [migrations.RunPython(forwards, backwards)]
