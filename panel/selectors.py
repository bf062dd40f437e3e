"""Reads for the panel: what is waiting for a member, one check's points, and when a
published page was last checked."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState

from easyread.findings import easy_read_fields

from .models import ExpertCheckTask


def _member_tasks(user):
    tasks = ExpertCheckTask.objects.filter(active=True)
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all())
    return tasks.distinct()


def checks_waiting(*, user) -> list[TaskState]:
    """Checks in progress that ``user``'s group is asked to do, oldest first."""
    return list(
        TaskState.objects.filter(task__in=_member_tasks(user), status=TaskState.STATUS_IN_PROGRESS)
        .select_related("revision", "workflow_state")
        .order_by("started_at")
    )


def check_for_member(*, user, task_state_id: int) -> TaskState | None:
    """The check, if it is in progress and ``user`` may answer it; otherwise None."""
    return (
        TaskState.objects.filter(
            pk=task_state_id,
            task__in=_member_tasks(user),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        .select_related("revision")
        .first()
    )


@dataclass(frozen=True)
class Point:
    """One block to check: where it is, and the StreamChild to render as published."""

    field: str
    block_id: str
    child: object


def points_to_check(task_state: TaskState) -> tuple[Page, list[Point]]:
    """The page exactly as submitted (the task's revision) and its easy-read blocks."""
    page = task_state.revision.as_object()
    points = [
        Point(field=name, block_id=str(child.id), child=child)
        for name in easy_read_fields(page)
        for child in getattr(page, name)
    ]
    return page, points


def checked_on(page):
    """When the panel approved the revision that is live now, or None.

    Only the live revision counts, so a page changed and republished without the panel
    stops saying it was checked."""
    if not page.live_revision_id:
        return None
    state = (
        TaskState.objects.filter(
            task__in=ExpertCheckTask.objects.all(),
            status=TaskState.STATUS_APPROVED,
            revision_id=page.live_revision_id,
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        )
        .exclude(finished_by__isnull=True)
        .order_by("-finished_at")
        .first()
    )
    return state.finished_at if state else None
