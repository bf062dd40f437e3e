# The SafeguardingFlag model, moved here from tasks (issue 11). State only: the table
# tasks_safeguardingflag was made by tasks.0003 and keeps its name (Meta.db_table).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("feedback", "0002_engagement_permissions"),
        ("tasks", "0004_tag_quote_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="SafeguardingFlag",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("target", models.CharField(editable=False, max_length=32, unique=True)),
                        ("severity", models.CharField(choices=[("urgent", "Urgent"), ("concern", "Concern")], max_length=8)),
                        ("categories", models.JSONField(default=list, help_text="What kind of harm, most severe first.")),
                        ("phrases", models.JSONField(default=list, help_text="The words that matched the rules.")),
                        ("method", models.CharField(choices=[("rules", "Phrase rules"), ("model", "Model"), ("both", "Phrase rules and model")], max_length=8)),
                        ("model_score", models.FloatField(blank=True, null=True)),
                        ("excerpt", models.TextField(blank=True, help_text="The screened text, for the lead only.")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("notified_at", models.DateTimeField(blank=True, null=True)),
                        ("acknowledged_at", models.DateTimeField(blank=True, null=True)),
                        ("acknowledged_by_name", models.CharField(blank=True, help_text="Kept if the account is deleted.", max_length=150)),
                        ("note", models.TextField(blank=True, help_text="What the lead did about it.")),
                        ("acknowledged_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("answer", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="safeguarding_flags", to="feedback.answer")),
                        ("contribution", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="safeguarding_flags", to="feedback.contribution")),
                        ("response", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="safeguarding_flags", to="feedback.response")),
                    ],
                    options={
                        "db_table": "tasks_safeguardingflag",
                        "ordering": ["acknowledged_at", "severity", "created_at"],
                        "indexes": [
                            models.Index(fields=["acknowledged_at", "severity", "created_at"], name="tasks_safeg_acknowl_5ffedb_idx"),
                            models.Index(fields=["notified_at"], name="tasks_safeg_notifie_baed90_idx"),
                        ],
                    },
                ),
            ],
        ),
    ]
