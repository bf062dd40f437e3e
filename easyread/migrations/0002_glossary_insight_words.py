"""Hard words that easy-read insight and pathway pages use, explained for everyone (not only in
the demo): forensic, dynamic support register, LeDeR and insight. Existing terms are kept, so
an editor's better wording wins."""

from django.db import migrations

TERMS = [
    (
        "forensic",
        "About people who have been in trouble with the police or the courts.",
        "forensic",
    ),
    (
        "dynamic support register",
        "A list of people who may need extra help soon. It helps them stay out of hospital.",
        "support",
    ),
    (
        "LeDeR",
        "We look at the lives and deaths of people with a learning disability. "
        "We learn how to make care better.",
        "leder",
    ),
    (
        "insight",
        "What we learn when we put together what lots of people told us.",
        "people-talking",
    ),
]


def add_terms(apps, schema_editor):
    GlossaryTerm = apps.get_model("easyread", "GlossaryTerm")
    for term, explanation, picture in TERMS:
        if not GlossaryTerm.objects.filter(term__iexact=term).exists():
            GlossaryTerm.objects.create(term=term, explanation=explanation, picture=picture)


class Migration(migrations.Migration):
    dependencies = [("easyread", "0001_initial")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
