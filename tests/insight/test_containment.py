"""Containment: a text held by a safeguarding flag never reaches insight (counts, quotes, the
raw list, both exports, the API, "you said, we did" examples) until the lead releases it;
then it comes back everywhere at once."""

import csv
import io

import pytest

from feedback.models import Answer
from insight import counts
from insight.filters import Filters
from insight.models import Outcome, OutcomeExample
from insight.selectors import outcomes_published, theme_get, theme_insight
from insight.services import api_token_create
from safeguarding import services as safeguarding_services
from safeguarding.models import SafeguardingFlag

from .factories import tagged_response

pytestmark = pytest.mark.django_db

HELD = "He hits me when nobody is looking and I am scared to go home."


def _seen(client, world, token) -> dict:
    """Where the held words (or their count) show up, reader by reader."""
    client.force_login(world.staff)
    insight = theme_insight(theme=theme_get("pledge-t9"), filters=Filters(), exact=True)
    raw = client.get("/insight/pledge-t9/responses/").content.decode()
    export = client.post("/insight/exports/responses/", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    api = client.get("/api/v1/insight/pledge-t9/", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    views = outcomes_published(consultation_id=world.consultation.pk)
    return {
        "count": insight.total.value,
        "quote": any(HELD in q.text for q in insight.quotes),
        "raw": HELD in raw,
        "export": any(HELD in cell for row in rows for cell in row),
        "api": (api["total"]["value"], any(HELD in q["text"] for q in api["quotes"])),
        "example": any(HELD in e.text for v in views for e in v.examples),
    }


def test_a_held_text_reaches_no_reader_until_the_lead_releases_it(client, world):
    for _ in range(6):
        tagged_response(world.survey, "pledge-t9", status="confirmed")
    held = tagged_response(world.survey, "pledge-t9", text=HELD, status="confirmed")
    answer = Answer.objects.get(response=held, text=HELD)
    outcome = Outcome.objects.create(
        consultation=world.consultation,
        title="Longer checks",
        you_said="Checks were short.",
        action="Longer checks.",
        easy_read_title="Longer checks",
        easy_read_you_said="You said checks were short.",
        easy_read_we_did="We are making them longer.",
        owner="Primary care team",
        live=True,
    )
    OutcomeExample.objects.create(outcome=outcome, target=f"a:{answer.pk}")
    _, token = api_token_create(user=world.staff, name="t")
    counts.counts_rebuild_all()  # the stored counts, so the flag must mark its month stale
    before = _seen(client, world, token)
    assert before == {
        "count": 7,
        "quote": True,
        "raw": True,
        "export": True,
        "api": (7, True),
        "example": True,
    }

    flag = SafeguardingFlag.objects.create(
        target=f"a:{answer.pk}",
        response_id=held.pk,
        answer=answer,
        severity="urgent",
        categories=["physical"],
        method="rules",
        excerpt=HELD,
    )
    held_now = _seen(client, world, token)
    assert held_now == {
        "count": 6,
        "quote": False,
        "raw": False,
        "export": False,
        "api": (6, False),
        "example": False,
    }
    counts.counts_refresh()  # the rebuilt month leaves it out too
    assert _seen(client, world, token) == held_now

    safeguarding_services.flag_release(flag_id=flag.pk, user=world.staff)
    assert _seen(client, world, token) == before
