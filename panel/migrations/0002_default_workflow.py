"""Put the panel's check in the default workflow (the one on the root page, which every
easy-read page sits under). Pages without easy read pass the step straight away."""

from django.db import migrations

TASK_NAME = "Checked by experts by experience"
GROUP = "Expert by experience"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ExpertCheckTask = apps.get_model("panel", "ExpertCheckTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")

    group, _ = Group.objects.get_or_create(name=GROUP)
    content_type, _ = ContentType.objects.get_or_create(app_label="panel", model="expertchecktask")
    task = ExpertCheckTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ExpertCheckTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(group)

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    assigned = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    workflow = assigned.workflow if assigned else None
    if workflow is None:
        workflow = Workflow.objects.create(name="Easy read check", active=True)
        WorkflowPage.objects.create(page=root, workflow=workflow)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        last = WorkflowTask.objects.filter(workflow=workflow).order_by("-sort_order").first()
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=(last.sort_order + 1) if last else 0
        )


def backwards(apps, schema_editor):
    apps.get_model("panel", "ExpertCheckTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("panel", "0001_initial"),
        ("cms", "0002_roles"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
