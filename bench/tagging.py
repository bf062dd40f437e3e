"""Tagging throughput: the engine alone, and end to end through a real worker and database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/13 \
        .venv/bin/python bench/tagging.py [--texts 5000] [--chunk 250] [--workers 2]

Creates a throwaway database next to the one DATABASE_URL names (dropped afterwards), stores
N submitted survey responses with one free-text answer each, then measures:
- raw: ``Tagger.predict_many`` on the N texts in this process (texts/s);
- end to end: ``everyvoice.tag_batch`` jobs through Redis to a real ``celery worker`` that
  writes the tags to PostgreSQL, from the first job queued to the last response tagged.
Prints JSON. Target: end-to-end rate at least 50% of the raw rate.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def bench_database(url: str) -> tuple[str, str]:
    parsed = urlparse(url)
    name = f"everyvoice_bench_{os.getpid()}"
    return name, urlunparse(parsed._replace(path=f"/{name}"))


def psql(url: str, sql: str) -> None:
    admin = urlunparse(urlparse(url)._replace(path="/postgres"))
    subprocess.run(["psql", admin, "-qc", sql], check=True)


def texts(n: int) -> list[str]:
    with open(ROOT / "tests/tasks/data/llr_labelled_test.csv", encoding="utf-8") as f:
        base = [row["text"] for row in csv.DictReader(f)]
    # Vary them a little so no two are identical.
    return [f"{base[i % len(base)]} ({i})" for i in range(n)]


def seed(n: int) -> list[str]:
    from django.utils import timezone

    from cms.demo import demo_load
    from feedback.models import Answer, Response, ResponseStatus, SurveyPage, Voice
    from feedback.reference import reference_generate

    demo_load()
    survey = SurveyPage.objects.first()
    question_id = next(
        b.id for b in survey.questions if b.block_type in {"long_text", "short_text"}
    )
    now = timezone.now()
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                reference=reference_generate(),
                status=ResponseStatus.SUBMITTED,
                voice=Voice.SELF,
                consent_version="bench",
                consented_at=now,
                submitted_at=now,
            )
            for _ in range(n)
        ],
        batch_size=1000,
    )
    corpus = texts(n)
    Answer.objects.bulk_create(
        [
            Answer(response=r, question_id=question_id, question_type="long_text", value=t, text=t)
            for r, t in zip(responses, corpus, strict=True)
        ],
        batch_size=1000,
    )
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=int, default=5000)
    parser.add_argument("--chunk", type=int, default=250)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    base_url, redis_url = os.environ["DATABASE_URL"], os.environ["REDIS_URL"]
    name, url = bench_database(base_url)
    psql(base_url, f"CREATE DATABASE {name}")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    os.environ.update(env)
    worker = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        corpus = seed(args.texts)

        from feedback.models import Response
        from tasks import app, services

        services.tagger_train(reason="benchmark")
        tagger = services.tagger_current()
        started = time.perf_counter()
        tagger.predict_many(corpus)
        raw_seconds = time.perf_counter() - started

        subprocess.run(["redis-cli", "-u", redis_url, "flushdb"], check=True, capture_output=True)
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "tasks",
                "worker",
                f"--concurrency={args.workers}",
                "--loglevel=WARNING",
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
            ],
            cwd=ROOT,
            env=env,
        )
        app.conf.task_always_eager = False
        app.conf.broker_url = redis_url
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline:
                raise SystemExit("worker did not start")
        # Warm each worker process's tagger cache so we time tagging, not model loading.
        for _ in range(args.workers * 2):
            app.send_task("everyvoice.tag_batch", args=["response", []])
        time.sleep(3)

        ids = list(Response.objects.order_by("id").values_list("id", flat=True))
        started = time.perf_counter()
        for i in range(0, len(ids), args.chunk):
            app.send_task("everyvoice.tag_batch", args=["response", ids[i : i + args.chunk]])
        untagged = Response.objects.filter(tagged_at__isnull=True)
        deadline = time.monotonic() + 600
        while untagged.exists():
            if time.monotonic() > deadline:
                raise SystemExit("tagging did not finish in 10 minutes")
            time.sleep(0.1)
        e2e_seconds = time.perf_counter() - started

        from tasks.models import Tag

        raw_rate = args.texts / raw_seconds
        e2e_rate = args.texts / e2e_seconds
        print(
            json.dumps(
                {
                    "texts": args.texts,
                    "chunk": args.chunk,
                    "worker_processes": args.workers,
                    "raw_predict_texts_per_s": round(raw_rate, 1),
                    "end_to_end_texts_per_s": round(e2e_rate, 1),
                    "end_to_end_vs_raw": round(e2e_rate / raw_rate, 3),
                    "tags_written": Tag.objects.count(),
                    "target_met": e2e_rate >= 0.5 * raw_rate,
                }
            )
        )
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        psql(base_url, f"DROP DATABASE IF EXISTS {name}")


if __name__ == "__main__":
    main()
