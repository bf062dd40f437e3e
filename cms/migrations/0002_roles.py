"""Create the staff roles as groups.

Engagement team and Editors publish pages and upload pictures, so they get the same page and
collection permissions as Wagtail's own Moderators group; the admin-facing roles get admin
access. Further permissions are granted by the migrations of the features that need them.
"""

from django.db import migrations

ROLES = [
    "Engagement team",
    "Collaborative member",
    "Expert by experience",
    "Safeguarding lead",
    "Editor",
    "Administrator",
]
ADMIN_ROLES = {"Engagement team", "Safeguarding lead", "Editor", "Administrator"}
PUBLISHING_ROLES = {"Engagement team", "Editor", "Administrator"}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    moderators = Group.objects.filter(name="Moderators").first()

    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if name in ADMIN_ROLES:
            group.permissions.add(access_admin)
        if name in PUBLISHING_ROLES and moderators is not None:
            for gpp in GroupPagePermission.objects.filter(group=moderators):
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=gpp.page_id, permission_id=gpp.permission_id
                )
            for gcp in GroupCollectionPermission.objects.filter(group=moderators):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection_id=gcp.collection_id, permission_id=gcp.permission_id
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
