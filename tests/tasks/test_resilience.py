"""Tagging survives a broker outage and a worker killed mid-job, with real Redis and PostgreSQL.

* Broker down: people still send their answers through the real pages; nothing is tagged
  until the broker is back, then the sweep queues every lost job and a real worker tags them.
* Worker killed (SIGKILL) mid-job: with late acknowledgement, Redis hands the unacknowledged
  job to another worker after the visibility timeout, and re-running it writes no duplicates.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count
from django.test import Client, override_settings
from django.utils import timezone

from cms.cache import ResilientRedisCache
from cms.jobs import enqueue
from feedback.models import Answer, Response, ResponseStatus, Voice
from tasks.models import Tag
from tests.conftest import celery_broker
from tests.feedback.factories import ResponseFactory, survey_page

ROOT = Path(__file__).resolve().parents[2]
DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1
TEXT_QUESTIONS = [
    {"type": "long_text", "value": {"question": "What was good?", "max_length": 5000}},
    {"type": "long_text", "value": {"question": "What could be better?", "max_length": 5000}},
]
TEXTS = (
    "i never had my helth chek this year",
    "My son is 17 and nobody has talked to us about moving to adult services.",
)


def wait_for(predicate, *, timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def answer_survey_over_http(survey, n: int) -> None:
    """One participant's whole journey through the real views (their own address)."""
    client = Client(REMOTE_ADDR=f"10.77.0.{n + 1}")
    r = client.post(f"/survey/{survey.pk}/start/")
    assert r.status_code == 302 and r["Location"] == f"/survey/{survey.pk}/who/", r
    r = client.post(r["Location"], {"answer": Voice.SELF.value})
    texts = iter(TEXTS)
    for _ in range(20):  # questions, then the optional "about you" pages, then check
        location = r["Location"]
        assert r.status_code == 302, (location, r.content[:300])
        if location.endswith("/check/"):
            break
        if "/question/" in location:
            r = client.post(location, {"answer": next(texts, "More time please")})
        elif location.endswith("/about-you/start/"):
            r = client.post(location, {"answer": "no"})
        else:
            r = client.post(location, {})
    else:
        pytest.fail("never reached check your answers")
    r = client.post(f"/survey/{survey.pk}/check/")
    assert r.status_code == 302 and r["Location"] == f"/survey/{survey.pk}/sent/", r


def test_answers_sent_while_the_broker_is_down_are_stored_then_tagged_by_the_sweep(
    postgres, celery_worker
):
    survey = survey_page(questions=TEXT_QUESTIONS)
    participants = 5
    with celery_broker(DEAD_BROKER):
        # Each send queues its tagging job on commit; the broker refuses, the page still works.
        for n in range(participants):
            answer_survey_over_http(survey, n)

    responses = Response.objects.filter(survey=survey)
    submitted = responses.filter(status=ResponseStatus.SUBMITTED)
    assert submitted.count() == participants == responses.count()
    assert Answer.objects.filter(response__survey=survey).count() == participants * len(TEXTS)
    assert not submitted.filter(tagged_at__isnull=False).exists()
    assert not Tag.objects.filter(response__survey=survey).exists()

    # The broker is back (the celery_worker fixture's): the sweep re-queues every lost job.
    with override_settings(EVERYVOICE_SWEEP_AFTER_SECONDS=0):
        assert enqueue("everyvoice.sweep_lost_jobs") is True
        done = wait_for(
            lambda: submitted.filter(tagged_at__isnull=False).count() == participants, timeout=30
        )
    tagged = submitted.filter(tagged_at__isnull=False).count()
    assert done, f"{tagged} of {participants} tagged after the sweep"
    assert tagged == submitted.count() == participants
    assert Tag.objects.filter(response__survey=survey).exists()


def test_a_whole_redis_outage_still_saves_every_answer(
    postgres, celery_worker, caplog, monkeypatch
):
    """Redis is the broker and the cache (sessions' read copy, rate limits). With all of it
    gone, people still answer and send: sessions come from PostgreSQL, rate limits let them
    through, jobs wait for the sweep."""
    dead_cache = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": DEAD_BROKER,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    monkeypatch.setattr(ResilientRedisCache, "_last_warning", 0.0)  # warn at once
    survey = survey_page(questions=TEXT_QUESTIONS)
    with (
        celery_broker(DEAD_BROKER),
        override_settings(
            CACHES=dead_cache, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
        ),
    ):
        for n in range(3):
            answer_survey_over_http(survey, n)
    submitted = Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED)
    assert submitted.count() == 3 == Response.objects.filter(survey=survey).count()
    assert Answer.objects.filter(response__survey=survey).count() == 3 * len(TEXTS)
    assert "cache unavailable" in caplog.text

    with override_settings(EVERYVOICE_SWEEP_AFTER_SECONDS=0):
        assert enqueue("everyvoice.sweep_lost_jobs") is True
        assert wait_for(lambda: submitted.filter(tagged_at__isnull=False).count() == 3, timeout=30)


# --- a worker killed mid-job ------------------------------------------------------------------

KILL_RESPONSES = 300
VISIBILITY_TIMEOUT = 5


def _bulk_submitted_responses(n: int) -> list[int]:
    survey = survey_page(questions=TEXT_QUESTIONS)
    blocks = list(survey.questions)
    now = timezone.now()
    made = [
        ResponseFactory.build(
            survey=survey, voice=Voice.SELF, status=ResponseStatus.SUBMITTED, submitted_at=now
        )
        for _ in range(n)
    ]
    responses = Response.objects.bulk_create(made)
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question_id=block.id,
            question_type="long_text",
            value=f"{text} ({i})",
            text=f"{text} ({i})",
        )
        for i, response in enumerate(responses)
        for block, text in zip(blocks, TEXTS, strict=True)
    )
    return [r.pk for r in responses]


def _worker_env(redis_url: str) -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DJANGO_DEBUG="false",
        DATABASE_URL=f"postgres://{db.get('USER') or 'postgres'}@127.0.0.1:"
        f"{db.get('PORT') or 5432}/{db['NAME']}",
        REDIS_URL=redis_url,
        CELERY_BROKER_URL=redis_url,
        CELERY_TASK_ALWAYS_EAGER="false",
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
        PYTHONUNBUFFERED="1",
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tasks",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            f"--hostname={name}@%h",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def _stop(proc: subprocess.Popen | None, sig: int = signal.SIGKILL) -> None:
    if proc is not None and proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_whose_worker_is_killed_mid_run_is_redelivered_and_writes_no_duplicates(
    postgres, redis_url, tmp_path
):
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # no stale jobs from earlier runs in our DB
    ids = _bulk_submitted_responses(KILL_RESPONSES)
    env = _worker_env(redis_url)
    first_log, second_log = tmp_path / "worker1.log", tmp_path / "worker2.log"
    first = second = None
    try:
        first = _start_worker("first", env, first_log)
        assert wait_for(lambda: b"ready." in first_log.read_bytes(), timeout=30), (
            first_log.read_text(errors="replace")
        )
        with celery_broker(redis_url) as app:
            app.send_task("everyvoice.tag_batch", args=["response", ids])
        sent_at = time.monotonic()
        assert wait_for(
            lambda: b"everyvoice.tag_batch" in first_log.read_bytes(), timeout=15, interval=0.02
        ), first_log.read_text(errors="replace")
        time.sleep(0.3)  # well inside the job: it commits only at its end
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        killed_mid_job = not Response.objects.filter(id__in=ids, tagged_at__isnull=False).exists()
        assert killed_mid_job, "the job finished before the kill: make it bigger"
        assert b"succeeded" not in first_log.read_bytes()

        # Redis hands the unacknowledged job out again once it is older than the visibility
        # timeout; a starting worker restores such jobs straight away (kombu's periodic
        # restore, by default, only scans every ~100 s).
        time.sleep(max(0.0, sent_at + VISIBILITY_TIMEOUT + 1 - time.monotonic()))
        second = _start_worker("second", env, second_log)
        all_tagged = wait_for(
            lambda: not Response.objects.filter(id__in=ids, tagged_at__isnull=True).exists(),
            timeout=45,
            interval=0.5,
        )
        assert all_tagged, second_log.read_text(errors="replace")[-3000:]
        assert b"everyvoice.tag_batch" in second_log.read_bytes()  # redelivered, not swept
    finally:
        _stop(first)
        _stop(second, signal.SIGTERM)
        _stop(second)

    tags = Tag.objects.filter(response_id__in=ids)
    assert tags.exists()
    distinct = tags.values("target", "code").distinct().count()
    assert tags.count() == distinct
    assert not tags.values("target", "code").annotate(n=Count("id")).filter(n__gt=1).exists()
