"""Every periodic job in one place (read by ``celery -A tasks beat``)."""

BEAT_SCHEDULE: dict[str, dict] = {
    "heartbeat": {"task": "everyvoice.heartbeat", "schedule": 60.0},
    # Work whose job was lost (broker down, worker killed) is queued again.
    "sweep-lost-jobs": {"task": "everyvoice.sweep_lost_jobs", "schedule": 120.0},
    # Cheap when nothing is due: it only counts reviews since the last training.
    "retrain-tagger": {"task": "everyvoice.retrain_tagger", "schedule": 15 * 60.0},
    # Retention is counted in days: hourly is prompt enough and cheap when nothing is due.
    "apply-retention": {"task": "everyvoice.apply_retention", "schedule": 60 * 60.0},
    # Urgent safeguarding flags nobody picked up in time are sent again (claimed once each).
    "safeguarding-escalate": {"task": "everyvoice.safeguarding_escalate", "schedule": 300.0},
    # Hourly, but sends once a day (a row per date) from EVERYVOICE_SAFEGUARDING_DIGEST_HOUR.
    "safeguarding-digest": {"task": "everyvoice.safeguarding_digest", "schedule": 60 * 60.0},
    # Insight counts of months changed since (normally done by the job queued on the change;
    # this catches a lost one). One query when nothing is stale; stale months read live.
    "refresh-insight-counts": {"task": "everyvoice.refresh_insight_counts", "schedule": 300.0},
}
