"""Celery tasks: thin wrappers that take ids and call services.

Every task here is idempotent, acknowledged late (set globally) and JSON-serialised, so a
redelivery after a lost worker does no harm.
"""

import logging

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(name="everyvoice.heartbeat", ignore_result=True)
def heartbeat() -> str:
    from celery import current_task

    request = current_task.request if current_task else None
    hostname = "in-process" if request is None or request.is_eager else request.hostname
    services.heartbeat_record(hostname=hostname)
    return hostname


@shared_task(name="everyvoice.sweep_lost_jobs", ignore_result=True)
def sweep_lost_jobs() -> int:
    """Re-queue work whose job never ran. Each job family registers its own sweeper."""
    from .sweep import run_sweepers

    queued = run_sweepers()
    logger.info("sweep re-queued %d jobs", queued)
    return queued
