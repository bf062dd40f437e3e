"""The glossary becomes translatable (issue #15): each existing word gets a translation key
and the default locale (Wagtail's bootstrap steps; the constraints follow in 0004, in their
own transaction, as PostgreSQL needs)."""

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("easyread", "0002_glossary_insight_words"),
        ("languages", "0001_locales"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="glossaryterm",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="glossaryterm",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        BootstrapTranslatableModel("easyread.GlossaryTerm"),
    ]
