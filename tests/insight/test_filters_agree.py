"""One filter, one truth: for generated data and random filter combinations, the detail page,
the easy-read page, the overview, the API, the aggregate export, the raw tagged-items list,
the responses export and comparisons all give the same figure, and it equals a count made
here from the generated data itself (not from the code under test), for every role that can
see it: exact for the engagement team, through the one disclosure rule for collaboratives."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback.labels import SPEAKER_TO_VOICE
from feedback.models import Answer, Contribution
from insight import counts
from insight.filters import Filters
from insight.selectors import shown
from insight.services import api_token_create
from insight.suppression import FEWER_THAN, Records
from tasks.models import Tag, TagMethod, TagStatus
from tests.feedback.factories import ResponseFactory, consultation_page, survey_page

from .factories import FocusGroupSessionFactory

pytestmark = pytest.mark.django_db

CODE = "pledge-t9"
VOICES = ["self", "carer", "young_person", "supporter"]
AREAS = ["leicester", "rutland", ""]
LANGUAGES = ["en-gb", "gu", "ur"]
TAGS = [  # (status, confidence): two are counted, two are not
    (TagStatus.CONFIRMED, 0.4),
    (TagStatus.SUGGESTED, 0.9),
    (TagStatus.SUGGESTED, 0.3),
    (TagStatus.REJECTED, 0.9),
]
FIGURE = re.compile(r'data-figure="total">([^<]+)<')


def _months() -> list[date]:
    this = timezone.localdate().replace(day=1)
    out = [this]
    for _ in range(2):
        out.append((out[-1] - timedelta(days=1)).replace(day=1))
    return out


MONTHS = _months()


def _moment(month: date, edge: int) -> datetime:
    """The first minute, the middle or the last minute of a local month (the edges are where
    a filter written twice drifts)."""
    if edge == 0:
        local = datetime.combine(month, time(0, 1))
    elif edge == 1:
        local = datetime.combine(month.replace(day=14), time(12))
    else:
        nxt = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
        local = datetime.combine(nxt - timedelta(days=1), time(23, 59))
    return min(timezone.make_aware(local), timezone.now() - timedelta(minutes=1))


@dataclass(frozen=True)
class R:
    survey: int  # 0 or 1: which consultation
    voice: str
    area: str
    month: int
    edge: int
    tag: int
    other_code: bool  # tagged with someone else's pledge instead
    language: str = "en-gb"  # the language of the survey they answered


@dataclass(frozen=True)
class C:
    session: int  # 0 or 1
    speaker: str
    tag: int


responses = st.builds(
    R,
    survey=st.integers(0, 1),
    voice=st.sampled_from(VOICES),
    area=st.sampled_from(AREAS),
    month=st.integers(0, 2),
    edge=st.integers(0, 2),
    tag=st.integers(0, 3),
    other_code=st.booleans(),
    language=st.sampled_from(LANGUAGES),
)
contributions = st.builds(
    C,
    session=st.integers(0, 1),
    speaker=st.sampled_from(["lda", "carer", "young_person", "professional", ""]),
    tag=st.integers(0, 3),
)


@st.composite
def filter_choices(draw):
    a, b = draw(st.sampled_from([None, 0, 1, 2])), draw(st.sampled_from([None, 0, 1, 2]))
    if a is not None and b is not None and a < b:
        a, b = b, a  # month 0 is the latest: "from" is the older one
    return {
        "consultation": draw(st.sampled_from([None, 0, 1])),
        "month_from": a,
        "month_to": b,
        "voice": draw(st.sampled_from(["", *VOICES])),
        "area": draw(st.sampled_from(["", "leicester", "rutland"])),
        "language": draw(st.sampled_from(["", "en-gb", "gu"])),
    }


@pytest.fixture
def two(world, django_user_model):
    second = consultation_page()
    world.surveys = [world.survey, survey_page(consultation=second)]
    world.consultations = [world.consultation, second]
    world.sessions = [
        FocusGroupSessionFactory(consultation=world.consultation, held_on=MONTHS[0]),
        FocusGroupSessionFactory(consultation=second, held_on=MONTHS[1] + timedelta(days=27)),
    ]
    world.tokens = {
        "member": api_token_create(user=world.member, name="t")[1],
        "staff": api_token_create(user=world.staff, name="t")[1],
    }
    return world


def _make(world, rs: list[R], cs: list[C]) -> dict:
    """Make the generated data; the ids of the response or contribution behind each spec."""
    ids: dict = {}
    for r in rs:
        response = ResponseFactory(
            survey=world.surveys[r.survey],
            status="submitted",
            voice=r.voice,
            area=r.area,
            language=r.language,
            submitted_at=_moment(MONTHS[r.month], r.edge),
        )
        answer = Answer.objects.create(
            response=response,
            question_id="q",
            question_type="long_text",
            value={"text": "x"},
            text="The health check was too quick.",
        )
        status, confidence = TAGS[r.tag]
        Tag.objects.create(
            target=f"a:{answer.pk}",
            response=response,
            answer=answer,
            code="pledge-t10" if r.other_code else CODE,
            kind="pledge",
            confidence=confidence,
            method=TagMethod.MODEL,
            status=status,
        )
        ids[id(r)] = response.pk
    for c in cs:
        contribution = Contribution.objects.create(
            session=world.sessions[c.session], text="Longer appointments.", speaker_group=c.speaker
        )
        status, confidence = TAGS[c.tag]
        Tag.objects.create(
            target=f"c:{contribution.pk}",
            contribution=contribution,
            code=CODE,
            kind="pledge",
            confidence=confidence,
            method=TagMethod.MODEL,
            status=status,
        )
        ids[id(c)] = contribution.pk
    return ids


def _keeps_month(f: dict, month: int) -> bool:
    # Month indexes count back from now: "from" is the larger index.
    return (f["month_from"] is None or month <= f["month_from"]) and (
        f["month_to"] is None or month >= f["month_to"]
    )


def _keeps_r(f: dict, r: R) -> bool:
    return (
        (f["consultation"] is None or f["consultation"] == r.survey)
        and _keeps_month(f, r.month)
        and (not f["voice"] or f["voice"] == r.voice)
        and (not f["area"] or f["area"] == r.area)
        and (not f["language"] or f["language"] == r.language)
    )


def _keeps_c(f: dict, c: C) -> bool:
    return (
        (f["consultation"] is None or f["consultation"] == c.session)
        and _keeps_month(f, c.session)  # session 0 is held this month, session 1 last month
        and (not f["voice"] or f["voice"] == SPEAKER_TO_VOICE[c.speaker])
        and not f["area"]
        and not f["language"]  # focus groups record no language
    )


def expected(f: dict, rs: list[R], cs: list[C], *, counted: bool = True) -> int:
    """The oracle: how many texts of CODE the filter keeps, from the generated data."""
    ok = (0, 1) if counted else (0, 1, 2, 3)
    return sum(1 for r in rs if not r.other_code and r.tag in ok and _keeps_r(f, r)) + sum(
        1 for c in cs if c.tag in ok and _keeps_c(f, c)
    )


def records(f: dict, rs: list[R], cs: list[C], ids: dict) -> Records:
    """The counted records the filter keeps, with their identity (for the cell key)."""
    kept_r = [ids[id(r)] for r in rs if not r.other_code and r.tag in (0, 1) and _keeps_r(f, r)]
    kept_c = [ids[id(c)] for c in cs if c.tag in (0, 1) and _keeps_c(f, c)]
    return Records(len(kept_r) + len(kept_c), min(kept_r, default=None), min(kept_c, default=None))


def _query(world, f: dict) -> dict[str, str]:
    q = {
        "consultation": world.consultations[f["consultation"]].pk
        if f["consultation"] is not None
        else "",
        "month_from": MONTHS[f["month_from"]].strftime("%Y-%m")
        if f["month_from"] is not None
        else "",
        "month_to": MONTHS[f["month_to"]].strftime("%Y-%m") if f["month_to"] is not None else "",
        "voice": f["voice"],
        "area": f["area"],
        "language": f["language"],
    }
    return {k: str(v) for k, v in q.items() if v != ""}


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _figures(client, world, who: str, query: dict[str, str]) -> tuple[dict[str, str], object]:
    """The total as each reader shows it to ``who``, and the detail page's figures."""
    qs = urlencode(query)
    out = {}
    page = client.get(f"/insight/{CODE}/?{qs}")
    assert page.status_code == 200, page.content[:300]
    out["page"] = FIGURE.search(page.content.decode())[1]
    out["page_context"] = page.context["insight"].total.text
    easy = client.get(f"/insight/{CODE}/easy-read/?{qs}")
    out["easy_read"] = easy.context["insight"].total.text
    overview = client.get(f"/insight/?{qs}&standard=1")
    out["overview"] = next(
        c.total.text for c in overview.context["pledges"] if c.theme.code == CODE
    )
    api = client.get(
        f"/api/v1/insight/{CODE}/?{qs}", HTTP_AUTHORIZATION=f"Bearer {world.tokens[who]}"
    )
    assert api.status_code == 200, api.content
    out["api"] = api.json()["total"]["text"]
    listed = client.get(
        f"/api/v1/insight/?{qs}", HTTP_AUTHORIZATION=f"Bearer {world.tokens[who]}"
    ).json()
    out["api_overview"] = next(i["total"]["text"] for i in listed if i["theme"]["code"] == CODE)
    export = _csv(client.post(f"/insight/exports/aggregates/?{qs}", {"format": "csv"}))
    value = next(
        row[4]
        for row in export
        if row[0] == CODE and row[2] == "total" and row[3] == "responses and contributions"
    )
    out["export"] = f"{int(value):,}" if value.isdigit() else value
    languages = {row[3]: row[4] for row in export if row[0] == CODE and row[2] == "language"}
    insight = page.context["insight"]
    assert {
        r.label: FEWER_THAN if r.shown.value is None else str(r.shown.value)
        for r in insight.languages
    } == languages
    return out, insight


def _language_rows(insight) -> dict[str, str]:
    return {r.key: r.shown.text for r in insight.languages}


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rs=st.lists(responses, max_size=14),
    cs=st.lists(contributions, max_size=5),
    fs=st.lists(filter_choices(), min_size=1, max_size=3),
    rebuilt=st.booleans(),
)
def test_every_reader_gives_the_live_count(client, two, rs, cs, fs, rebuilt):
    world = two
    cache.clear()  # each example is a fresh reader, within the insight rate limit
    client.cookies.clear()  # and the last one's session row was rolled back with it
    with transaction.atomic():
        ids = _make(world, rs, cs)
        if rebuilt:
            counts.counts_refresh()  # stored cells instead of the live, stale-month path
        for f in fs:
            query = _query(world, f)
            n = expected(f, rs, cs)

            client.force_login(world.staff)
            staff, insight = _figures(client, world, "staff", query)
            assert set(staff.values()) == {f"{n:,}"}, (f, staff)
            # The language split adds up to the total, each row the count its own filter
            # gives; focus groups record no language and have their own row.
            by_language = _language_rows(insight)
            for code in LANGUAGES:
                kept = expected({**f, "language": code} if not f["language"] else f, rs, [])
                if f["language"] and f["language"] != code:
                    kept = 0
                assert by_language[code] == f"{kept:,}", (f, code, by_language)
            fg = expected({**f, "language": ""}, [], cs) if not f["language"] else 0
            assert by_language.get("focus_group", "0") == f"{fg:,}"
            raw = client.get(f"/insight/{CODE}/responses/?{urlencode(query)}")
            assert raw.context["page_obj"].paginator.count == expected(f, rs, cs, counted=False)
            rows = _csv(
                client.post(f"/insight/exports/responses/?{urlencode(query)}", {"format": "csv"})
            )
            everything = [R(**{**r.__dict__, "other_code": False, "tag": 0}) for r in rs]
            assert len(rows) - 1 == expected(
                f, everything, [C(c.session, c.speaker, 0) for c in cs]
            )

            client.force_login(world.member)
            member, insight = _figures(client, world, "member", query)
            truth = shown(records(f, rs, cs, ids), exact=False)
            assert set(member.values()) == {truth.text}, (f, member)
            # Same small-number protection: a language's row is what filtering by that
            # language shows (the same records, so the same cell key and rounding), and
            # every row is hidden when the total is.
            by_language = _language_rows(insight)
            for code in LANGUAGES:
                if truth.suppressed:
                    assert by_language[code] == FEWER_THAN
                elif not f["language"] or f["language"] == code:
                    own = shown(records({**f, "language": code}, rs, [], ids), exact=False)
                    assert by_language[code] == own.text, (f, code, by_language)
        transaction.set_rollback(True)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rs=st.lists(responses, max_size=12), f=filter_choices())
def test_a_comparison_shows_each_period_as_its_own_page_would(client, two, rs, f):
    world = two
    # Each example is a fresh reader: the last one's session row was rolled back with it.
    cache.clear()
    client.cookies.clear()
    with transaction.atomic():
        _make(world, rs, [])
        client.force_login(world.staff)
        older, newer = MONTHS[2].strftime("%Y-%m"), MONTHS[0].strftime("%Y-%m")
        query = {
            **_query(world, f),
            "a_from": older,
            "a_to": older,
            "b_from": newer,
            "b_to": newer,
        }
        page = client.get(f"/insight/{CODE}/?{urlencode(query)}")
        everyone = page.context["insight"].comparison.rows[0]
        base = {**f, "month_from": 2, "month_to": 2}
        assert everyone.before.value == expected(base, rs, [])
        assert everyone.after.value == expected({**f, "month_from": 0, "month_to": 0}, rs, [])
        transaction.set_rollback(True)


def test_the_filter_travels_through_an_export_job_unchanged():
    f = Filters(
        consultation_id=3, month_from=MONTHS[2], month_to=MONTHS[0], voice="carer", language="gu"
    )
    assert Filters.from_json(f.to_json()) == f
