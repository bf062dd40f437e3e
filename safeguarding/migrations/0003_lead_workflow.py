# The lead's workflow (issue 11): new -> in progress -> closed with an assignee, an outcome
# and a note; flags raised by hand; escalation. "Acknowledged" becomes "closed": existing
# acknowledged flags are closed with outcome "other" (their note says what was done).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def acknowledged_to_closed(apps, schema_editor):
    Flag = apps.get_model("safeguarding", "SafeguardingFlag")
    Flag.objects.filter(closed_at__isnull=False).update(status="closed", outcome="other")


class Migration(migrations.Migration):
    dependencies = [
        ("safeguarding", "0002_flag_release"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="safeguardingflag", name="tasks_safeg_acknowl_5ffedb_idx"),
        migrations.RenameField(model_name="safeguardingflag", old_name="acknowledged_at", new_name="closed_at"),
        migrations.RenameField(model_name="safeguardingflag", old_name="acknowledged_by", new_name="closed_by"),
        migrations.RenameField(model_name="safeguardingflag", old_name="acknowledged_by_name", new_name="closed_by_name"),
        migrations.AlterModelOptions(name="safeguardingflag", options={"ordering": ["closed_at", "severity", "created_at"]}),
        migrations.AddField(
            model_name="safeguardingflag",
            name="source",
            field=models.CharField(choices=[("screen", "The screen"), ("lead", "Flagged by hand")], default="screen", max_length=8),
        ),
        migrations.AddField(
            model_name="safeguardingflag",
            name="raised_by",
            field=models.ForeignKey(blank=True, help_text="Who flagged it by hand (empty when the screen did).", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name="safeguardingflag",
            name="status",
            field=models.CharField(choices=[("new", "New"), ("in_progress", "In progress"), ("closed", "Closed")], default="new", max_length=12),
        ),
        migrations.AddField(
            model_name="safeguardingflag",
            name="assignee",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="safeguarding_flags_assigned", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(model_name="safeguardingflag", name="assigned_at", field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(
            model_name="safeguardingflag",
            name="escalated_at",
            field=models.DateTimeField(blank=True, help_text="When an urgent flag nobody picked up was sent again.", null=True),
        ),
        migrations.AddField(
            model_name="safeguardingflag",
            name="outcome",
            field=models.CharField(blank=True, choices=[("referred_la", "Referred to the local authority"), ("already_known", "Already known (already being handled)"), ("no_concern", "No concern"), ("wrong_category", "A concern, but of another kind than flagged"), ("other", "Other (say what in the note)")], max_length=16),
        ),
        migrations.AddField(
            model_name="safeguardingflag",
            name="lead_categories",
            field=models.JSONField(blank=True, default=list, help_text="The kinds of harm the lead decided it was."),
        ),
        migrations.AddIndex(
            model_name="safeguardingflag",
            index=models.Index(fields=["status", "severity", "created_at"], name="sg_flag_queue_idx"),
        ),
        migrations.RunPython(acknowledged_to_closed, migrations.RunPython.noop),
    ]
