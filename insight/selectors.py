"""Reads for insight: every figure is aggregated in the database (``values().annotate()``,
``Count(distinct)``, ``TruncMonth``, conditional ``Count(filter=...)``), so a page makes the
same number of queries whatever the number of responses (see bench/insight.py). Response
counts come from the pre-aggregated ``InsightCount`` rows, and live from the tags for any
month marked stale (``response_cells``; kept fresh by insight/counts.py).

What is counted for a pledge or pathway: the distinct *submitted* responses and the distinct
focus-group contributions with a tag of that code that is either confirmed by a person or a
suggestion with confidence >= ``COUNT_FLOOR``. Rejected tags never count. Quotes need more:
a confirmed tag or confidence >= ``QUOTE_FLOOR``.

Every count leaves here as a ``suppression.Shown``, through ``suppression.protect``, with
``exact`` from the viewer: collaborative members never get a true small number.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Length, RowNumber, TruncMonth
from django.db.models.lookups import Exact

from cms.models import ConsultationPage, Pathway, Pledge
from feedback.labels import (
    AREA_LABELS,
    AREA_NAME,
    CHANNEL_LABELS,
    SPEAKER_TO_VOICE,
    VOICE_EASY_ONE,
    VOICE_LABELS,
    VOICE_PLURAL,
)
from feedback.models import (
    Answer,
    Area,
    Channel,
    Contribution,
    FocusGroupSession,
    Response,
    ResponseStatus,
    SurveyPage,
    Voice,
    WordsKind,
)
from feedback.redaction import redact
from tasks.models import QUOTE_ORDER as TAG_QUOTE_ORDER
from tasks.models import Tag, TagStatus

from .filters import Filters, month_start, next_month
from .models import (
    DIMENSION_VALUES,
    Dimension,
    InsightCount,
    InsightStaleMonth,
    Outcome,
    RepresentationTarget,
)
from .suppression import Shown, protect, shown_change

# The tagger only writes suggestions above each tag's own F1-optimal threshold, which can be
# as low as ~0.3 for rare tags. Its confidences are calibrated, so below 0.5 a suggestion is
# more likely wrong than right: counted figures use only confirmed tags and suggestions at
# or above 0.5. Quotes are shown to collaboratives as evidence in people's own words, so they
# need a person's confirmation or a confidence of at least 0.8.
COUNT_FLOOR = 0.5
QUOTE_FLOOR = 0.8
QUOTE_MIN_CHARS = 15
QUOTE_MAX_CHARS = 240
QUOTES_PER_VOICE = 2
QUOTES_MAX = 6
QUOTE_CANDIDATES = 300

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


def _counted(floor: float) -> Q:
    return Q(status=TagStatus.CONFIRMED) | Q(status=TagStatus.SUGGESTED, confidence__gte=floor)


def _response_tags(filters: Filters, *, floor: float = COUNT_FLOOR) -> QuerySet[Tag]:
    """Counted tags on submitted survey responses, narrowed by ``filters``."""
    return Tag.objects.filter(_counted(floor), filters.response_tags())


def _contribution_tags(filters: Filters, *, floor: float = COUNT_FLOOR) -> QuerySet[Tag]:
    """Counted tags on focus-group contributions, narrowed by ``filters``."""
    return Tag.objects.filter(_counted(floor), filters.contribution_tags())


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
}


def live_cells(tags: QuerySet[Tag], keys: tuple[str, ...]) -> QuerySet:
    """Counted ``tags`` grouped by ``keys`` (of ``_CELL_KEYS``): the distinct responses and
    their faces / FFT answers by feeling, as ``k_<key>`` and ``s_<sum>`` columns. Each
    response has one month, survey, voice, area and channel, so any grouping adds up."""
    answers = Q(response__answers__question_type__in=SENTIMENT_TYPES)
    bucket = sentiment_bucket("response__answers__")
    sums = {"s_responses": Count("response_id", distinct=True)}
    for key, _, _ in SENTIMENT:
        sums[f"s_{key}"] = Count(
            "response__answers", filter=answers & Q(Exact(bucket, Value(key))), distinct=True
        )
    return tags.values(**{f"k_{k}": _CELL_KEYS[k] for k in keys}).annotate(**sums).order_by()


def _stored_cells(filters: Filters, codes, stale: list[date], keys: tuple[str, ...]):
    qs = InsightCount.objects.filter(filters.cells(), code__in=codes).exclude(month__in=stale)
    return (
        qs.values(**{f"k_{k}": F(k) for k in keys})
        .annotate(**{f"s_{k}": Sum(k) for k in CELL_SUMS})
        .order_by()
    )


def response_cells(filters: Filters, codes, keys: tuple[str, ...]) -> dict[tuple, dict[str, int]]:
    """Response counts and feelings for ``codes`` grouped by ``keys``: two queries (the stale
    months, then the stored and live rows together), whatever the number of responses."""
    stale = list(InsightStaleMonth.objects.values_list("month", flat=True))
    stored = _stored_cells(filters, codes, stale, keys)
    live = live_cells(_response_tags(filters).filter(in_months(stale), code__in=codes), keys)
    out: dict[tuple, dict[str, int]] = {}
    for row in stored.union(live, all=True):
        key = tuple(_as_date(row[f"k_{k}"]) if k == "month" else row[f"k_{k}"] for k in keys)
        sums = out.setdefault(key, dict.fromkeys(CELL_SUMS, 0))
        for name in CELL_SUMS:
            sums[name] += int(row[f"s_{name}"] or 0)
    return out


# --- Taxonomy ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    code: str
    kind: str
    name: str
    easy_read: str
    picture: str
    number: int | None
    collaborative: str

    @property
    def label(self) -> str:
        return f"Pledge {self.number}: {self.name}" if self.number else self.name

    @property
    def easy_name(self) -> str:
        return self.name[:1].lower() + self.name[1:] if self.name else ""


def themes(codes: frozenset[str] | set[str]) -> list[Theme]:
    """The pledges (in number order) then pathways named by ``codes``: two queries."""
    out: list[Theme] = []
    fields = ("code", "name", "easy_read", "picture", "collaborative__name")
    for model, kind in ((Pledge, "pledge"), (Pathway, "pathway")):
        extra = ("number",) if model is Pledge else ()
        for row in model.objects.filter(code__in=codes).values(*fields, *extra):
            out.append(
                Theme(
                    code=row["code"],
                    kind=kind,
                    name=row["name"],
                    easy_read=row["easy_read"],
                    picture=row["picture"] or ("tick" if kind == "pledge" else "support"),
                    number=row.get("number"),
                    collaborative=row["collaborative__name"] or "",
                )
            )
    return out


def theme_get(code: str) -> Theme | None:
    found = themes({code})
    return found[0] if found else None


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
        code: sums["responses"]
        for (code,), sums in response_cells(filters, codes, ("code",)).items()
    }
    contributions = dict(
        _contribution_tags(filters)
        .filter(code__in=codes)
        .values("code")
        .annotate(n=Count("contribution", distinct=True))
        .values_list("code", "n")
    )
    return [
        ThemeCount(
            theme=t,
            total=protect(responses.get(t.code, 0) + contributions.get(t.code, 0), exact=exact),
            responses=protect(responses.get(t.code, 0), exact=exact),
            contributions=protect(contributions.get(t.code, 0), exact=exact),
        )
        for t in listed
    ]


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
class Quote:
    text: str
    voice: str  # a key of VOICE_LABELS, "" when not shown
    voice_label: str
    voice_easy: str
    redacted: tuple[str, ...] = ()


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
    sentiment: list[Row] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    comparison: Comparison | None = None

    @property
    def any_suppressed(self) -> bool:
        rows = [*self.voices, *self.areas, *self.channels, *self.sentiment]
        shown = [self.total, *(r.shown for r in rows), *(m.shown for m in self.trend)]
        return any(s.suppressed for s in shown)

    @property
    def trend_peak(self) -> MonthCount | None:
        counted = [m for m in self.trend if m.shown.value]
        return max(counted, key=lambda m: m.shown.value) if counted else None


@dataclass(frozen=True)
class _Counts:
    responses: int
    contributions: int
    voices: dict[str, int]
    areas: dict[str, int]
    channels: dict[str, int]
    months: dict[date, int]
    feelings: dict[str, int]  # faces and FFT answers by SENTIMENT key


def _tagged_contributions(ct: QuerySet) -> QuerySet[Contribution]:
    return Contribution.objects.filter(pk__in=ct.values("contribution_id"))


def _as_date(month) -> date:
    return month.date() if isinstance(month, datetime) else month


def _breakdown(filters: Filters, code: str) -> _Counts:
    """Totals, the voice, area and channel splits, the monthly trend and the feelings in
    three queries: the response cells (``response_cells``) and one for contributions. Each
    response has one voice, area, channel and month, so adding the cells up gives every split
    and the total; the cells are bounded by the categories (8 x 6 x 6 x months), not by the
    number of responses (measured: bench/insight.py)."""
    voices: dict[str, int] = defaultdict(int)
    areas: dict[str, int] = defaultdict(int)
    channels: dict[str, int] = defaultdict(int)
    months: dict[date, int] = defaultdict(int)
    feelings: dict[str, int] = dict.fromkeys(CELL_SUMS[1:], 0)
    total = 0
    cells = response_cells(filters, {code}, ("voice", "area", "channel", "month"))
    for (voice, area, channel, month), sums in cells.items():
        n = sums["responses"]
        voices[voice or ""] += n
        areas[area or ""] += n
        channels[channel] += n
        if month is not None:
            months[month] += n
        total += n
        for key in feelings:
            feelings[key] += sums[key]
    contributions = 0
    speakers = (
        _tagged_contributions(_contribution_tags(filters).filter(code=code))
        .annotate(month=TruncMonth("session__held_on"))
        .values("speaker_group", "month")
        .annotate(n=Count("id"))
        .values_list("speaker_group", "month", "n")
        .order_by()
    )
    for speaker, month, n in speakers:
        voices[SPEAKER_TO_VOICE.get(speaker or "", "")] += n
        if month is not None:
            months[_as_date(month)] += n
        contributions += n
    if contributions:
        areas["focus_group"] += contributions
        channels[Channel.FOCUS_GROUP] += contributions
    return _Counts(
        total, contributions, dict(voices), dict(areas), dict(channels), dict(months), feelings
    )


def _rows(counts: dict[str, int], labels: dict[str, str], *, exact: bool) -> list[Row]:
    """Every labelled category in a fixed order (zeros included, so a table's shape never
    depends on the data), then anything unexpected."""
    keys = [k for k in labels if k in counts or k != ""] + [k for k in counts if k not in labels]
    return [Row(k, labels.get(k, k), protect(counts.get(k, 0), exact=exact)) for k in keys]


def _month_range(first: date, last: date) -> list[date]:
    months, m = [], first.replace(day=1)
    while m <= last and len(months) < 120:
        months.append(m)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return months


def _trend(counts: dict[date, int], filters: Filters, *, exact: bool) -> list[MonthCount]:
    if not counts and not (filters.month_from and filters.month_to):
        return []
    first = filters.month_from or min(counts)
    last = filters.month_to or max(counts)
    return [
        MonthCount(m, protect(counts.get(m, 0), exact=exact)) for m in _month_range(first, last)
    ]


def _sentiment(feelings: dict[str, int], *, exact: bool) -> list[Row]:
    """Faces and Friends and Family Test answers in the tagged responses, by how people felt
    (each answer falls in one bucket, or none if skipped)."""
    return [
        Row(key, label, protect(feelings.get(key, 0), exact=exact)) for key, label, _ in SENTIMENT
    ]


# Confirmed by a person first, then the tagger's most confident (tasks' quote indexes).
QUOTE_ORDER = list(TAG_QUOTE_ORDER)


def _quote_rows(filters: Filters, code: str) -> list[dict]:
    """At most ``QUOTES_PER_VOICE`` short, eligible quotes per voice: one query each for
    answers and contributions. The best ``QUOTE_CANDIDATES`` eligible tags are picked first
    (a top-N sort on tag columns, no text read), then ranked per voice with a window function
    over those alone; ranking every tag of a common pledge read all its text (193 ms of
    a 1 s page at 100,000 responses, see bench/insight.py)."""
    answer_pool = (
        _response_tags(filters, floor=QUOTE_FLOOR)
        .filter(code=code, answer__isnull=False)
        .order_by(*QUOTE_ORDER)
        .values("pk")[:QUOTE_CANDIDATES]
    )
    answers = (
        Tag.objects.filter(pk__in=answer_pool)
        .annotate(chars=Length("answer__text"))
        .filter(chars__gte=QUOTE_MIN_CHARS, chars__lte=QUOTE_MAX_CHARS)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("response__voice")], order_by=QUOTE_ORDER)
        )
        .filter(rank__lte=QUOTES_PER_VOICE)
        .values("rank", "confidence", text=F("answer__text"), voice=F("response__voice"))
    )
    contribution_pool = (
        _contribution_tags(filters, floor=QUOTE_FLOOR)
        .filter(code=code, contribution__words=WordsKind.OWN_WORDS)
        .order_by(*QUOTE_ORDER)
        .values("pk")[:QUOTE_CANDIDATES]
    )
    contributions = (
        Tag.objects.filter(pk__in=contribution_pool)
        .annotate(chars=Length("contribution__text"))
        .filter(chars__gte=QUOTE_MIN_CHARS, chars__lte=QUOTE_MAX_CHARS)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("contribution__speaker_group")],
                order_by=QUOTE_ORDER,
            )
        )
        .filter(rank__lte=QUOTES_PER_VOICE)
        .values(
            "rank",
            "confidence",
            text=F("contribution__text"),
            speaker=F("contribution__speaker_group"),
        )
    )
    rows = [dict(r, voice=r["voice"] or "") for r in answers]
    rows += [
        {**r, "voice": SPEAKER_TO_VOICE.get(r.pop("speaker") or "", "")} for r in contributions
    ]
    return rows


def _quotes(
    filters: Filters, code: str, voices: list[Row], total: Shown, *, exact: bool
) -> list[Quote]:
    # Diverse voices: everyone's best quote first, then everyone's second best. (Queried even
    # when nothing will be shown, so a page makes the same queries at any size.)
    rows = sorted(_quote_rows(filters, code), key=lambda r: (r["rank"], -r["confidence"]))
    if not exact and (total.suppressed or total.value == 0):
        return []  # with fewer than 5 people, any quote could point at one of them
    shown_voice = {r.key for r in voices if exact or not r.shown.suppressed}
    quotes, seen = [], set()
    for row in rows:
        result = redact(row["text"])
        text = " ".join(result.text.split())
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        # A voice is named only when its own count is not suppressed: "the one young person
        # from Rutland said..." would point at someone.
        voice = row["voice"] if row["voice"] in shown_voice else ""
        quotes.append(
            Quote(
                text=text,
                voice=voice,
                voice_label=VOICE_LABELS.get(voice, "Someone") if voice else "Someone",
                voice_easy=VOICE_EASY_ONE.get(voice, ""),
                redacted=tuple(result.kinds),
            )
        )
        if len(quotes) == QUOTES_MAX:
            break
    return quotes


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
    total = protect(counts.responses + counts.contributions, exact=exact)
    voices = _rows(counts.voices, VOICE_LABELS, exact=exact)
    insight = ThemeInsight(
        theme=theme,
        filters=filters,
        exact=exact,
        total=total,
        responses=protect(counts.responses, exact=exact),
        contributions=protect(counts.contributions, exact=exact),
        trend=_trend(counts.months, filters, exact=exact),
        voices=voices,
        areas=_rows(counts.areas, _area_labels(counts.areas), exact=exact),
        channels=_rows(counts.channels, CHANNEL_LABELS, exact=exact),
        sentiment=_sentiment(counts.feelings, exact=exact),
        quotes=_quotes(filters, theme.code, voices, total, exact=exact),
    )
    if compare is not None:
        insight.comparison = _compare(theme.code, *compare, exact=exact)
    return insight


def _area_labels(counts: dict[str, int]) -> dict[str, str]:
    labels = {k: v for k, v in AREA_LABELS.items() if k != "focus_group"}
    if "focus_group" in counts:
        labels["focus_group"] = AREA_LABELS["focus_group"]
    return labels


def _compare(code: str, before: Filters, after: Filters, *, exact: bool) -> Comparison:
    """Two periods side by side: the total and each voice (three queries a period)."""
    figures = []
    for filters in (before, after):
        counts = _breakdown(filters, code)
        total = protect(counts.responses + counts.contributions, exact=exact)
        figures.append((total, _rows(counts.voices, VOICE_LABELS, exact=exact)))
    (total_a, voices_a), (total_b, voices_b) = figures
    rows = [CompareRow("Everyone", total_a, total_b)]
    rows += [
        CompareRow(a.label, a.shown, b.shown) for a, b in zip(voices_a, voices_b, strict=True)
    ]
    return Comparison(before=before, after=after, rows=rows)


# --- Raw responses (engagement team only) ------------------------------------------------------


def tagged_items(*, code: str, filters: Filters) -> QuerySet[Tag]:
    """Every tag of ``code`` (suggested, confirmed and rejected) with the words it is on."""
    rt = Tag.objects.filter(filters.tags(), code=code)
    return rt.select_related("response", "answer", "contribution").order_by("-created_at", "-id")


# --- Representation while a consultation is open (engagement team) -----------------------------

LLR_AREAS = (Area.LEICESTER, Area.LEICESTERSHIRE, Area.RUTLAND)
GAP_VOICES = (Voice.SELF, Voice.CARER, Voice.YOUNG_PERSON)


@dataclass(frozen=True)
class RepresentationRow:
    key: str
    label: str
    count: int
    target: int | None

    @property
    def gap(self) -> int | None:
        return None if self.target is None else max(0, self.target - self.count)

    @property
    def met(self) -> bool:
        return self.target is not None and self.count >= self.target


@dataclass(frozen=True)
class RepresentationTable:
    dimension: str
    label: str
    rows: list[RepresentationRow]


@dataclass(frozen=True)
class Representation:
    consultation: ConsultationPage
    total: int
    tables: list[RepresentationTable]
    missing: list[str]
    focus_group_attendees: dict[str, int]


_FIELD = {
    Dimension.VOICE: "voice",
    Dimension.AREA: "area",
    Dimension.AGE_BAND: "age_band",
    Dimension.CHANNEL: "channel",
}


def representation(*, consultation: ConsultationPage) -> Representation:
    """Responses so far by voice, area, age band and channel against the team's targets, and
    the voice-and-area groups with nobody yet: eight queries."""
    responses = Response.objects.filter(
        survey_id__in=SurveyPage.objects.child_of(consultation).values("pk"),
        status=ResponseStatus.SUBMITTED,
    )
    targets: dict[tuple[str, str], int] = {
        (t.dimension, t.value): t.target
        for t in RepresentationTarget.objects.filter(consultation=consultation)
    }
    tables, total = [], 0
    for dimension, label in Dimension.choices:
        field_name = _FIELD[dimension]
        counts = dict(
            responses.values(field_name).annotate(n=Count("id")).values_list(field_name, "n")
        )
        if dimension == Dimension.VOICE:
            total = sum(counts.values())
        rows = [
            RepresentationRow(
                value, value_label, counts.get(value, 0), targets.get((dimension, value))
            )
            for value, value_label in DIMENSION_VALUES[dimension]
        ]
        if counts.get(""):
            rows.append(RepresentationRow("", "Not given", counts[""], None))
        tables.append(RepresentationTable(dimension, label, rows))
    pairs = set(
        responses.filter(voice__in=GAP_VOICES, area__in=LLR_AREAS)
        .values_list("voice", "area")
        .distinct()
    )
    missing = [
        f"No {VOICE_PLURAL[v]} from {AREA_NAME[a]} yet"
        for v in GAP_VOICES
        for a in LLR_AREAS
        if (v, a) not in pairs
    ]
    missing += [
        f"No responses yet from {dict(DIMENSION_VALUES[d]).get(v, v).lower()} (target {n})"
        for (d, v), n in targets.items()
        if n
        and not any(r.key == v and r.count for t in tables if t.dimension == d for r in t.rows)
    ]
    attendees = FocusGroupSession.objects.filter(consultation=consultation).aggregate(
        lda=Sum("attendees_lda"),
        carers=Sum("attendees_carers"),
        young_people=Sum("attendees_cyp"),
        professionals=Sum("attendees_professionals"),
    )
    return Representation(
        consultation=consultation,
        total=total,
        tables=tables,
        missing=missing,
        focus_group_attendees={k: v or 0 for k, v in attendees.items()},
    )


def consultations_for_filter() -> QuerySet[ConsultationPage]:
    return ConsultationPage.objects.live().order_by("-opens_at").only("id", "title")


# --- You said, we did ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeView:
    outcome: Outcome
    themes: list[Theme]
    examples: list[str]  # redacted quotes


def outcomes_published(
    *, consultation_id: int, codes: set[str] | None = None
) -> list[OutcomeView]:
    """Published outcomes of a consultation (optionally only those linked to ``codes``), with
    their themes and redacted example quotes: four queries."""
    qs = Outcome.objects.filter(consultation_id=consultation_id, published=True)
    if codes is not None:
        qs = qs.filter(Q(pledges__code__in=codes) | Q(pathways__code__in=codes)).distinct()
    outcomes = list(
        qs.prefetch_related("pledges", "pathways", "examples").order_by("-published_at", "title")
    )
    answer_ids, contribution_ids = set(), set()
    for o in outcomes:
        for ex in o.examples.all():
            kind, _, pk = ex.target.partition(":")
            (answer_ids if kind == "a" else contribution_ids).add(int(pk))
    texts = {
        f"a:{pk}": text
        for pk, text in Answer.objects.filter(
            pk__in=answer_ids, response__status=ResponseStatus.SUBMITTED
        ).values_list("pk", "text")
    }
    texts.update(
        {
            f"c:{pk}": text
            for pk, text in Contribution.objects.filter(pk__in=contribution_ids).values_list(
                "pk", "text"
            )
        }
    )
    all_codes = {p.code for o in outcomes for p in [*o.pledges.all(), *o.pathways.all()]}
    by_code = {t.code: t for t in themes(all_codes)} if all_codes else {}
    views = []
    for o in outcomes:
        linked = [
            by_code[p.code] for p in [*o.pledges.all(), *o.pathways.all()] if p.code in by_code
        ]
        examples = [
            " ".join(redact(texts[ex.target]).text.split())
            for ex in o.examples.all()
            if texts.get(ex.target)
        ]
        views.append(OutcomeView(outcome=o, themes=linked, examples=examples))
    return views


@dataclass(frozen=True)
class FollowedResponse:
    response: Response
    consultation: ConsultationPage
    themes: list[Theme]
    outcomes: list[OutcomeView]
    quoted: bool  # one of their answers is an outcome's example


def follow_response(*, response: Response) -> FollowedResponse:
    """What happened to one person's answers: the themes they were tagged with (confirmed or
    high-confidence only) and the published outcomes linked to those themes."""
    consultation = response.survey.get_parent().specific
    codes = set(
        Tag.objects.filter(response=response)
        .filter(
            Q(status=TagStatus.CONFIRMED)
            | Q(status=TagStatus.SUGGESTED, confidence__gte=QUOTE_FLOOR)
        )
        .values_list("code", flat=True)
    )
    outcomes = outcomes_published(consultation_id=consultation.pk, codes=codes) if codes else []
    answer_targets = {
        f"a:{pk}" for pk in Answer.objects.filter(response=response).values_list("pk", flat=True)
    }
    quoted = any(
        ex.target in answer_targets for view in outcomes for ex in view.outcome.examples.all()
    )
    return FollowedResponse(
        response=response,
        consultation=consultation,
        themes=themes(codes) if codes else [],
        outcomes=outcomes,
        quoted=quoted,
    )


def responses_to_notify(*, outcome: Outcome) -> QuerySet[Response]:
    """Submitted responses to the outcome's consultation whose person asked to hear back and
    has not been told about this outcome yet."""
    from .models import OutcomeNotification

    consultation = ConsultationPage.objects.get(pk=outcome.consultation_id)
    return (
        Response.objects.filter(
            survey_id__in=SurveyPage.objects.child_of(consultation).values("pk"),
            status=ResponseStatus.SUBMITTED,
            wants_updates=True,
        )
        .exclude(contact_email="")
        .exclude(pk__in=OutcomeNotification.objects.filter(outcome=outcome).values("response_id"))
        .order_by("pk")
    )
