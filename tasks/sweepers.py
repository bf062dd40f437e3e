"""Find feedback whose tagging job was lost (broker down, worker killed) and queue it again."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from cms.jobs import enqueue
from feedback.models import Contribution, Response, ResponseStatus

from .sweep import register

BATCH = 200


def _overdue() -> timezone.datetime:
    return timezone.now() - timedelta(seconds=settings.EVERYVOICE_SWEEP_AFTER_SECONDS)


def _queue(kind: str, ids: list[int]) -> int:
    queued = 0
    for i in range(0, len(ids), BATCH):
        if enqueue("everyvoice.tag_batch", kind, ids[i : i + BATCH]):
            queued += len(ids[i : i + BATCH])
    return queued


@register
def untagged_responses() -> int:
    ids = list(
        Response.objects.filter(
            status=ResponseStatus.SUBMITTED, tagged_at__isnull=True, submitted_at__lte=_overdue()
        )
        .order_by("id")
        .values_list("id", flat=True)
    )
    return _queue("response", ids)


@register
def untagged_contributions() -> int:
    ids = list(
        Contribution.objects.filter(tagged_at__isnull=True, created_at__lte=_overdue())
        .order_by("id")
        .values_list("id", flat=True)
    )
    return _queue("contribution", ids)


@register
def queued_imports() -> int:
    """History imports saved in the admin whose job never started."""
    from .models import ImportJob, ImportStatus

    ids = ImportJob.objects.filter(status=ImportStatus.QUEUED, created_at__lte=_overdue())
    return sum(enqueue("everyvoice.import_history", i) for i in ids.values_list("id", flat=True))


@register
def queued_theme_runs() -> int:
    """Searches for emerging themes saved in the admin whose job never started."""
    from .models import ThemeRun, ThemeRunStatus

    ids = ThemeRun.objects.filter(status=ThemeRunStatus.QUEUED, created_at__lte=_overdue())
    return sum(enqueue("everyvoice.discover_themes", i) for i in ids.values_list("id", flat=True))
