"""Reads for the involvement register: the road map's measure (the share of workshops with
patients or carers in the room, per workstream, and its trend by quarter) and who took part.

Disclosure: counts of *people* (who took part by group, experts paid) go through insight's one
suppression rule (``insight.suppression.protect``, via ``insight.selectors.shown``). Counts of
*meetings* are not about anyone
and are shown as they are: "2 of 3 workshops had people with lived experience" names nobody,
and suppressing them would hide the measure for every workstream.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Min, Sum
from django.utils import timezone

from insight.access import Viewer
from insight.selectors import shown
from insight.suppression import Records, Shown

from .models import (
    ATTENDANCE_FIELDS,
    LIVED_EXPERIENCE_FIELDS,
    Adjustment,
    Meeting,
    MeetingKind,
    MeetingPayment,
    Workstream,
)

TREND_QUARTERS = 6  # a year and a half: long enough to see a trend, short enough to read

GROUP_LABELS = {
    "attendees_learning_disability": "People with a learning disability",
    "attendees_autistic": "Autistic people",
    "attendees_carers": "Family carers",
    "attendees_young_people": "Young people",
    "attendees_staff": "Staff",
    "attendees_partners": "Partners",
}
GROUP_EASY = {
    "attendees_learning_disability": "people with a learning disability",
    "attendees_autistic": "autistic people",
    "attendees_carers": "family carers",
    "attendees_young_people": "young people",
    "attendees_staff": "staff",
    "attendees_partners": "people from other organisations",
}


def quarter_of(day: date) -> tuple[int, int]:
    """The NHS financial quarter (April to March) of ``day``: (year it starts, 1..4)."""
    start = day.year if day.month >= 4 else day.year - 1
    return start, (day.month - 4) % 12 // 3 + 1


def quarter_label(quarter: tuple[int, int]) -> str:
    year, q = quarter
    return f"{year}-{(year + 1) % 100:02d} Q{q}"


def quarters_ending(last: tuple[int, int], n: int = TREND_QUARTERS) -> list[tuple[int, int]]:
    year, q = last
    out = []
    for _ in range(n):
        out.append((year, q))
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out[::-1]


@dataclass(frozen=True)
class Share:
    """Workshops, and how many of them had people with lived experience in the room."""

    workshops: int = 0
    with_lived: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.with_lived / self.workshops) if self.workshops else None


@dataclass(frozen=True)
class People:
    """How many from one group took part, as this viewer may see it."""

    group: str
    label: str
    easy: str
    shown: Shown


@dataclass
class WorkstreamInvolvement:
    workstream: Workstream
    meetings: int = 0
    share: Share = Share()
    trend: list[tuple[str, Share]] = field(default_factory=list)
    people: list[People] = field(default_factory=list)
    adjustments: list[tuple[str, int]] = field(default_factory=list)  # label, meetings
    paid_people: Shown | None = None
    paid_total: Decimal | None = None  # exact viewers only: one payment could be one person


def visible_workstreams(viewer: Viewer):
    """Engagement team: every workstream; collaborative members and experts by experience:
    their collaboratives' workstreams."""
    workstreams = Workstream.objects.filter(active=True).select_related("pathway")
    if viewer.raw:
        return workstreams
    return workstreams.filter(collaborative__members=viewer.user).distinct()


def involvement_report(
    *, viewer: Viewer, today: date | None = None
) -> list[WorkstreamInvolvement]:
    """The measure for every workstream the viewer may see: three queries in all."""
    workstreams = list(visible_workstreams(viewer))
    by_id = {w.pk: WorkstreamInvolvement(workstream=w) for w in workstreams}
    columns = quarters_ending(quarter_of(today or timezone.localdate()))
    trend: dict[int, dict[tuple[int, int], list[int]]] = defaultdict(
        lambda: {q: [0, 0] for q in columns}
    )
    people: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(ATTENDANCE_FIELDS, 0))
    adjustments: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # meetings, workshops, lived
    rows = Meeting.objects.filter(workstream_id__in=by_id).values(
        "workstream_id", "kind", "held_on", "adjustments", *ATTENDANCE_FIELDS
    )
    for row in rows:
        wid = row["workstream_id"]
        lived = sum(row[f] for f in LIVED_EXPERIENCE_FIELDS) > 0
        totals[wid][0] += 1
        for name in ATTENDANCE_FIELDS:
            people[wid][name] += row[name]
        for code in row["adjustments"] or []:
            adjustments[wid][code] += 1
        if row["kind"] != MeetingKind.WORKSHOP:
            continue
        totals[wid][1] += 1
        totals[wid][2] += lived
        quarter = quarter_of(row["held_on"])
        if quarter in trend[wid]:
            trend[wid][quarter][0] += 1
            trend[wid][quarter][1] += lived
    payments = (
        MeetingPayment.objects.filter(meeting__workstream_id__in=by_id)
        .values("meeting__workstream_id")
        .annotate(
            paid=Sum("people"),
            total=Sum(
                ExpressionWrapper(
                    F("people") * F("amount_each"),
                    output_field=DecimalField(max_digits=12, decimal_places=2),
                )
            ),
        )
    )
    paid = {p["meeting__workstream_id"]: (p["paid"], p["total"]) for p in payments}
    labels = dict(Adjustment.choices)
    for wid, item in by_id.items():
        meetings, workshops, lived = totals[wid]
        item.meetings = meetings
        item.share = Share(workshops, lived)
        item.trend = [(quarter_label(q), Share(*trend[wid][q])) for q in columns]
        item.people = [
            People(
                name,
                GROUP_LABELS[name],
                GROUP_EASY[name],
                # Attendance has no record ids: the workstream and group make the cell key.
                shown(Records(n), exact=viewer.exact, salt=f"involvement:{wid}:{name}"),
            )
            for name, n in people[wid].items()
        ]
        item.adjustments = sorted(
            ((labels.get(code, code), n) for code, n in adjustments[wid].items()),
            key=lambda pair: (-pair[1], pair[0]),
        )
        paid_people, paid_total = paid.get(wid, (0, Decimal(0)))
        item.paid_people = shown(
            Records(paid_people or 0), exact=viewer.exact, salt=f"involvement:{wid}:paid"
        )
        item.paid_total = (paid_total or Decimal(0)) if viewer.exact else None
    return list(by_id.values())


# --- Co-producing a pathway ----------------------------------------------------------------

QUOTES_PER_STEP = 3


@dataclass(frozen=True)
class StepView:
    number: int
    id: str
    title: str
    text: str
    picture: str
    survey_url: str  # "" until the page is published


def pathway_steps(*, page) -> list[StepView]:
    """The steps of a draft pathway, each with the link to its "tell us about this step"."""
    surveys = {
        link.step_id: link.survey
        for link in page.step_surveys.select_related("survey").filter(survey__live=True)
    }
    return [
        StepView(
            number=n,
            id=step.id,
            title=step.value["title"],
            text=step.value["text"],
            picture=step.value["picture"],
            survey_url=surveys[step.id].url if step.id in surveys else "",
        )
        for n, step in enumerate(page.steps, start=1)
    ]


@dataclass(frozen=True)
class Feeling:
    key: str
    picture: str
    words: str
    shown: Shown


@dataclass(frozen=True)
class StepInsight:
    step: StepView
    answered: Shown
    feelings: list[Feeling]
    quotes: list[str]


def pathway_step_insight(*, page, exact: bool) -> list[StepInsight]:
    """What people said about each step: how many answered, how they felt (faces) and a few
    of their words. Counts through the one suppression rule; words only when at least 6
    people answered that step (``may_quote``), redacted, never while a safeguarding flag
    holds them.
    """
    from feedback.models import Answer, ResponseStatus
    from feedback.redaction import redact
    from insight.selectors import SENTIMENT, SENTIMENT_EASY
    from insight.suppression import may_quote
    from safeguarding.selectors import uncontained

    from .services import FEEL_QUESTION, WORDS_QUESTION

    links = dict(page.step_surveys.values_list("step_id", "survey_id"))
    out = []
    for step in pathway_steps(page=page):
        survey_id = links.get(step.id)
        answers = Answer.objects.filter(
            response__survey_id=survey_id, response__status=ResponseStatus.SUBMITTED
        )
        who = (
            answers.aggregate(n=Count("response_id", distinct=True), first=Min("response_id"))
            if survey_id
            else {"n": 0, "first": None}
        )
        # The records behind the step make its cell key (insight/suppression.py).
        answered = shown(Records(who["n"], who["first"]), exact=exact)
        feelings = []
        for key, _, condition in SENTIMENT:
            n = answers.filter(condition, question_id=FEEL_QUESTION).count() if survey_id else 0
            picture, words = SENTIMENT_EASY[key]
            counted = shown(Records(n, who["first"]), exact=exact, salt=key)
            feelings.append(Feeling(key, picture, words, counted))
        quotes: list[str] = []
        if survey_id and may_quote(answered, exact=exact):
            texts = uncontained(
                answers.filter(question_id=WORDS_QUESTION).exclude(text=""), via="pk"
            ).values_list("text", flat=True)
            for text in texts.order_by("-id")[:QUOTES_PER_STEP]:
                quotes.append(" ".join(redact(text).text.split()))
        out.append(StepInsight(step, answered, feelings, quotes))
    return out


def pathway_drafts_for(viewer: Viewer):
    """The live draft pathways whose pathway this viewer may see."""
    from .models import PathwayDraftPage

    return PathwayDraftPage.objects.live().filter(pathway__code__in=viewer.codes)
