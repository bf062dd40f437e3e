"""Jobs go through the real Redis broker to a real worker and write to the real database."""

from cms.jobs import enqueue
from tasks.models import WorkerHeartbeat
from tests.conftest import celery_broker


def test_a_job_travels_through_redis_to_a_worker_and_writes_to_postgres(postgres, celery_worker):
    result = enqueue("everyvoice.heartbeat")
    assert result is True
    # The worker thread commits through its own connection; poll until it has.
    import time

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not WorkerHeartbeat.objects.exists():
        time.sleep(0.1)
    beat = WorkerHeartbeat.objects.get()
    assert beat.hostname != "in-process"


def test_enqueue_reports_failure_instead_of_raising_when_the_broker_is_down(db, settings):
    with celery_broker("redis://127.0.0.1:1/0"):
        assert enqueue("everyvoice.heartbeat") is False
    assert not WorkerHeartbeat.objects.exists()


def test_jobs_queued_on_commit_run_eagerly_after_commit_in_the_embedded_default(
    db, django_capture_on_commit_callbacks
):
    from cms.jobs import enqueue_on_commit

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit("everyvoice.heartbeat")
        assert not WorkerHeartbeat.objects.exists()
    assert len(callbacks) == 1
    assert WorkerHeartbeat.objects.get().hostname == "in-process"
