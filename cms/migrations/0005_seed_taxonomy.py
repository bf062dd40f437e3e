"""Seed the LLR taxonomy: 9 collaboratives, pledges pledge-1 to pledge-13 (Table 13 of the
LLR 5-year plan, in order) and the 11 LDA pathways, and let the publishing roles edit them.

The data is a copy of ``cms/seed/taxonomy.json`` as it was when this migration was written,
frozen beside it in ``0005_seed_taxonomy.json`` (never edit that file), so the migration gives
the same result forever (tests/cms/test_seed_migration.py); later changes go through the admin
or ``manage.py taxonomy_import``. Existing codes are left alone (editors may have changed them).
"""

import json
from pathlib import Path

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEED = json.loads(
    Path(__file__).with_name("0005_seed_taxonomy.json").read_text(encoding="utf-8")
)
EDITING_ROLES = ["Engagement team", "Editor", "Administrator"]
MODELS = {"cms": ["collaborative", "pledge", "pathway"], "easyread": ["glossaryterm"]}


def seed_taxonomy(apps, schema_editor):
    Collaborative = apps.get_model("cms", "Collaborative")
    Pledge = apps.get_model("cms", "Pledge")
    Pathway = apps.get_model("cms", "Pathway")
    collaboratives = {}
    for row in SEED["collaboratives"]:
        collaboratives[row["code"]], _ = Collaborative.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    for kind, model in (("pledges", Pledge), ("pathways", Pathway)):
        for row in SEED[kind]:
            defaults = {
                "name": row["name"],
                "description": row["description"],
                "easy_read": "\n".join(row["easy_read"]),
                "keywords": "\n".join(row["keywords"]),
                "examples": "\n".join(row["examples"]),
                "collaborative": collaboratives.get(row["collaborative"]),
                "active": True,
            }
            if kind == "pledges":
                defaults["number"] = int(row["code"].removeprefix("pledge-"))
            model.objects.get_or_create(code=row["code"], defaults=defaults)


def grant_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in MODELS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(MODELS),
        content_type__model__in=[m for models in MODELS.values() for m in models],
        codename__regex=r"^(add|change|delete|view)_",
    )
    for group in Group.objects.filter(name__in=EDITING_ROLES):
        group.permissions.add(*permissions)


def unseed(apps, schema_editor):
    for name in ("Pledge", "Pathway", "Collaborative"):
        apps.get_model("cms", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_pages_and_taxonomy"),
        ("easyread", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(seed_taxonomy, unseed),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]

