"""Every periodic job in one place (read by ``celery -A tasks beat``)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict[str, dict] = {
    "heartbeat": {"task": "everyvoice.heartbeat", "schedule": 60.0},
    # Work whose job was lost (broker down, worker killed) is queued again.
    "sweep-lost-jobs": {"task": "everyvoice.sweep_lost_jobs", "schedule": 120.0},
}

__all__ = ["BEAT_SCHEDULE", "crontab"]
