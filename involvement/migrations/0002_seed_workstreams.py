"""Seed the road map's workstreams (Transforming Care in LLR, 3 Year Road Map 2021-24: "Every
Voice Counts" asks for patients and carers in all workshops of each) and let the engagement
team and administrators keep the register. Frozen here; later changes go through the admin.
Existing codes are left alone."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# code, name, easy name, pathway code, picture, what the road map says
WORKSTREAMS = [
    (
        "dynamic-support-pathway",
        "Dynamic Support Pathway",
        "Help early so people can stay at home",
        "dynamic-support",
        "support",
        "Register and process for more robust multi-agency meetings; people in the community "
        "(all ages) have their needs identified early; fewer admissions for CYP and adults.",
    ),
    (
        "annual-health-checks",
        "Annual health checks",
        "Health checks every year",
        "annual-health-checks",
        "health-check",
        "75% of people with a learning disability having annual health checks; increased "
        "number and quality of checks for all.",
    ),
    (
        "leder",
        "LeDeR",
        "Learning from lives and deaths",
        "leder",
        "leder",
        "Clinical oversight of local LeDeR reviews with clear action plans; lessons learnt and "
        "outcomes embedded.",
    ),
    (
        "respite-short-breaks",
        "Respite and short breaks",
        "Short breaks for people and their families",
        "respite-and-carers",
        "carers",
        "Short-term respite beds for adults and CYP; prevention of carer breakdown.",
    ),
    (
        "cyp-key-worker",
        "CYP key worker",
        "A key worker for children and young people",
        "cyp-keyworker",
        "keyworker",
        "CYP key worker model of care in place; all CYP on the dynamic support register have a "
        "designated key worker.",
    ),
    (
        "specialist-autism-team",
        "Specialist Autism Team",
        "The autism team for people aged 14 and over",
        "autism-team",
        "autism",
        "A 14+ community service: consultation and advice, positive behaviour support, "
        "admission avoidance, discharge planning and post-discharge support.",
    ),
    (
        "forensic-pathway",
        "Forensic pathway",
        "Help for people who have been in trouble with the police",
        "forensic",
        "forensic",
        "New care pathway for people with a learning disability or autism with forensic "
        "service needs; LD and autism community forensic service.",
    ),
]
EDITING_ROLES = ["Engagement team", "Administrator"]


def seed(apps, schema_editor):
    Workstream = apps.get_model("involvement", "Workstream")
    Pathway = apps.get_model("cms", "Pathway")
    Collaborative = apps.get_model("cms", "Collaborative")
    lda = Collaborative.objects.filter(code="lda-collaborative").first()
    for code, name, easy, pathway, picture, description in WORKSTREAMS:
        Workstream.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "easy_name": easy,
                "description": description,
                "pathway": Pathway.objects.filter(code=pathway).first(),
                "collaborative": lda,
                "picture": picture,
            },
        )


def grant_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    config = apps.get_app_config("involvement")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    permissions = Permission.objects.filter(
        content_type__app_label="involvement",
        content_type__model__in=["workstream", "meeting"],
        codename__regex=r"^(add|change|delete|view)_",
    )
    for group in Group.objects.filter(name__in=EDITING_ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("involvement", "0001_initial"),
        ("cms", "0005_seed_taxonomy"),
        ("cms", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
