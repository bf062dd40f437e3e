"""Queue background work safely: after commit, by task name, surviving a broker outage.

Services call :func:`enqueue_on_commit` so a job is only queued once the row it needs is
saved. Tasks are named (``everyvoice.<job>``) so apps do not import the ``tasks`` app, which
keeps dependencies pointing one way. If the broker is down the request still succeeds: the
work stays marked as pending and the periodic sweep queues it again.
"""

import logging
from functools import partial

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def enqueue(task_name: str, *args: int | str) -> bool:
    """Send a job now; return False (and log) instead of raising when the broker is away."""
    try:
        current_app.tasks[task_name].apply_async(args=args)
    except (OperationalError, ConnectionError, OSError) as exc:
        logger.warning("could not queue %s%r: %s (the sweep will retry)", task_name, args, exc)
        return False
    return True


def enqueue_on_commit(task_name: str, *args: int | str) -> None:
    transaction.on_commit(partial(enqueue, task_name, *args))


class JobProgress:
    """Progress of a background job row (``status``, ``done``, ``total``) as its admin page
    shows it: the export, history import, theme search and safeguarding screen jobs share it.
    A job never says 100% until it has finished (the last rows may still be saving)."""

    DONE_STATUS = "done"
    RUNNING_STATUSES: frozenset[str] = frozenset({"queued", "running"})

    @property
    def percent(self) -> int:
        if self.status == self.DONE_STATUS:
            return 100
        return 0 if not self.total else min(99, round(100 * self.done / self.total))

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING_STATUSES
