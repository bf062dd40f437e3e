"""Insight's background jobs: thin, take ids, idempotent, log ids only.

Registered by ``InsightConfig.ready()`` in every process, so ``cms.jobs.enqueue_on_commit``
can queue them by name.
"""

import logging

from celery import shared_task
from django.db import DatabaseError

logger = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": (DatabaseError,),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(name="everyvoice.export_insight", ignore_result=True, **RETRY)
def export_insight(job_id: int) -> None:
    from . import services

    job = services.export_job_run(job_id=job_id)
    logger.info("export %s: %s", job_id, job.status if job else "gone")


@shared_task(name="everyvoice.notify_outcome", ignore_result=True, **RETRY)
def notify_outcome(outcome_id: int) -> int:
    from . import services

    return services.outcome_notify(outcome_id=outcome_id)


@shared_task(name="everyvoice.refresh_insight_counts", ignore_result=True, **RETRY)
def refresh_insight_counts() -> int:
    from . import counts

    return counts.counts_refresh()
