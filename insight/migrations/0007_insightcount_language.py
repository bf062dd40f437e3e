"""The language of each response in the pre-aggregated counts (issue #15: insight filtered by
language). Stored rows made before have no language, so every month they cover is marked
stale: it is read live until the refresh job rebuilds it with the language filled in."""

import uuid

from django.db import migrations, models
from django.utils import timezone


def mark_stored_months_stale(apps, schema_editor):
    InsightCount = apps.get_model("insight", "InsightCount")
    InsightStaleMonth = apps.get_model("insight", "InsightStaleMonth")
    token, now = uuid.uuid4().hex, timezone.now()
    months = set(InsightCount.objects.values_list("month", flat=True).distinct())
    months -= set(InsightStaleMonth.objects.values_list("month", flat=True))
    InsightStaleMonth.objects.bulk_create(
        [InsightStaleMonth(month=m, token=token, marked_at=now) for m in sorted(months)]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0006_insight_summary"),
    ]

    operations = [
        migrations.AddField(
            model_name="insightcount",
            name="language",
            field=models.CharField(blank=True, max_length=16),
        ),
        migrations.RunPython(mark_stored_months_stale, migrations.RunPython.noop),
    ]
