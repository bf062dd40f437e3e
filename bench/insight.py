"""How the insight pages scale: server time and SQL queries at 1,000 and 1,000,000 responses.

Seeds tagged survey responses (and focus-group contributions) with bulk_create into a
THROWAWAY database, then times the insight overview and one pledge's detail page, as a
collaborative member sees them (disclosure control on), through Django's test client. Then
the stale-month path: 10,000 more tagged answers bulk-imported into this month (marked stale
the way an import marks them), the pages timed while that month is read live, the refresh
job that rebuilds it timed, and the pages timed again.

    psql -h 127.0.0.1 -U postgres -c 'create database everyvoice_bench'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/everyvoice_bench \\
        .venv/bin/python bench/insight.py [--sizes 1000 1000000] [--runs 7] [--import 10000]

It migrates the database, deletes every response, answer, tag and contribution in it before
each size, builds the pre-aggregated insight counts (timed: ``counts_rebuild_seconds``; in use
the refresh job does this month by month as feedback is tagged), and prints JSON.
Target (issue #12): time at 1M <= 2x time at 1k, same query count.
Without DATABASE_URL it refuses to run (it would wipe the development SQLite database).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

BATCH = 5_000
VOICES = ["self", "self", "self", "supporter", "carer", "carer", "young_person", "staff_recorded"]
AREAS = ["leicester", "leicester", "leicestershire", "leicestershire", "rutland", ""]
CHANNELS = ["online", "online", "online", "paper", "phone", "interview"]
AGES = ["under_16", "16_17", "18_25", "26_64", "26_64", "65_plus", ""]
WORDS = [
    "The health check was far too quick and nobody explained the results to me.",
    "My support worker helped me book the appointment, which made it easier.",
    "I waited a long time for the letter and then it was not in easy read.",
    "The nurse was kind and gave me a longer appointment when I asked.",
    "Nobody told my mum what would happen after I turned eighteen.",
    "The hospital passport really helped the staff understand me.",
]


def setup_django() -> None:
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a throwaway database (this script deletes responses).")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def world():
    """A consultation with a survey, a focus group, and a member of the LDA collaborative
    (made once; reused by every size)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.models import Collaborative, Pledge
    from cms.roles import Role
    from feedback.models import FocusGroupSession, SurveyPage
    from tests.feedback.factories import consultation_page, survey_page

    survey = SurveyPage.objects.filter(slug="bench-survey").first()
    if survey is None:
        survey = survey_page(consultation=consultation_page(), slug="bench-survey")
    consultation = survey.get_parent().specific
    session = FocusGroupSession.objects.filter(consultation=consultation).first()
    if session is None:
        session = FocusGroupSession.objects.create(
            consultation=consultation,
            held_on=consultation.opens_at.date(),
            venue="x",
            facilitator="y",
        )
    User = get_user_model()
    user = User.objects.filter(username="bench-member").first()
    if user is None:
        user = User.objects.create_user(username="bench-member", email="bench@example.org")
        user.groups.add(Group.objects.get(name=Role.COLLABORATIVE_MEMBER))
        TOTP.activate(user, generate_totp_secret())
    collaborative = Collaborative.objects.get(code="lda-collaborative")
    collaborative.members.add(user)
    pledge = Pledge.objects.filter(collaborative=collaborative).order_by("number").first()
    return survey, session, user, pledge.code


def _responses(rng, survey, n: int, *, now, days: int):
    from feedback.models import Response
    from feedback.reference import reference_generate

    return Response.objects.bulk_create(
        [
            Response(
                survey_id=survey.pk,
                reference=reference_generate(),
                status="submitted",
                voice=rng.choice(VOICES),
                channel=rng.choice(CHANNELS),
                area=rng.choice(AREAS),
                age_band=rng.choice(AGES),
                consent_version="bench",
                consented_at=now,
                submitted_at=now - timedelta(days=rng.randint(0, days), minutes=1),
            )
            for _ in range(n)
        ],
        batch_size=BATCH,
    )


def bulk_import(n: int, survey, focus_code: str) -> list[int]:
    """``n`` tagged answers submitted today, bulk-created like an import (no per-row
    signals), then their month marked stale. In production the refresh job then runs on a
    worker; here it is held back (``queue=False``) so the pages are timed while the month is
    read live, and the refresh is timed on its own."""
    from django.utils import timezone

    from feedback.models import Answer
    from insight.counts import months_mark_stale
    from insight.filters import month_of
    from tasks.models import Tag

    rng = random.Random(n + 1)
    responses = _responses(rng, survey, n, now=timezone.now(), days=0)
    answers = Answer.objects.bulk_create(
        [
            Answer(
                response=r,
                question_id="words",
                question_type="long_text",
                value={"text": WORDS[0]},
                text=WORDS[0],
            )
            for r in responses
        ],
        batch_size=BATCH,
    )
    Tag.objects.bulk_create(
        [
            Tag(
                target=f"a:{a.pk}",
                response_id=a.response_id,
                answer_id=a.pk,
                code=focus_code,
                kind="pledge",
                confidence=0.9,
                method="model",
                status="suggested",
            )
            for a in answers
        ],
        batch_size=BATCH,
    )
    months_mark_stale({month_of(r.submitted_at) for r in responses}, queue=False)
    return [r.pk for r in responses]


def seed(n: int, survey, session, focus_code: str) -> dict:
    """``n`` submitted responses, each with a text answer (half with a faces answer), tagged
    with 1 to 3 codes; and n/20 focus-group contributions."""
    from django.db import connection
    from django.utils import timezone

    from cms.selectors import active_taxonomy
    from feedback.models import Answer, Contribution
    from tasks.models import Tag

    rng = random.Random(n)
    codes = [(t.code, t.kind) for t in active_taxonomy()]
    now = timezone.now()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for table in (
            "insight_insightcount",
            "insight_insightstalemonth",
            "tasks_tag",
            "feedback_answer",
            "feedback_contribution",
            "feedback_response",
        ):
            if connection.vendor == "postgresql":
                cursor.execute(f"TRUNCATE {table} CASCADE")
            else:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    tags = 0
    for start in range(0, n, BATCH):
        size = min(BATCH, n - start)
        responses = _responses(rng, survey, size, now=now, days=730)
        answers, faces = [], []
        for r in responses:
            text = rng.choice(WORDS)
            answers.append(
                Answer(
                    response=r,
                    question_id="words",
                    question_type="long_text",
                    value={"text": text},
                    text=text,
                )
            )
            if rng.random() < 0.5:
                faces.append(
                    Answer(
                        response=r,
                        question_id="face",
                        question_type="faces",
                        value=rng.choice(
                            [{"face": f} for f in range(1, 6)] + [{"dont_know": True}]
                        ),
                    )
                )
        answers = Answer.objects.bulk_create(answers, batch_size=BATCH)
        Answer.objects.bulk_create(faces, batch_size=BATCH)
        batch = []
        for a in answers:
            chosen = {focus_code} if rng.random() < 0.3 else set()
            chosen |= {c for c, _ in rng.sample(codes, rng.randint(1, 2))}
            kinds = dict(codes)
            for code in chosen:
                roll = rng.random()
                batch.append(
                    Tag(
                        target=f"a:{a.pk}",
                        response_id=a.response_id,
                        answer_id=a.pk,
                        code=code,
                        kind=kinds[code],
                        confidence=round(rng.uniform(0.3, 1.0), 3),
                        method="model",
                        status="confirmed"
                        if roll < 0.1
                        else "rejected"
                        if roll < 0.15
                        else "suggested",
                    )
                )
        Tag.objects.bulk_create(batch, batch_size=BATCH)
        tags += len(batch)
    contributions = Contribution.objects.bulk_create(
        [
            Contribution(
                session_id=session.pk,
                text=rng.choice(WORDS),
                speaker_group=rng.choice(["lda", "carer", "young_person", "professional", ""]),
                sort_order=i,
            )
            for i in range(max(1, n // 20))
        ],
        batch_size=BATCH,
    )
    Tag.objects.bulk_create(
        [
            Tag(
                target=f"c:{c.pk}",
                contribution_id=c.pk,
                code=focus_code,
                kind="pledge",
                confidence=0.9,
                method="model",
                status="suggested",
            )
            for c in contributions
        ],
        batch_size=BATCH,
    )
    seeded = time.perf_counter()
    # bulk_create sends no signals, so build the pre-aggregated counts the way the refresh
    # job does after tagging (every month here is new), and time it.
    from insight.counts import counts_rebuild_all

    counts_rebuild_all()
    rebuilt = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "responses": n,
        "tags": tags + len(contributions),
        "contributions": len(contributions),
        "seed_seconds": round(seeded - started, 1),
        "counts_rebuild_seconds": round(rebuilt - seeded, 2),
    }


def measure(client, url: str, runs: int) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # the insight rate limit counts these requests too

    client.get(url)  # warm caches (templates, taxonomy, connection)
    timings, queries = [], set()
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.add(len(ctx.captured_queries))
    return {
        "median_ms": round(statistics.median(timings), 1),
        "best_ms": round(min(timings), 1),
        "queries": sorted(queries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--import", dest="imported", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    survey, session, user, code = world()
    client = Client()
    client.force_login(user)
    results = []
    for n in args.sizes:
        seeded = seed(n, survey, session, code)
        row = {
            **seeded,
            "overview": measure(client, "/insight/?standard=1", args.runs),
            "detail": measure(client, f"/insight/{code}/", args.runs),
        }
        if args.imported:
            from insight.counts import counts_refresh

            started = time.perf_counter()
            bulk_import(args.imported, survey, code)
            imported = time.perf_counter()
            stale = {
                "imported": args.imported,
                "import_seconds": round(imported - started, 2),
                "overview": measure(client, "/insight/?standard=1", args.runs),
                "detail": measure(client, f"/insight/{code}/", args.runs),
            }
            started = time.perf_counter()
            stale["refresh_months"] = counts_refresh()
            stale["refresh_seconds"] = round(time.perf_counter() - started, 2)
            stale["detail_after_refresh"] = measure(client, f"/insight/{code}/", args.runs)
            row["stale_month"] = stale
        results.append(row)
    out = {"database": connection.vendor, "pledge": code, "sizes": results}
    if len(results) >= 2:
        small, big = results[0], results[-1]
        out["ratio"] = {
            page: round(big[page]["median_ms"] / small[page]["median_ms"], 2)
            for page in ("overview", "detail")
        }
        out["same_query_count"] = all(
            small[page]["queries"] == big[page]["queries"] for page in ("overview", "detail")
        )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
