"""The taxonomy data migration reads its frozen data from the JSON file beside it, and keeps
producing exactly the rows it produced when the data lived inside the migration."""

import hashlib
import importlib
import json
from pathlib import Path

import pytest

from cms.models import Collaborative, Pathway, Pledge

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("cms.migrations.0005_seed_taxonomy")
PHRASES = importlib.import_module("cms.migrations.0015_tagger_seed_phrases")
PHRASES_2 = importlib.import_module("cms.migrations.0016_tagger_seed_phrases_2")
EXAMPLES_3 = importlib.import_module("cms.migrations.0017_tagger_seed_examples_3")
EXAMPLES_4 = importlib.import_module("cms.migrations.0018_tagger_seed_examples_4")
SEED_JSON = Path(__file__).resolve().parents[2] / "cms/seed/taxonomy.json"
# SHA-256 of the seeded rows (below) as the migration made them with its data inline, before
# the data moved to 0005_seed_taxonomy.json: the migration must make the same rows forever.
SEEDED_ROWS_SHA256 = "1e73a225e60a430d786b72419b88c7b3d84a1ff9035be10d6e88e5fb422865e1"


def seeded_rows() -> list:
    fields = ["code", "name", "description", "easy_read", "keywords", "examples", "active"]
    rows = [["collaborative", c.code, c.name] for c in Collaborative.objects.order_by("code")]
    for model in (Pledge, Pathway):
        for term in model.objects.order_by("code").select_related("collaborative"):
            row = [model.__name__, *(getattr(term, f) for f in fields)]
            row.append(term.collaborative.code if term.collaborative else None)
            if model is Pledge:
                row.append(term.number)
            rows.append(row)
    return rows


def digest(rows: list) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def test_the_migration_made_the_same_rows_as_ever():
    from django.apps import apps

    EXAMPLES_4.backwards(apps, None)  # 0015-0018 changed some terms' tagger phrases since
    EXAMPLES_3.backwards(apps, None)
    PHRASES_2.backwards(apps, None)
    PHRASES.backwards(apps, None)
    assert digest(seeded_rows()) == SEEDED_ROWS_SHA256


def test_a_migrated_site_has_the_seeds_tagger_phrases_and_examples():
    seed = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    for model, kind in ((Pledge, "pledges"), (Pathway, "pathways")):
        for item in seed[kind]:
            term = model.objects.get(code=item["code"])
            assert term.keywords.split("\n") == item["keywords"], item["code"]
            assert term.examples.split("\n") == item["examples"], item["code"]
    assert "school" not in Pledge.objects.get(code="pledge-11").keywords.split("\n")


def test_the_phrase_change_leaves_an_editors_own_words_alone():
    from django.apps import apps

    PHRASES.backwards(apps, None)
    pledge = Pledge.objects.get(code="pledge-11")
    pledge.keywords = "children\nschool nurse"  # an editor's own list
    pledge.save()
    PHRASES.forwards(apps, None)
    pledge.refresh_from_db()
    assert pledge.keywords == "children\nschool nurse"
    assert "school nurse" in pledge.examples  # examples were untouched by the editor: updated
    pathway = Pathway.objects.get(code="dynamic-support")
    assert "risk register" in pathway.keywords.split("\n")
    PHRASES.backwards(apps, None)
    pathway.refresh_from_db()
    assert "risk register" not in pathway.keywords.split("\n")
    assert Pledge.objects.get(code="pledge-11").keywords == "children\nschool nurse"


def test_running_it_again_on_an_empty_taxonomy_makes_the_same_rows():
    from django.apps import apps

    from involvement.models import Workstream

    # The involvement register's seeded workstreams belong to collaboratives (protected).
    Workstream.objects.all().delete()
    for model in (Pledge, Pathway, Collaborative):
        model.objects.all().delete()
    MIGRATION.seed_taxonomy(apps, None)
    assert digest(seeded_rows()) == SEEDED_ROWS_SHA256


def test_its_data_is_the_frozen_file_beside_it():
    frozen = Path(MIGRATION.__file__).with_name("0005_seed_taxonomy.json")
    assert json.loads(frozen.read_text(encoding="utf-8")) == MIGRATION.SEED
    assert len(MIGRATION.SEED["pledges"]) == 13 and len(MIGRATION.SEED["pathways"]) == 11
