"""Celery tasks: thin wrappers that take ids and call services.

Every task is idempotent, acknowledged late (set globally: a task whose worker dies is
redelivered), JSON-serialised, time-limited and retried on database hiccups. Logs carry ids,
never feedback text.
"""

import logging

from celery import shared_task
from django.db import DatabaseError

from cms.jobs import enqueue

from . import retention, services
from .signals import texts_to_screen

logger = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": (DatabaseError,),
    "retry_backoff": 5,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(name="everyvoice.heartbeat", ignore_result=True)
def heartbeat() -> str:
    from celery import current_task

    request = current_task.request if current_task else None
    hostname = "in-process" if request is None or request.is_eager else request.hostname
    services.heartbeat_record(hostname=hostname)
    return hostname


@shared_task(name="everyvoice.tag_response", ignore_result=True, **RETRY)
def tag_response(response_id: int) -> int:
    # Safeguarding screening rides on the tagging job: one job per response, and the sweep
    # (which re-queues untagged work) covers screening too. Screening goes first (the seam in
    # signals.py) and commits on its own, so a tagging failure never delays a flag.
    texts_to_screen.send(sender=tag_response, kind="response", ids=[response_id])
    written = services.responses_tag(response_ids=[response_id])
    logger.info("tagged response %s (%d tags written)", response_id, written)
    return written


@shared_task(name="everyvoice.tag_contribution", ignore_result=True, **RETRY)
def tag_contribution(contribution_id: int) -> int:
    texts_to_screen.send(sender=tag_contribution, kind="contribution", ids=[contribution_id])
    written = services.contributions_tag(contribution_ids=[contribution_id])
    logger.info("tagged contribution %s (%d tags written)", contribution_id, written)
    return written


@shared_task(name="everyvoice.tag_batch", ignore_result=True, **RETRY)
def tag_batch(kind: str, ids: list[int], run_id: int | None = None) -> int:
    """Tag many texts in one go (bulk imports, the sweep, re-tagging): one model call."""
    if kind not in ("response", "contribution"):
        raise ValueError(f"unknown kind {kind!r}")
    texts_to_screen.send(sender=tag_batch, kind=kind, ids=ids)
    if kind == "response":
        written = services.responses_tag(response_ids=ids)
    else:
        written = services.contributions_tag(contribution_ids=ids)
    if run_id is not None:
        services.retag_run_advance(run_id=run_id, done=len(ids))
    logger.info("tagged %d %ss (%d tags written)", len(ids), kind, written)
    return written


@shared_task(name="everyvoice.retag_all", ignore_result=True)
def retag_all(started_by_id: int | None = None) -> int:
    """After the taxonomy changes: retrain, then re-tag everything in chunks."""
    services.tagger_train(reason="taxonomy changed")
    run, chunks = services.retag_run_start(started_by=started_by_id and _user(started_by_id))
    for kind, ids in chunks:
        enqueue("everyvoice.tag_batch", kind, ids, run.id)
    return run.id


def _user(user_id: int):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(id=user_id).first()


@shared_task(name="everyvoice.retrain_tagger", ignore_result=True)
def retrain_tagger() -> str | None:
    version = services.retrain_if_due()
    return version.version if version else None


@shared_task(name="everyvoice.retrain_tagger_now", ignore_result=True, **RETRY)
def retrain_tagger_now(user_id: int | None = None) -> str:
    """ "Retrain now" on the health page, in the background so the browser is never held."""
    user = user_id and _user(user_id)
    version = services.tagger_train(
        reason=f"retrained by {user.get_username()}" if user else "retrained from the admin"
    )
    return version.version


@shared_task(name="everyvoice.sweep_lost_jobs", ignore_result=True)
def sweep_lost_jobs() -> int:
    """Re-queue work whose job never ran. Each job family registers its own sweeper."""
    from .sweep import run_sweepers

    queued = run_sweepers()
    logger.info("sweep re-queued %d items", queued)
    return queued


@shared_task(name="everyvoice.apply_retention", ignore_result=True, **RETRY)
def apply_retention() -> int:
    """Anonymise or delete feedback past its consultation's retention period."""
    run = retention.retention_apply()
    logger.info("retention run %s: %d items", run.id, run.total)
    return run.id


@shared_task(name="everyvoice.import_history", ignore_result=True, time_limit=30 * 60, **RETRY)
def import_history(job_id: int) -> str | None:
    """Import a framework or labelled history saved in the admin, then retrain."""
    job = services.import_job_run(job_id=job_id)
    logger.info("import job %s: %s", job_id, job.status if job else "missing")
    return job.status if job else None


@shared_task(name="everyvoice.discover_themes", ignore_result=True, time_limit=30 * 60, **RETRY)
def discover_themes(run_id: int) -> str | None:
    """Group the texts no tag fits well into candidate themes (admin "Emerging themes")."""
    run = services.theme_run_execute(run_id=run_id)
    logger.info("theme run %s: %s", run_id, run.status if run else "missing")
    return run.status if run else None
