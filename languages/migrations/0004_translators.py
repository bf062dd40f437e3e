"""The publishing roles may send pages and snippets (the glossary) for translation with
wagtail-localize's "Translate": its own permission, which no group had, so only superusers
could use it."""

from django.db import migrations

TRANSLATING_ROLES = ["Engagement team", "Editor", "Administrator"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=TRANSLATING_ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=TRANSLATING_ROLES):
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="wagtail_localize", codename="submit_translation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("languages", "0003_text_translation"),
        ("cms", "0002_roles"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
