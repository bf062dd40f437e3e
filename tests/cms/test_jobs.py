"""cms/jobs.py without a broker: with ``EVERYVOICE_JOBS_IN_THREAD`` (what ``make run`` sets)
a queued job runs on a background thread of the web process, never inside the request."""

import logging
import threading

import pytest
from celery import current_app, shared_task

from cms import jobs

PROBE = "everyvoice.test_jobs_probe"
ran: list[tuple[str, str]] = []
gate = threading.Event()


@shared_task(name=PROBE)
def probe(label: str, then: str = "") -> None:
    """Records which thread ran it; waits for the gate; may queue another job; may fail."""
    gate.wait(10)
    ran.append((label, threading.current_thread().name))
    if then:
        jobs.enqueue(PROBE, then)
    if label == "fail":
        raise RuntimeError("a job that fails")


@pytest.fixture
def in_thread(settings):
    settings.EVERYVOICE_JOBS_IN_THREAD = True
    assert current_app.conf.task_always_eager  # the embedded default
    ran.clear()
    gate.clear()
    yield jobs.JobThread()
    gate.set()


def test_a_job_is_queued_at_once_and_runs_on_the_background_thread(in_thread, monkeypatch):
    monkeypatch.setattr(jobs, "JOBS", in_thread)
    assert jobs.enqueue(PROBE, "first", "second") is True
    assert ran == []  # the caller (a request) did not wait for it
    gate.set()
    assert in_thread.wait(10)
    # In order, and a job queued by a job runs after it, on the same thread.
    assert ran == [("first", "everyvoice-jobs"), ("second", "everyvoice-jobs")]


def test_a_failing_job_is_logged_and_the_thread_goes_on(in_thread, monkeypatch, caplog):
    monkeypatch.setattr(jobs, "JOBS", in_thread)
    gate.set()
    with caplog.at_level(logging.ERROR, logger="cms.jobs"):
        jobs.enqueue(PROBE, "fail")
        jobs.enqueue(PROBE, "after")
        assert in_thread.wait(10)
    assert [label for label, _ in ran] == ["fail", "after"]
    assert "background job everyvoice.test_jobs_probe" in caplog.text


def test_without_the_setting_an_eager_job_runs_inline(settings):
    settings.EVERYVOICE_JOBS_IN_THREAD = False
    ran.clear()
    gate.set()
    jobs.enqueue(PROBE, "inline")
    assert ran == [("inline", threading.current_thread().name)]
