"""Give each seeded pledge and pathway its own shipped picture (static/pictures), so easy-read
insight no longer shows one picture for every pathway. Only blank pictures are filled: an
editor's choice is kept. The mapping is frozen here, like 0005's seed."""

from django.db import migrations

PICTURES = {
    "pledge-1": "fair",
    "pledge-2": "apple",
    "pledge-3": "support",
    "pledge-4": "calendar",
    "pledge-5": "ambulance",
    "pledge-6": "clock",
    "pledge-7": "home",
    "pledge-8": "hospital",
    "pledge-9": "health-check",
    "pledge-10": "mind",
    "pledge-11": "transitions",
    "pledge-12": "woman-girl",
    "pledge-13": "people-talking",
    "annual-health-checks": "health-check",
    "dynamic-support": "support",
    "crisis-support": "crisis",
    "respite-and-carers": "carers",
    "autism-team": "autism",
    "autism-assessment": "assessment",
    "forensic": "forensic",
    "hospital-discharge": "hospital",
    "cyp-keyworker": "keyworker",
    "transitions": "transitions",
    "leder": "leder",
}


def set_pictures(apps, schema_editor):
    for name in ("Pledge", "Pathway"):
        model = apps.get_model("cms", name)
        for row in model.objects.filter(code__in=PICTURES, picture=""):
            row.picture = PICTURES[row.code]
            row.save(update_fields=["picture"])


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_consultation_retention")]

    operations = [migrations.RunPython(set_pictures, migrations.RunPython.noop)]
