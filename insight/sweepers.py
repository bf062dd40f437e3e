"""Re-queue insight jobs that were lost (broker down, worker killed): big exports still
waiting, and outcome emails not yet sent. Registered with the one periodic sweep
(``tasks.sweep``); both jobs are idempotent, so queuing one twice is harmless. (Stale insight
counts need no sweeper: ``everyvoice.refresh_insight_counts`` also runs on the beat.)"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from cms.jobs import enqueue
from tasks.sweep import register

from .models import ExportJob, ExportStatus, Outcome
from .selectors import outcome_tells_people, responses_to_notify

# Outcome emails are retried for this long after publishing, then left alone.
NOTIFY_WINDOW = timedelta(days=14)


def _overdue():
    return timezone.now() - timedelta(seconds=settings.EVERYVOICE_SWEEP_AFTER_SECONDS)


@register
def stalled_exports() -> int:
    # A running job older than twice the hard time limit was killed; a younger one may
    # still be writing its file.
    killed = timezone.now() - timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT)
    ids = ExportJob.objects.filter(
        Q(status=ExportStatus.QUEUED, created_at__lte=_overdue())
        | Q(status=ExportStatus.RUNNING, created_at__lte=killed)
    ).values_list("id", flat=True)
    return sum(enqueue("everyvoice.export_insight", job_id) for job_id in ids)


@register
def unsent_outcome_emails() -> int:
    outcomes = Outcome.objects.filter(
        live=True,
        published_at__lte=_overdue(),
        published_at__gte=timezone.now() - NOTIFY_WINDOW,
    )
    queued = 0
    for outcome in outcomes:  # a handful a fortnight
        # One job tells everyone, each in their own language (the English row's job).
        if not outcome_tells_people(outcome=outcome):
            continue
        if responses_to_notify(outcome=outcome).exists():
            queued += enqueue("everyvoice.notify_outcome", outcome.pk)
    return queued
