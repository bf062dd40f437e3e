"""Reads for the panel: what is waiting for a member, one check's points, what the panel
said about a snippet (snippets have no Wagtail comments), and when a published page or
snippet was last checked."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from wagtail.models import Page, TaskState

from easyread.findings import block_label, easy_read_fields

from .models import ExpertCheckTask, PanelAnswer


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
    """One point to check: where it is, and what to render (a StreamChild, or a snippet's
    field already marked up as the public sees it)."""

    field: str
    block_id: str
    child: object


@dataclass(frozen=True)
class Rendered:
    """A snippet's point: ``{% include_block %}`` renders it as its published HTML."""

    html: SafeString

    def render_as_block(self, context=None) -> SafeString:
        return self.html


def checked_object(obj):
    """The object to check: a page as its specific type, a snippet as it is."""
    return obj.specific if isinstance(obj, Page) else obj


def object_name(obj) -> str:
    """What the panel calls it: its easy-read title where it has one."""
    return getattr(obj, "easy_read_title", "") or getattr(obj, "title", "") or str(obj)


def object_language(obj):
    """The language of a translated page or snippet when it is not the one being shown (a
    Gujarati outcome on the English check screen), for its name's ``lang``; else None."""
    from languages.catalogue import get
    from languages.selectors import current_language

    locale = getattr(obj, "locale", None) if getattr(obj, "locale_id", None) else None
    if locale is None:
        return None
    language = get(locale.language_code)
    return None if language.code == current_language().code else language


def object_points(obj) -> list[Point]:
    """The easy-read points of a page or snippet: each block of its easy-read StreamFields,
    or, for snippets whose easy read is in plain fields (outcomes), each of those fields."""
    if hasattr(obj, "easy_read_points"):
        return [
            Point(field=name, block_id=name, child=Rendered(html))
            for name, html in obj.easy_read_points()
        ]
    return [
        Point(field=name, block_id=str(child.id), child=child)
        for name in easy_read_fields(obj)
        for child in getattr(obj, name)
    ]


def points_to_check(task_state: TaskState) -> tuple[object, list[Point]]:
    """The page or snippet exactly as submitted (the task's revision) and its points."""
    obj = task_state.revision.as_object()
    return obj, object_points(obj)


@dataclass(frozen=True)
class NotUnderstood:
    answer: PanelAnswer
    number: int | None  # the point's number on the check screen (None: no longer there)
    words: str  # the point's words as checked


def _point_words(point: Point) -> str:
    if isinstance(point.child, Rendered):
        return strip_tags(point.child.html).strip()
    return block_label(point.child)


def latest_not_understood(obj) -> tuple[TaskState | None, list[NotUnderstood]]:
    """For a snippet's editor: the panel's most recent finished check of ``obj``, if it sent
    it back, and the points not understood in it (with the typed or spoken reasons)."""
    if obj is None or not obj.pk:
        return None, []
    state = (
        TaskState.objects.filter(
            task__in=ExpertCheckTask.objects.all(),
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
            workflow_state__base_content_type=ContentType.objects.get_for_model(
                obj, for_concrete_model=True
            ),
            workflow_state__object_id=str(obj.pk),
        )
        .select_related("revision")
        .order_by("-finished_at")
        .first()
    )
    if state is None or state.status != TaskState.STATUS_REJECTED:
        return None, []
    checked = {
        p.block_id: (n, p)
        for n, p in enumerate(object_points(state.revision.as_object()), start=1)
    }
    rows = []
    for answer in PanelAnswer.objects.filter(task_state=state, understood=False).order_by("id"):
        number, point = checked.get(answer.block_id, (None, None))
        words = _point_words(point) if point else ""
        rows.append(NotUnderstood(answer=answer, number=number, words=words))
    return state, rows


def checked_on(obj):
    """When the panel approved the revision that is live now (of a page or a snippet), or
    None.

    Only the live revision counts, so a page or outcome changed and republished without the
    panel stops saying it was checked."""
    if not getattr(obj, "live_revision_id", None):
        return None
    state = (
        TaskState.objects.filter(
            task__in=ExpertCheckTask.objects.all(),
            status=TaskState.STATUS_APPROVED,
            revision_id=obj.live_revision_id,
        )
        .exclude(finished_by__isnull=True)
        .order_by("-finished_at")
        .first()
    )
    return state.finished_at if state else None
