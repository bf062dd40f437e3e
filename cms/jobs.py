"""Queue background work safely: after commit, by task name, surviving a broker outage.

Services call :func:`enqueue_on_commit` so a job is only queued once the row it needs is
saved. Tasks are named (``everyvoice.<job>``) so apps do not import the ``tasks`` app, which
keeps dependencies pointing one way. If the broker is down the request still succeeds: the
work stays marked as pending and the periodic sweep queues it again.

Without a broker (the embedded default) Celery runs a job eagerly, inside the request that
queued it. ``make run`` sets ``EVERYVOICE_JOBS_IN_THREAD``: jobs then run one at a time on a
background thread of the web process instead, as a worker would, so a page that says "in the
background" (a retrain, a theme search, an import) never holds the browser.
"""

import logging
import queue
import threading
from functools import partial

from celery import current_app
from django.conf import settings
from django.db import connections, transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


class JobThread:
    """Embedded mode's stand-in for a worker: one background thread running queued jobs in
    order. Jobs a job queues run after it, on the same thread. A job that fails is logged,
    never raised into a page. Its database connection is closed after each job."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[str, tuple]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, task_name: str, args: tuple) -> None:
        self._jobs.put((task_name, args))
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="everyvoice-jobs", daemon=True
                )
                self._thread.start()

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until every submitted job has run, or `timeout` seconds pass (for tests)."""
        done = threading.Event()
        threading.Thread(target=lambda: (self._jobs.join(), done.set()), daemon=True).start()
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            task_name, args = self._jobs.get()
            try:
                current_app.tasks[task_name].apply(args=args, throw=True)
            except Exception:
                logger.exception("background job %s%r failed", task_name, args)
            finally:
                connections.close_all()
                self._jobs.task_done()


JOBS = JobThread()


def enqueue(task_name: str, *args: int | str) -> bool:
    """Send a job now; return False (and log) instead of raising when the broker is away."""
    if settings.EVERYVOICE_JOBS_IN_THREAD and current_app.conf.task_always_eager:
        JOBS.submit(task_name, args)
        return True
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
