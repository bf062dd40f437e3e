"""The oldest response of each pre-aggregated row, for the cell key of disclosure control.

Existing rows have none: every month they cover is marked stale, so the pages read those
months live (always right) until the refresh job rebuilds them with the new column."""

import uuid

from django.db import migrations, models
from django.utils import timezone


def mark_all_stale(apps, schema_editor):
    InsightCount = apps.get_model("insight", "InsightCount")
    InsightStaleMonth = apps.get_model("insight", "InsightStaleMonth")
    months = set(InsightCount.objects.values_list("month", flat=True).distinct())
    taken = set(InsightStaleMonth.objects.values_list("month", flat=True))
    token, now = uuid.uuid4().hex, timezone.now()
    InsightStaleMonth.objects.bulk_create(
        [InsightStaleMonth(month=m, token=token, marked_at=now) for m in sorted(months - taken)]
    )


class Migration(migrations.Migration):
    dependencies = [("insight", "0003_insight_counts")]

    operations = [
        migrations.AddField(
            model_name="insightcount",
            name="first_response",
            field=models.IntegerField(
                help_text="The oldest response in the row: with the count, the identity "
                "disclosure control keys its rounding on (insight/suppression.py).",
                null=True,
            ),
        ),
        migrations.RunPython(mark_all_stale, migrations.RunPython.noop),
    ]
