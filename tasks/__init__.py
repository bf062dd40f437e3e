"""Background jobs. ``celery -A tasks worker`` finds the Celery app here."""

from .celery import app

__all__ = ["app"]
