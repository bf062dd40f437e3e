"""Outcomes get drafts, revisions, locking and Wagtail's workflow (the experts by experience
check their easy read before it goes live).

Existing outcomes keep exactly what the public saw: a published one stays live (first and
last published when it was first published), an unpublished one becomes a draft. Outcomes
are put in the default workflow (the one on the root page, which has the panel's check), and
the roles that managed outcomes may now publish, lock and unlock them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


OUTCOME_ROLES = ("Engagement team", "Administrator")


def published_to_live(apps, schema_editor):
    Outcome = apps.get_model("insight", "Outcome")
    for outcome in Outcome.objects.all():
        outcome.live = outcome.published
        outcome.has_unpublished_changes = not outcome.published
        if outcome.published:
            when = outcome.published_at or outcome.updated_at
            outcome.first_published_at = outcome.last_published_at = when
        outcome.save(
            update_fields=[
                "live",
                "has_unpublished_changes",
                "first_published_at",
                "last_published_at",
            ]
        )


def live_to_published(apps, schema_editor):
    apps.get_model("insight", "Outcome").objects.update(published=models.F("live"))


def workflow_and_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="insight", model="outcome")
    perms = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_outcome",
            defaults={"name": f"Can {action} outcome"},
        )[0]
        for action in ("publish", "lock", "unlock")
    ]
    for group in Group.objects.filter(name__in=OUTCOME_ROLES):
        group.permissions.add(*perms)

    root = Page.objects.filter(depth=1).first()
    assigned = WorkflowPage.objects.filter(page=root).first() if root else None
    if assigned is not None:
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow_id": assigned.workflow_id}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0011_audit_view_insight"),
        ("insight", "0004_insightcount_first_response"),
        ("wagtailcore", "0098_apitoken"),
        ("panel", "0002_default_workflow"),
        ("insight", "0002_engagement_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="outcome",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="last_published_at",
            field=models.DateTimeField(
                editable=False, null=True, verbose_name="last published at"
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.RunPython(published_to_live, live_to_published),
        migrations.RemoveIndex(
            model_name="outcome",
            name="insight_out_consult_34cf4d_idx",
        ),
        migrations.RemoveField(
            model_name="outcome",
            name="published",
        ),
        migrations.RunPython(workflow_and_permissions, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="outcome",
            index=models.Index(
                fields=["consultation", "live"], name="insight_out_consult_e99acc_idx"
            ),
        ),
    ]
