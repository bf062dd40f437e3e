"""Load test on loopback: 50 participants answering the demo survey against gunicorn.

Makes a throwaway PostgreSQL database, migrates it, loads the demo, collects static files,
starts gunicorn (4 workers) and a Celery worker on Redis DB 11, then, each for ``--seconds``:

1. **journeys**: ``--concurrency`` simulated participants (threads, one ``requests.Session``
   per journey, each journey from its own loopback address so per-address rate limits behave
   as for real people) start, answer and send the demo survey through the real pages, CSRF
   tokens included; every response sent must be stored;
2. **question steps**: the same number of participants, each with a draft, go round the
   question pages only: GET a question page, POST its answer (saved on the server), follow
   the redirect to the next question, and so on (a fresh participant, from a fresh address,
   every ``STEPS_PER_PARTICIPANT`` answers, under the per-address answer limit);
3. the same number of threads hit ``/healthz``.

Phase 2 is the like-for-like comparison with phase 3, every request being a question page:
``ratio`` is its question pages shown (GETs) per second over /healthz requests per second,
each answer's POST taking its time but not counted (``requests_to_healthz`` counts both).
Phase 1 also reports its question page GETs per second over /healthz, diluted by the other
pages of a whole journey (start page, consent, who, about you, check, send, confirmation).
It then counts SQL queries per question page in-process (Django test client and
``CaptureQueriesContext`` against the same database), prints one JSON object and drops the
database. Targets: question pages at least 10% of the /healthz rate, at most 10 queries.

    .venv/bin/python bench/load.py --seconds 60

Settings: ``cms.settings.production`` as deployed, except over plain HTTP on loopback:
``DJANGO_SECURE_COOKIES=false`` (else the cookies would never be sent back) and
``DJANGO_SECURE_SSL_REDIRECT=false``.
"""

import argparse
import itertools
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
SURVEY_PATH = "/have-your-say/annual-health-checks/survey/"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION_RE = re.compile(r"/survey/\d+/question/([^/]+)/$")
FORM_ACTION_RE = re.compile(r'<form[^>]*action="(/survey/\d+/start/)"')
# Under feedback.ratelimit.ANSWER (300 answers in 10 minutes from one address).
STEPS_PER_PARTICIPANT = 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAtc", sql],
        check=True,
        capture_output=True,
    )


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


class SourceAddressAdapter(HTTPAdapter):
    """Connect from a given loopback address (all of 127.0.0.0/8 is local on Linux)."""

    def __init__(self, address: str, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


_addresses = itertools.count(1)
_addresses_lock = threading.Lock()


def next_address() -> str:
    with _addresses_lock:
        n = next(_addresses)
    return f"127.{1 + n // 65025}.{(n // 255) % 255}.{1 + n % 255}"


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.question_gets = 0
        self.question_requests = 0
        self.question_ms: list[float] = []
        self.requests = 0
        self.errors = 0
        self.error_samples: list[str] = []
        self.submitted = 0
        self.steps = 0
        self.healthz = 0
        self.healthz_ms: list[float] = []

    def error(self, what: str) -> None:
        with self.lock:
            self.errors += 1
            if len(self.error_samples) < 10:
                self.error_samples.append(what[:300])


def answer_for(question) -> dict:
    """Form data for one question, by type (the first option, or some words)."""
    options = [o.value for o in question.options]
    if question.type == "multiple_choice":
        return {"answer": options[:1]}
    if question.type in {"short_text", "long_text"}:
        return {"answer": "I waited a long time for my health check and nobody explained it."}
    if question.type == "fft":
        return {"answer": options[0], "why": "The nurse was kind."}
    if question.type == "audio":
        return {}
    return {"answer": options[0]} if options else {"answer": "yes"}


class Participant:
    """One journey: start page, who, every question, about-you (skipped), check, send."""

    def __init__(self, base: str, questions: dict, stats: Stats) -> None:
        self.base, self.questions, self.stats = base, questions, stats
        self.session = requests.Session()
        adapter = SourceAddressAdapter(next_address())
        self.session.mount("http://", adapter)
        self.token = ""

    def _request(self, method: str, path: str, data=None, *, question=False):
        started = time.perf_counter()
        r = self.session.request(
            method,
            urljoin(self.base, path),
            data=data,
            allow_redirects=False,
            timeout=30,
            headers={"Referer": self.base + "/"},
        )
        elapsed = (time.perf_counter() - started) * 1000
        with self.stats.lock:
            self.stats.requests += 1
            if question:
                self.stats.question_requests += 1
                self.stats.question_ms.append(elapsed)
                if method == "GET":
                    self.stats.question_gets += 1
        if r.status_code >= 400:
            raise RuntimeError(f"{method} {path} -> {r.status_code}")
        if method == "GET":
            found = CSRF_RE.search(r.text)
            if found:
                self.token = found.group(1)
        return r

    def _post(self, path: str, data: dict | None = None, *, question=False):
        r = self._request(
            "POST", path, {**(data or {}), "csrfmiddlewaretoken": self.token}, question=question
        )
        if r.status_code != 302:
            raise RuntimeError(f"POST {path} -> {r.status_code} (expected a redirect)")
        return r.headers["Location"]

    def begin(self) -> str:
        """Start page, consent, who is answering: returns the first question's address."""
        page = self._request("GET", SURVEY_PATH)
        action = FORM_ACTION_RE.search(page.text)
        if not action:
            raise RuntimeError("no start form on the survey page")
        location = self._post(action.group(1))
        self._request("GET", location)  # who
        return self._post(location, {"answer": "self"})

    def steps(self, first: str, deadline: float) -> None:
        """Round the question pages only (GET, POST the answer, next) until the deadline."""
        location = first
        for _ in range(STEPS_PER_PARTICIPANT):
            if time.monotonic() >= deadline:
                return
            q = QUESTION_RE.search(location)
            if not q:  # past the last question: round again from the first
                location, q = first, QUESTION_RE.search(first)
            self._request("GET", location, question=True)
            location = self._post(location, answer_for(self.questions[q.group(1)]), question=True)
            with self.stats.lock:
                self.stats.steps += 1

    def run(self) -> None:
        location = self.begin()
        for _ in range(60):
            if location.endswith("/check/"):
                break
            self._request("GET", location, question=bool(QUESTION_RE.search(location)))
            q = QUESTION_RE.search(location)
            if q:
                location = self._post(
                    location, answer_for(self.questions[q.group(1)]), question=True
                )
            elif location.endswith("/about-you/start/"):
                location = self._post(location, {"answer": "no"})
            else:
                location = self._post(location, {})
        else:
            raise RuntimeError("never reached check your answers")
        self._request("GET", location)
        sent = self._post(location)
        if not sent.endswith("/sent/"):
            raise RuntimeError(f"send went to {sent}")
        with self.stats.lock:
            self.stats.submitted += 1
        self._request("GET", sent)

    def close(self) -> None:
        self.session.close()


def survey_phase(base: str, questions: dict, seconds: float, concurrency: int) -> tuple:
    stats = Stats()
    deadline = time.monotonic() + seconds

    def loop() -> None:
        while time.monotonic() < deadline:
            participant = Participant(base, questions, stats)
            try:
                participant.run()
            except Exception as exc:
                stats.error(repr(exc))
            finally:
                participant.close()

    started = time.monotonic()
    threads = [threading.Thread(target=loop, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    return stats, time.monotonic() - started


def question_step_phase(base: str, questions: dict, seconds: float, concurrency: int) -> tuple:
    """Phase 2: question pages only. The first participants' starts (consent, who) happen
    before the clock starts; later ones, mid-phase, take time but are not counted."""
    stats = Stats()
    ready = threading.Barrier(concurrency + 1)
    go = threading.Barrier(concurrency + 1)
    deadline = [0.0]

    def prepare() -> tuple:
        participant = Participant(base, questions, stats)
        return participant, participant.begin()

    def loop() -> None:
        try:
            current = prepare()
        except Exception as exc:
            stats.error(repr(exc))
            current = None
        ready.wait()
        go.wait()
        while current is not None:
            participant, first = current
            try:
                participant.steps(first, deadline[0])
            except Exception as exc:
                stats.error(repr(exc))
            finally:
                participant.close()
            if time.monotonic() >= deadline[0]:
                return
            try:
                current = prepare()
            except Exception as exc:
                stats.error(repr(exc))
                return

    threads = [threading.Thread(target=loop, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    ready.wait(timeout=120)
    stats.requests = 0  # the starts before the clock are not question steps
    started = time.monotonic()
    deadline[0] = started + seconds
    go.wait(timeout=10)
    for t in threads:
        t.join(timeout=seconds + 120)
    return stats, time.monotonic() - started


def healthz_phase(base: str, seconds: float, concurrency: int) -> tuple:
    stats = Stats()
    deadline = time.monotonic() + seconds

    def loop() -> None:
        session = requests.Session()
        session.mount("http://", SourceAddressAdapter(next_address()))
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                r = session.get(base + "/healthz", timeout=30)
                ok = r.status_code == 200
            except requests.RequestException as exc:
                stats.error(repr(exc))
                continue
            with stats.lock:
                stats.healthz += 1
                stats.healthz_ms.append((time.perf_counter() - started) * 1000)
            if not ok:
                stats.error(f"/healthz -> {r.status_code}")
        session.close()

    started = time.monotonic()
    threads = [threading.Thread(target=loop, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    return stats, time.monotonic() - started


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def queries_per_question_page(survey, questions: dict) -> dict:
    """The most SQL queries any question page makes (GET, and POST of an answer), counted
    in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(REMOTE_ADDR="127.254.254.254", HTTP_HOST="127.0.0.1")
    r = client.post(f"/survey/{survey.pk}/start/")
    assert r.status_code == 302, r.status_code
    client.post(r["Location"], {"answer": "self"})
    worst = {"get": 0, "post": 0}
    for q in questions.values():
        url = f"/survey/{survey.pk}/question/{q.id}/"
        client.get(url)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as captured:
            r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        worst["get"] = max(worst["get"], len(captured.captured_queries))
        with CaptureQueriesContext(connection) as captured:
            r = client.post(url, answer_for(q))
        assert r.status_code == 302, (url, r.status_code)
        worst["post"] = max(worst["post"], len(captured.captured_queries))
    return worst


def wait_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not come up")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--settings", default="cms.settings.production")
    args = parser.parse_args()

    db_name = f"everyvoice_bench_{os.getpid()}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    logs = Path(f"/tmp/everyvoice-bench-{os.getpid()}")  # noqa: S108
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": args.settings,
        "DJANGO_DEBUG": "false",
        # Production settings over plain HTTP on loopback: see the module docstring.
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_STATIC_ROOT": str(logs / "static"),
        "DJANGO_SECRET_KEY": "bench-only-dummy-secret-key-" + "x" * 32,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db_name}",
        "REDIS_URL": args.redis_url,
        "CELERY_BROKER_URL": args.redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    for key in ("CELERY_TASK_ALWAYS_EAGER", "DJANGO_DEBUG"):
        env.setdefault(key, "false")
    procs: list[subprocess.Popen] = []
    logs.mkdir(exist_ok=True)
    psql(f'CREATE DATABASE "{db_name}"')
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput")
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()  # rate-limit counters, stale jobs
        procs.append(
            subprocess.Popen(
                [
                    str(VENV_BIN / "gunicorn"),
                    "cms.wsgi",
                    f"--workers={args.workers}",
                    f"--bind=127.0.0.1:{port}",
                    "--timeout=60",
                ],
                cwd=ROOT,
                env=env,
                stdout=(logs / "gunicorn.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "tasks",
                    "worker",
                    "--concurrency=2",
                    "--loglevel=WARNING",
                    "--without-mingle",
                    "--without-gossip",
                ],
                cwd=ROOT,
                env=env,
                stdout=(logs / "celery.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
        wait_http(base + "/healthz", timeout=60)

        os.environ.update(
            {k: env[k] for k in env if k.startswith(("DJANGO", "DATABASE", "REDIS"))}
        )
        os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connections

        from feedback import selectors
        from feedback.models import Response, ResponseStatus, SurveyPage

        survey = SurveyPage.objects.live().get(url_path__endswith="/annual-health-checks/survey/")
        questions = {q.id: q for q in selectors.survey_questions(survey=survey)}
        sent = Response.objects.filter(survey=survey, status=ResponseStatus.SUBMITTED)
        stored_before = sent.count()  # the demo's own responses
        connections.close_all()

        survey_stats, survey_elapsed = survey_phase(
            base, questions, args.seconds, args.concurrency
        )
        step_stats, step_elapsed = question_step_phase(
            base, questions, args.seconds, args.concurrency
        )
        health_stats, health_elapsed = healthz_phase(base, args.seconds, args.concurrency)

        stored = sent.count() - stored_before
        queries = queries_per_question_page(survey, questions)
        connections.close_all()

        question_rate = survey_stats.question_gets / survey_elapsed
        healthz_rate = health_stats.healthz / health_elapsed
        step_rate = step_stats.question_requests / step_elapsed
        step_gets = step_stats.question_gets / step_elapsed
        # Question pages shown (GETs) per second; each step's POST takes time but is not counted.
        ratio = step_gets / healthz_rate if healthz_rate else 0.0
        journey_ratio = question_rate / healthz_rate if healthz_rate else 0.0
        ms = percentile
        result = {
            "seconds": args.seconds,
            "concurrency": args.concurrency,
            "gunicorn_workers": args.workers,
            "settings": args.settings,
            "journeys": {
                "question_page_gets_per_s": round(question_rate, 2),
                "question_requests_per_s": round(
                    survey_stats.question_requests / survey_elapsed, 2
                ),
                "all_requests_per_s": round(survey_stats.requests / survey_elapsed, 2),
                "question_p50_ms": round(ms(survey_stats.question_ms, 50), 1),
                "question_p95_ms": round(ms(survey_stats.question_ms, 95), 1),
                "question_gets_to_healthz": round(journey_ratio, 3),
                "errors": survey_stats.errors,
            },
            "question_steps": {
                "requests_per_s": round(step_rate, 2),
                "gets_per_s": round(step_gets, 2),
                "steps_per_s": round(step_stats.steps / step_elapsed, 2),
                "requests_to_healthz": round(step_rate / healthz_rate if healthz_rate else 0, 3),
                "p50_ms": round(ms(step_stats.question_ms, 50), 1),
                "p95_ms": round(ms(step_stats.question_ms, 95), 1),
                "errors": step_stats.errors,
            },
            "healthz": {
                "requests_per_s": round(healthz_rate, 2),
                "p50_ms": round(ms(health_stats.healthz_ms, 50), 1),
                "p95_ms": round(ms(health_stats.healthz_ms, 95), 1),
                "errors": health_stats.errors,
            },
            "ratio": round(ratio, 3),
            "errors": survey_stats.errors + step_stats.errors + health_stats.errors,
            "error_samples": (
                survey_stats.error_samples + step_stats.error_samples + health_stats.error_samples
            ),
            "responses_submitted": survey_stats.submitted,
            "responses_stored": stored,
            "queries_per_question_page": queries,
            "targets": {
                "ratio_at_least_0.1": ratio >= 0.1,
                "queries_at_most_10": max(queries.values()) <= 10,
                "submitted_equals_stored": survey_stats.submitted == stored,
            },
        }
        print(json.dumps(result, indent=2))
        ok = all(result["targets"].values()) and result["errors"] == 0
        return 0 if ok else 1
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: S110 - Django may never have been set up
            pass
        psql(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
