"""Outcomes ("you said, we did") become translatable (issue #15), in Wagtail's three steps for
a model with rows already: 1. this one adds ``translation_key`` and ``locale``, both nullable;
2. ``0009`` gives every existing outcome the default locale and its own key; 3. ``0010`` makes
them required and unique together (in its own migration, so in its own transaction, as
PostgreSQL needs after a data migration)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0007_insightcount_language"),
        ("languages", "0001_locales"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="outcome",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="outcome",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
    ]
