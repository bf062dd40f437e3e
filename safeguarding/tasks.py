"""Safeguarding's Celery jobs: thin, take ids, idempotent (see tasks/tasks.py for defaults)."""

import logging

from celery import shared_task
from django.db import DatabaseError

from . import services

logger = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": (DatabaseError,),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(name="everyvoice.screen_response", ignore_result=True, **RETRY)
def screen_response(response_id: int) -> int:
    """Screen one response on its own (tag_response also does it): idempotent."""
    created = services.responses_screen(response_ids=[response_id])
    logger.info("screened response %s (%d new flags)", response_id, len(created))
    return len(created)


@shared_task(name="everyvoice.screen_contribution", ignore_result=True, **RETRY)
def screen_contribution(contribution_id: int) -> int:
    created = services.contributions_screen(contribution_ids=[contribution_id])
    logger.info("screened contribution %s (%d new flags)", contribution_id, len(created))
    return len(created)


@shared_task(name="everyvoice.safeguarding_escalate", ignore_result=True, **RETRY)
def safeguarding_escalate() -> int:
    """Beat: urgent flags not picked up in time go to the lead(s) and deputies again."""
    return services.flags_escalate()


@shared_task(name="everyvoice.safeguarding_digest", ignore_result=True, **RETRY)
def safeguarding_digest() -> int:
    """Beat (hourly; sends once a day from the digest hour): the open flags."""
    return services.flags_digest()


@shared_task(name="everyvoice.safeguarding_retrain", ignore_result=True, **RETRY)
def safeguarding_retrain() -> str:
    """Queued (on commit) after each decision of the lead: a new model version, active."""
    return services.model_retrain(reason="lead's decisions").version


@shared_task(name="everyvoice.safeguarding_screen_file", ignore_result=True, **RETRY)
def safeguarding_screen_file(job_id: int) -> str:
    """Queued (on commit) when the lead uploads a past export to screen; idempotent."""
    job = services.screen_job_run(job_id=job_id)
    logger.info("safeguarding screen %s: %s", job_id, job.status if job else "gone")
    return job.status if job else "gone"
