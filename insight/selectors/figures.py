"""The figures of insight: the overview of every visible pledge and pathway, and one pledge
or pathway's totals, breakdowns, trend, feelings, quotes and comparisons.

Every figure leaves here as a ``suppression.Shown``, through ``shown`` (the one disclosure
rule, ``suppression.protect``, keyed by the records behind the figure), with ``exact`` from
the viewer: collaborative members never get a true small number. The page, easy read, API
and exports all read ``theme_insight`` / ``overview``, so they cannot disagree.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from django.conf import settings
from django.db.models import Count, Min, QuerySet
from django.db.models.functions import TruncMonth

from feedback.labels import (
    AREA_LABELS,
    CHANNEL_LABELS,
    FOCUS_GROUP_AREA,
    FOCUS_GROUP_LANGUAGE,
    LANGUAGE_LABELS,
    SPEAKER_TO_VOICE,
    VOICE_LABELS,
)
from feedback.models import Channel, Contribution

from ..filters import Filters
from ..suppression import Records, Shown, protect, protect_breakdown, shown_change
from .cells import CELL_SUMS, SENTIMENT, as_date, contribution_tags, response_cells
from .quotes import Quote, finest_contribution_group, finest_response_group, quotes
from .themes import Theme, themes


def cell_key_secret() -> bytes:
    """The secret of the cell keys: its own setting, else derived from SECRET_KEY. Changing
    it re-rolls every rounding, which hands anyone comparing old and new figures a second
    look: keep it as long-lived as the data."""
    own = getattr(settings, "INSIGHT_CELL_KEY_SECRET", "")
    if own:
        return own.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"insight-cell-key", hashlib.sha256).digest()


def shown(records: Records, *, exact: bool, salt: str = "") -> Shown:
    """A figure as this viewer may see it (the disclosure rule with this site's secret)."""
    return protect(records, exact=exact, secret=cell_key_secret(), salt=salt)


# --- Overview: every visible pledge and pathway ------------------------------------------------


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    total: Shown
    responses: Shown
    contributions: Shown


def overview(*, codes: frozenset[str], filters: Filters, exact: bool) -> list[ThemeCount]:
    """Counts for each pledge and pathway in ``codes``: four queries in all."""
    listed = themes(codes)
    responses = {
        code: Records(sums["responses"], sums["first"])
        for (code,), sums in response_cells(filters, codes, ("code",)).items()
    }
    contributions = {
        code: Records(n, None, first)
        for code, n, first in contribution_tags(filters)
        .filter(code__in=codes)
        .values("code")
        .annotate(n=Count("contribution", distinct=True), first=Min("contribution_id"))
        .values_list("code", "n", "first")
    }
    out = []
    for t in listed:
        r, c = responses.get(t.code, Records()), contributions.get(t.code, Records())
        total = shown(r + c, exact=exact)
        parts = protect_breakdown(total, {"r": shown(r, exact=exact), "c": shown(c, exact=exact)})
        out.append(ThemeCount(t, total, parts["r"], parts["c"]))
    return out


# --- One pledge or pathway ---------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    shown: Shown


@dataclass(frozen=True)
class MonthCount:
    month: date
    shown: Shown

    @property
    def label(self) -> str:
        return self.month.strftime("%b %Y")

    @property
    def long_label(self) -> str:
        return self.month.strftime("%B %Y")


@dataclass(frozen=True)
class CompareRow:
    label: str
    before: Shown
    after: Shown

    @property
    def change(self) -> int | None:
        return shown_change(self.before, self.after)


@dataclass(frozen=True)
class Comparison:
    before: Filters
    after: Filters
    rows: list[CompareRow]


@dataclass
class ThemeInsight:
    theme: Theme
    filters: Filters
    exact: bool
    total: Shown
    responses: Shown
    contributions: Shown
    trend: list[MonthCount] = field(default_factory=list)
    voices: list[Row] = field(default_factory=list)
    areas: list[Row] = field(default_factory=list)
    channels: list[Row] = field(default_factory=list)
    languages: list[Row] = field(default_factory=list)
    sentiment: list[Row] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    comparison: Comparison | None = None

    @property
    def any_suppressed(self) -> bool:
        rows = [*self.voices, *self.areas, *self.channels, *self.languages, *self.sentiment]
        shown = [self.total, *(r.shown for r in rows), *(m.shown for m in self.trend)]
        return any(s.suppressed for s in shown)

    @property
    def any_rounded(self) -> bool:
        return self.total.rounded

    @property
    def trend_peak(self) -> MonthCount | None:
        counted = [m for m in self.trend if m.shown.value]
        return max(counted, key=lambda m: m.shown.value) if counted else None


@dataclass(frozen=True)
class _Counts:
    """The records behind each figure of one pledge or pathway."""

    responses: Records
    contributions: Records
    voices: dict[str, Records]
    areas: dict[str, Records]
    channels: dict[str, Records]
    languages: dict[str, Records]
    months: dict[date, Records]
    feelings: dict[str, int]  # faces and FFT answers by SENTIMENT key
    groups: dict[tuple, Records]  # the finest groups (quotes.finest_*_group)

    @property
    def total(self) -> Records:
        return self.responses + self.contributions


def _tagged_contributions(ct: QuerySet) -> QuerySet[Contribution]:
    return Contribution.objects.filter(pk__in=ct.values("contribution_id"))


def _breakdown(filters: Filters, code: str) -> _Counts:
    """Totals, the voice, area, channel and language splits, the monthly trend, the feelings
    and the finest groups in three queries: the response cells (``response_cells``) and one
    for contributions. Each response has one survey, voice, area, channel, language and
    month, so adding the cells up gives every split and the total; the cells are bounded by
    the categories (surveys x 8 x 6 x 6 x languages x months), not by the number of
    responses (bench/insight.py)."""
    voices: dict[str, Records] = defaultdict(Records)
    areas: dict[str, Records] = defaultdict(Records)
    channels: dict[str, Records] = defaultdict(Records)
    langs: dict[str, Records] = defaultdict(Records)
    months: dict[date, Records] = defaultdict(Records)
    groups: dict[tuple, Records] = defaultdict(Records)
    feelings: dict[str, int] = dict.fromkeys(CELL_SUMS[1:], 0)
    responses = Records()
    keys = ("survey_id", "voice", "area", "channel", "language", "month")
    for (survey, voice, area, channel, language, month), sums in response_cells(
        filters, {code}, keys
    ).items():
        cell = Records(sums["responses"], sums["first"])
        voices[voice or ""] += cell
        areas[area or ""] += cell
        channels[channel] += cell
        langs[language or ""] += cell
        if month is not None:
            months[month] += cell
        groups[finest_response_group(survey, month, voice, area, language)] += cell
        responses += cell
        for key in feelings:
            feelings[key] += sums[key]
    contributions = Records()
    speakers = (
        _tagged_contributions(contribution_tags(filters).filter(code=code))
        .annotate(month=TruncMonth("session__held_on"))
        .values("speaker_group", "month", "session__consultation_id")
        .annotate(n=Count("id"), first=Min("id"))
        .values_list("speaker_group", "month", "session__consultation_id", "n", "first")
        .order_by()
    )
    for speaker, month, consultation, n, first in speakers:
        cell = Records(n, None, first)
        voices[SPEAKER_TO_VOICE.get(speaker or "", "")] += cell
        if month is not None:
            months[as_date(month)] += cell
            groups[finest_contribution_group(consultation, as_date(month), speaker)] += cell
        contributions += cell
    if contributions.n:
        areas[FOCUS_GROUP_AREA] += contributions
        langs[FOCUS_GROUP_LANGUAGE] += contributions
        channels[Channel.FOCUS_GROUP] += contributions
    return _Counts(
        responses,
        contributions,
        dict(voices),
        dict(areas),
        dict(channels),
        dict(langs),
        dict(months),
        feelings,
        dict(groups),
    )


def _rows(
    counts: dict[str, Records], labels: dict[str, str], total: Shown, *, exact: bool
) -> list[Row]:
    """Every labelled category in a fixed order (zeros included, so a table's shape never
    depends on the data), then anything unexpected; all hidden when the total is."""
    keys = [k for k in labels if k in counts or k != ""] + [k for k in counts if k not in labels]
    figures = protect_breakdown(
        total, {k: shown(counts.get(k, Records()), exact=exact) for k in keys}
    )
    return [Row(k, labels.get(k, k), figures[k]) for k in keys]


def _month_range(first: date, last: date) -> list[date]:
    months, m = [], first.replace(day=1)
    while m <= last and len(months) < 120:
        months.append(m)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return months


def _trend(
    counts: dict[date, Records], filters: Filters, total: Shown, *, exact: bool
) -> list[MonthCount]:
    if not counts and not (filters.month_from and filters.month_to):
        return []
    first = filters.month_from or min(counts)
    last = filters.month_to or max(counts)
    months = _month_range(first, last)
    figures = protect_breakdown(
        total, {m: shown(counts.get(m, Records()), exact=exact) for m in months}
    )
    return [MonthCount(m, figures[m]) for m in months]


def _sentiment(counts: _Counts, total: Shown, *, exact: bool) -> list[Row]:
    """Faces and Friends and Family Test answers in the tagged responses, by how people felt
    (each answer falls in one bucket, or none if skipped). The answers belong to the
    responses behind the total, so their identity is the total's, told apart by feeling."""
    figures = protect_breakdown(
        total,
        {
            key: shown(
                Records(
                    counts.feelings.get(key, 0),
                    counts.responses.first_response,
                    counts.responses.first_contribution,
                ),
                exact=exact,
                salt=key,
            )
            for key, _, _ in SENTIMENT
        },
    )
    return [Row(key, label, figures[key]) for key, label, _ in SENTIMENT]


def _labels_with_focus_groups(
    counts: dict[str, Records], labels: dict[str, str], focus_group: str
) -> dict[str, str]:
    """The labels of a split focus groups do not record (area, language): their row only
    when there are contributions in it."""
    out = {k: v for k, v in labels.items() if k != focus_group}
    if focus_group in counts:
        out[focus_group] = labels[focus_group]
    return out


def _area_labels(counts: dict[str, Records]) -> dict[str, str]:
    return _labels_with_focus_groups(counts, AREA_LABELS, FOCUS_GROUP_AREA)


def _language_labels(counts: dict[str, Records]) -> dict[str, str]:
    return _labels_with_focus_groups(counts, LANGUAGE_LABELS, FOCUS_GROUP_LANGUAGE)


def theme_insight(
    *,
    theme: Theme,
    filters: Filters,
    exact: bool,
    compare: tuple[Filters, Filters] | None = None,
) -> ThemeInsight:
    """Everything the detail page, its easy-read version, the API and the exports show for
    one pledge or pathway: 5 queries, 11 with a comparison, at any size."""
    counts = _breakdown(filters, theme.code)
    total = shown(counts.total, exact=exact)
    parts = protect_breakdown(
        total,
        {
            "r": shown(counts.responses, exact=exact),
            "c": shown(counts.contributions, exact=exact),
        },
    )
    insight = ThemeInsight(
        theme=theme,
        filters=filters,
        exact=exact,
        total=total,
        responses=parts["r"],
        contributions=parts["c"],
        trend=_trend(counts.months, filters, total, exact=exact),
        voices=_rows(counts.voices, VOICE_LABELS, total, exact=exact),
        areas=_rows(counts.areas, _area_labels(counts.areas), total, exact=exact),
        channels=_rows(counts.channels, CHANNEL_LABELS, total, exact=exact),
        languages=_rows(counts.languages, _language_labels(counts.languages), total, exact=exact),
        sentiment=_sentiment(counts, total, exact=exact),
        quotes=quotes(
            filters, theme.code, counts.groups, partial(shown, exact=exact), exact=exact
        ),
    )
    if compare is not None:
        insight.comparison = _compare(theme.code, *compare, exact=exact)
    return insight


def _compare(code: str, before: Filters, after: Filters, *, exact: bool) -> Comparison:
    """Two periods side by side: the total and each voice (three queries a period)."""
    figures = []
    for filters in (before, after):
        counts = _breakdown(filters, code)
        total = shown(counts.total, exact=exact)
        figures.append((total, _rows(counts.voices, VOICE_LABELS, total, exact=exact)))
    (total_a, voices_a), (total_b, voices_b) = figures
    rows = [CompareRow("Everyone", total_a, total_b)]
    rows += [
        CompareRow(a.label, a.shown, b.shown) for a, b in zip(voices_a, voices_b, strict=True)
    ]
    return Comparison(before=before, after=after, rows=rows)
