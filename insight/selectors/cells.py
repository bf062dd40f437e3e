"""Counted tags and the cells every figure is added up from.

What is counted for a pledge or pathway: the distinct *submitted* responses and the distinct
focus-group contributions with a tag of that code that is either confirmed by a person or a
suggestion with confidence >= ``COUNT_FLOOR``. Rejected tags never count.

Every figure is aggregated in the database (``values().annotate()``, ``Count(distinct)``,
``TruncMonth``, conditional ``Count(filter=...)``), so a page makes the same number of
queries whatever the number of responses (see bench/insight.py). Response counts come from
the pre-aggregated ``InsightCount`` rows, and live from the tags for any month marked stale
(kept fresh by insight/counts.py). Each cell also carries its oldest response, the identity
disclosure control keys its rounding on (``suppression.Records``).
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Case, Count, DateField, F, Min, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, TruncMonth
from django.db.models.lookups import Exact

from tasks.models import Tag, TagStatus

from ..filters import Filters, insight_tags, month_start, next_month
from ..models import InsightCount, InsightStaleMonth

# The tagger only writes suggestions above each tag's own F1-optimal threshold, which can be
# as low as ~0.3 for rare tags. Its confidences are calibrated, so below 0.5 a suggestion is
# more likely wrong than right: counted figures use only confirmed tags and suggestions at
# or above 0.5. Quotes are shown to collaboratives as evidence in people's own words, so they
# need a person's confirmation or a confidence of at least 0.8.
COUNT_FLOOR = 0.5
QUOTE_FLOOR = 0.8

SENTIMENT = (
    (
        "positive",
        "Happy or good",
        Q(value__face__in=[4, 5]) | Q(value__rating__in=["very_good", "good"]),
    ),
    ("neutral", "Not happy or unhappy", Q(value__face=3) | Q(value__rating="neither")),
    (
        "negative",
        "Unhappy or poor",
        Q(value__face__in=[1, 2]) | Q(value__rating__in=["poor", "very_poor"]),
    ),
    ("dont_know", "Don't know", Q(value__dont_know=True) | Q(value__rating="dont_know")),
)
SENTIMENT_EASY = {
    "positive": ("face-5-very-happy", "were happy"),
    "neutral": ("face-3-neither", "were not happy or unhappy"),
    "negative": ("face-1-very-unhappy", "were unhappy"),
    "dont_know": ("face-dont-know", "did not know"),
}


# --- Counted tags -----------------------------------------------------------------------------


def counted(floor: float) -> Q:
    return Q(status=TagStatus.CONFIRMED) | Q(status=TagStatus.SUGGESTED, confidence__gte=floor)


def response_tags(filters: Filters, *, floor: float = COUNT_FLOOR) -> QuerySet[Tag]:
    """Counted tags on submitted survey responses, narrowed by ``filters``."""
    return insight_tags().filter(counted(floor), filters.response_tags())


def contribution_tags(filters: Filters, *, floor: float = COUNT_FLOOR) -> QuerySet[Tag]:
    """Counted tags on focus-group contributions, narrowed by ``filters``."""
    return insight_tags().filter(counted(floor), filters.contribution_tags())


# --- Pre-aggregated counts ----------------------------------------------------------------------
# Counts of responses come from ``InsightCount`` (kept fresh by insight/counts.py) for every
# month not marked stale, and from the live tags for the stale months, in ONE query (a UNION
# ALL of the two): the figures always equal a live aggregation, and a page sums a few
# thousand pre-grouped rows instead of joining every tag to every response.

SENTIMENT_TYPES = ("faces", "fft")
CELL_SUMS = ("responses", "positive", "neutral", "negative", "dont_know")


def _prefixed(q: Q, prefix: str) -> Q:
    out = Q()
    out.connector, out.negated = q.connector, q.negated
    out.children = [
        _prefixed(c, prefix) if isinstance(c, Q) else (prefix + c[0], c[1]) for c in q.children
    ]
    return out


def sentiment_bucket(prefix: str = "") -> Case:
    """The feeling a faces or FFT answer shows (``""`` when skipped); the first match wins."""
    return Case(
        *(When(_prefixed(condition, prefix), then=Value(key)) for key, _, condition in SENTIMENT),
        default=Value(""),
    )


def in_months(months: list[date], field: str = "response__submitted_at") -> Q:
    """``field`` falls in one of ``months`` (range conditions, so its index is used)."""
    q = Q(pk__in=[])
    for m in months:
        q |= Q(**{f"{field}__gte": month_start(m), f"{field}__lt": month_start(next_month(m))})
    return q


_CELL_KEYS = {
    "code": F("code"),
    "month": Cast(TruncMonth("response__submitted_at", output_field=DateField()), DateField()),
    "survey_id": F("response__survey_id"),
    "voice": F("response__voice"),
    "area": F("response__area"),
    "channel": F("response__channel"),
    "language": F("response__language"),
}


def live_cells(tags: QuerySet[Tag], keys: tuple[str, ...]) -> QuerySet:
    """Counted ``tags`` grouped by ``keys`` (of ``_CELL_KEYS``): the distinct responses and
    their faces / FFT answers by feeling, as ``k_<key>`` and ``s_<sum>`` columns. Each
    response has one month, survey, voice, area, channel and language, so any grouping
    adds up."""
    answers = Q(response__answers__question_type__in=SENTIMENT_TYPES)
    bucket = sentiment_bucket("response__answers__")
    sums = {"s_responses": Count("response_id", distinct=True)}
    for key, _, _ in SENTIMENT:
        sums[f"s_{key}"] = Count(
            "response__answers", filter=answers & Q(Exact(bucket, Value(key))), distinct=True
        )
    sums["f_first"] = Min("response_id")  # the cell key's identity (suppression.Records)
    return tags.values(**{f"k_{k}": _CELL_KEYS[k] for k in keys}).annotate(**sums).order_by()


def _stored_cells(filters: Filters, codes, stale: list[date], keys: tuple[str, ...]):
    qs = InsightCount.objects.filter(filters.cells(), code__in=codes).exclude(month__in=stale)
    return (
        qs.values(**{f"k_{k}": F(k) for k in keys})
        .annotate(**{f"s_{k}": Sum(k) for k in CELL_SUMS}, f_first=Min("first_response"))
        .order_by()
    )


def response_cells(filters: Filters, codes, keys: tuple[str, ...]) -> dict[tuple, dict]:
    """Response counts and feelings for ``codes`` grouped by ``keys``, and the oldest response
    of each group (``first``): two queries (the stale months, then the stored and live rows
    together), whatever the number of responses."""
    stale = list(InsightStaleMonth.objects.values_list("month", flat=True))
    stored = _stored_cells(filters, codes, stale, keys)
    live = live_cells(response_tags(filters).filter(in_months(stale), code__in=codes), keys)
    out: dict[tuple, dict[str, int]] = {}
    for row in stored.union(live, all=True):
        key = tuple(as_date(row[f"k_{k}"]) if k == "month" else row[f"k_{k}"] for k in keys)
        sums = out.setdefault(key, {**dict.fromkeys(CELL_SUMS, 0), "first": None})
        for name in CELL_SUMS:
            sums[name] += int(row[f"s_{name}"] or 0)
        if row["f_first"] is not None:
            first = sums["first"]
            sums["first"] = row["f_first"] if first is None else min(first, row["f_first"])
    return out


def as_date(month) -> date:
    return month.date() if isinstance(month, datetime) else month
