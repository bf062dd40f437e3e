"""One Wagtail locale for each language of the public site (English already has one)."""

from django.db import migrations

CODES = ("gu", "pa", "ur", "pl", "so", "ar")


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CODES:
        Locale.objects.get_or_create(language_code=code)


def remove_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code__in=CODES, page__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0054_initial_locale")]
    operations = [migrations.RunPython(add_locales, remove_locales)]
