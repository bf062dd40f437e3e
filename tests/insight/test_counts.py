"""The pre-aggregated insight counts (insight/counts.py) always equal a live aggregation of the
tags: after real tagging, a person's review and a withdrawal; stale months are read live until
the job rebuilds them, and a rebuild that races with a newer change leaves its mark."""

from datetime import UTC, date, datetime

import pytest
from django.db.models import F
from django.utils import timezone

from feedback import services as feedback_services
from feedback.models import Answer, ResponseStatus
from insight import counts
from insight.filters import Filters
from insight.models import InsightCount, InsightStaleMonth
from insight.selectors import (
    CELL_SUMS,
    live_cells,
    response_cells,
    response_tags,
    theme_get,
    theme_insight,
)
from insight.tasks import refresh_insight_counts
from tasks import services as tag_services
from tasks.models import Tag, TagStatus
from tasks.tasks import tag_response
from tests.feedback.factories import ResponseFactory

from .factories import tagged_response

pytestmark = pytest.mark.django_db

KEYS = ("code", "month", "survey_id", "voice", "area", "channel")


def stored() -> dict[tuple, tuple]:
    return {
        tuple(getattr(row, k) for k in KEYS): tuple(getattr(row, s) for s in CELL_SUMS)
        for row in InsightCount.objects.all()
    }


def live() -> dict[tuple, tuple]:
    """The live aggregation straight from the tags, with no stored counts involved."""
    return {
        tuple(row[f"k_{k}"] for k in KEYS): tuple(row[f"s_{s}"] for s in CELL_SUMS)
        for row in live_cells(response_tags(Filters()), KEYS)
    }


def as_read() -> dict[tuple, tuple]:
    """What the pages read: stored rows for fresh months, live rows for stale ones."""
    codes = set(Tag.objects.values_list("code", flat=True))
    return {
        key: tuple(sums[s] for s in CELL_SUMS)
        for key, sums in response_cells(Filters(), codes, KEYS).items()
        if sums["responses"]
    }


def figures(code: str) -> tuple:
    insight = theme_insight(theme=theme_get(code), filters=Filters(), exact=True)
    return (
        insight.total.value,
        [(r.key, r.shown.value) for r in insight.voices],
        [(r.key, r.shown.value) for r in insight.areas],
        [(r.key, r.shown.value) for r in insight.channels],
        [(r.key, r.shown.value) for r in insight.sentiment],
        [(m.month, m.shown.value) for m in insight.trend],
    )


@pytest.fixture
def responses(world):
    """Three tagged responses over two months, one of them on the last evening of March in
    UTC, which is already April in London (the month boundary must agree everywhere)."""
    code = world.pledge.code
    carer = tagged_response(
        world.survey,
        code,
        voice="carer",
        face={"face": 5},
        submitted_at=datetime(2026, 3, 31, 23, 30, tzinfo=UTC),
    )
    rutland = tagged_response(
        world.survey,
        code,
        area="rutland",
        channel="paper",
        face={"face": 1},
        status=TagStatus.CONFIRMED,
        submitted_at=datetime(2026, 2, 10, 12, tzinfo=UTC),
    )
    machine = ResponseFactory(
        survey=world.survey,
        status=ResponseStatus.SUBMITTED,
        voice="young_person",
        submitted_at=datetime(2026, 2, 11, 9, tzinfo=UTC),
    )
    Answer.objects.create(
        response=machine,
        question_id="q-words",
        question_type="long_text",
        value={"text": "i never had my helth chek this year"},
        text="i never had my helth chek this year",
    )
    Answer.objects.create(
        response=machine, question_id="q-face", question_type="faces", value={"dont_know": True}
    )
    tag_response(machine.id)  # the real tagging job (tagger, bulk writes)
    return carer, rutland, machine


def test_after_tagging_the_rebuilt_counts_equal_the_live_aggregation(world, responses):
    code = world.pledge.code
    _, _, machine = responses
    assert Tag.objects.filter(response=machine, code="annual-health-checks").exists()
    assert InsightStaleMonth.objects.filter(month=date(2026, 4, 1)).exists()  # London time
    before = figures(code)  # every month stale: read live
    assert counts.counts_refresh() == 2
    assert not InsightStaleMonth.objects.exists()
    assert stored() == live() == as_read()
    assert any(key[0] == "annual-health-checks" for key in stored())
    assert figures(code) == before
    assert before[0] == 2
    assert (date(2026, 4, 1), 1) in before[5]
    assert ("positive", 1) in before[4] and ("negative", 1) in before[4]


def test_a_review_marks_its_month_and_the_pages_are_right_before_the_rebuild(
    world, responses, django_user_model
):
    carer, _, _ = responses
    counts.counts_refresh()
    reviewer = django_user_model.objects.create_user(username="rev", password="x" * 12)
    tag = Tag.objects.get(response=carer, code=world.pledge.code)
    tag_services.tags_review(tag_ids=[tag.id], decision=TagStatus.REJECTED, user=reviewer)
    assert list(InsightStaleMonth.objects.values_list("month", flat=True)) == [date(2026, 4, 1)]
    assert stored() != live()  # the stored April row still counts the carer...
    assert as_read() == live()  # ...but the pages read April live
    assert figures(world.pledge.code)[0] == 1
    counts.counts_refresh()
    assert stored() == live() == as_read()


def test_a_withdrawal_takes_the_response_out_of_the_counts(world, responses):
    _, rutland, _ = responses
    counts.counts_refresh()
    before = figures(world.pledge.code)
    feedback_services.response_withdraw(response=rutland)
    assert InsightStaleMonth.objects.filter(month=date(2026, 2, 1)).exists()
    after = figures(world.pledge.code)
    assert after[0] == before[0] - 1
    assert ("rutland", 0) in after[2]
    counts.counts_refresh()
    assert stored() == live() == as_read()
    assert figures(world.pledge.code) == after


def test_anonymising_marks_the_month_because_the_area_is_cleared(world, responses):
    _, rutland, _ = responses
    counts.counts_refresh()
    feedback_services.response_anonymise(response=rutland)
    assert as_read() == live()
    assert ("rutland", 0) in figures(world.pledge.code)[2]
    counts.counts_refresh()
    assert stored() == live()


def test_stale_rows_are_read_live_and_rebuilt_by_the_job(world, responses):
    counts.counts_refresh()
    right = figures(world.pledge.code)
    InsightCount.objects.update(responses=F("responses") + 7)  # rows gone wrong
    assert figures(world.pledge.code) != right
    counts.months_mark_stale(InsightCount.objects.values_list("month", flat=True), queue=False)
    assert figures(world.pledge.code) == right  # read live while stale
    assert refresh_insight_counts() == 2
    assert stored() == live()
    assert figures(world.pledge.code) == right
    assert not InsightStaleMonth.objects.exists()


def test_full_rebuild_clears_months_that_no_longer_have_feedback(world, responses):
    counts.counts_refresh()
    InsightCount.objects.create(
        month=date(2020, 1, 1), survey_id=world.survey.pk, code=world.pledge.code, responses=3
    )
    counts.counts_rebuild_all()
    assert stored() == live()


def test_a_change_during_a_rebuild_keeps_its_month_stale(world, responses, monkeypatch):
    counts.counts_refresh()
    carer, _, _ = responses
    original = counts._insert_live

    def insert_then_change(months):
        original(months)
        tag = Tag.objects.get(response=carer, code=world.pledge.code)
        tag.status = TagStatus.REJECTED
        tag.save()  # arrives after the live read: marks April again, with a new token

    counts.months_mark_stale([date(2026, 4, 1)], queue=False)
    monkeypatch.setattr(counts, "_insert_live", insert_then_change)
    counts.counts_refresh()
    assert InsightStaleMonth.objects.filter(month=date(2026, 4, 1)).exists()
    assert as_read() == live()
    monkeypatch.setattr(counts, "_insert_live", original)
    counts.counts_refresh()
    assert stored() == live()


def test_the_rebuild_job_is_on_the_beat_in_case_a_queued_one_was_lost():
    from tasks.celery import app
    from tasks.schedule import BEAT_SCHEDULE

    assert {"task": counts.REFRESH_TASK, "schedule": 300.0} in BEAT_SCHEDULE.values()
    assert counts.REFRESH_TASK in app.tasks
    assert refresh_insight_counts() == 0  # nothing stale: one query, nothing to do


def test_saving_a_draft_or_a_fresh_submission_marks_nothing(world):
    response = ResponseFactory(survey=world.survey, voice="self")
    response.area = "leicester"
    response.save()
    response.status = ResponseStatus.SUBMITTED
    response.submitted_at = timezone.now()
    response.save()  # no tags yet: its tagging job marks the month
    assert not InsightStaleMonth.objects.exists()
