"""Let the Engagement team (and Administrators) manage outcomes and representation targets in
the admin. Permissions are created here because Django only makes them after all migrations
have run."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["outcome", "outcomeexample", "representationtarget"]
GRANTS = {
    "Engagement team": ["add", "change", "delete", "view"],
    "Administrator": ["add", "change", "delete", "view"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("insight")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, actions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [f"{a}_{m}" for a in actions for m in MODELS]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="insight", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    perms = Permission.objects.filter(content_type__app_label="insight")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0001_initial"),
        ("cms", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
