"""Panel test data: a page waiting for the panel's check, and a panel member."""

from django.contrib.auth.models import Group
from wagtail.models import TaskState

from cms.roles import Role
from panel.models import ExpertCheckTask
from tests.cms.factories import staff_user


def panel_member(username: str = "eve"):
    group = Group.objects.get(name=Role.EXPERT_BY_EXPERIENCE)
    return staff_user(superuser=False, username=username, groups=[group])


def waiting_for_panel(page, *, editor) -> TaskState:
    """Submit ``page`` to its workflow and approve any steps before the panel's."""
    revision = page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    for _ in range(5):
        state.refresh_from_db()
        task_state = state.current_task_state
        if isinstance(task_state.task.specific, ExpertCheckTask):
            assert task_state.revision_id == revision.pk
            return task_state
        task_state.approve(user=editor)
    raise AssertionError("the panel's step never started")
