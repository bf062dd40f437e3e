"""Operational records of the job system itself (no personal data)."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """Written by a worker on each beat, so /readyz can say when a worker last ran a job."""

    hostname = models.CharField(max_length=255, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.hostname} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
