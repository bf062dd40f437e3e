"""CSV and XLSX exports.

- Aggregates (anyone who may see insight): one row per figure, built from the same
  ``selectors.theme_insight`` the pages use, so suppressed cells read "fewer than 5" and
  rounded ones are rounded here too.
- Responses with tags (engagement team only): one row per tagged answer or contribution,
  streamed from the database in chunks (``iterator``), never all in memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from django.db.models import Prefetch
from openpyxl import Workbook

from feedback.labels import (
    AGE_BAND_LABELS,
    AREA_LABELS,
    CHANNEL_LABELS,
    LANGUAGE_LABELS,
    VOICE_LABELS,
)

from .filters import Filters, insight_answers, insight_contributions, insight_tags
from .selectors import Theme, ThemeInsight, theme_insight
from .suppression import FEWER_THAN

AGGREGATE_HEADER = ["code", "pledge or pathway", "measure", "category", "count", "note"]
RESPONSE_HEADER = [
    "kind",
    "reference",
    "consultation",
    "date",
    "voice",
    "channel",
    "area",
    "age band",
    "language",
    "question id",
    "words",
    "tags",
]
CHUNK = 2000


def aggregate_rows(insight: ThemeInsight) -> Iterator[list]:
    t = insight.theme

    def row(measure: str, category: str, shown) -> list:
        note = "suppressed" if shown.suppressed else ("rounded to 5" if shown.rounded else "")
        value = FEWER_THAN if shown.value is None else shown.value
        return [t.code, t.label, measure, category, value, note]

    yield row("total", "responses and contributions", insight.total)
    yield row("total", "survey responses", insight.responses)
    yield row("total", "focus-group contributions", insight.contributions)
    for m in insight.trend:
        yield row("month", m.month.strftime("%Y-%m"), m.shown)
    for measure, rows in (
        ("voice", insight.voices),
        ("area", insight.areas),
        ("channel", insight.channels),
        ("language", insight.languages),
        ("sentiment (answers)", insight.sentiment),
    ):
        for r in rows:
            yield row(measure, r.label, r.shown)


def aggregates_for(*, themes: Iterable[Theme], filters: Filters, exact: bool) -> Iterator[list]:
    """Aggregate rows for each theme: the detail page's queries per theme (a collaborative
    has a handful of pledges and pathways)."""
    yield AGGREGATE_HEADER
    for theme in themes:
        yield from aggregate_rows(theme_insight(theme=theme, filters=filters, exact=exact))


def _tags_text(tags) -> str:
    parts = []
    for tag in tags:
        if tag.status == "confirmed":
            parts.append(f"{tag.code} (confirmed)")
        else:
            parts.append(f"{tag.code} ({tag.status} {tag.confidence:.2f})")
    return "; ".join(parts)


def _answers(filters: Filters, codes: set[str] | None):
    answers = insight_answers().exclude(text="")
    tags = insight_tags().order_by("code")
    if codes is not None:
        answers = answers.filter(tags__code__in=codes).distinct()
        tags = tags.filter(code__in=codes)
    answers = answers.filter(filters.responses("response__"))
    return (
        answers.select_related("response", "response__survey")
        .prefetch_related(Prefetch("tags", queryset=tags))
        .order_by("pk")
    )


def _contributions(filters: Filters, codes: set[str] | None):
    contributions = insight_contributions().filter(filters.contributions())
    tags = insight_tags().order_by("code")
    if codes is not None:
        contributions = contributions.filter(tags__code__in=codes).distinct()
        tags = tags.filter(code__in=codes)
    return (
        contributions.select_related("session", "session__consultation")
        .prefetch_related(Prefetch("tags", queryset=tags))
        .order_by("pk")
    )


def response_count(*, filters: Filters, codes: set[str] | None = None) -> int:
    return _answers(filters, codes).count() + _contributions(filters, codes).count()


def response_rows(
    *,
    filters: Filters,
    codes: set[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[list]:
    """Every answer with words (and every contribution) with its tags and who/how/where."""
    yield RESPONSE_HEADER
    done = 0
    for a in _answers(filters, codes).iterator(chunk_size=CHUNK):
        r = a.response
        yield [
            "answer",
            r.reference_display,
            r.survey.title,
            r.submitted_at.date().isoformat() if r.submitted_at else "",
            VOICE_LABELS.get(r.voice, r.voice),
            CHANNEL_LABELS.get(r.channel, r.channel),
            AREA_LABELS.get(r.area, r.area),
            AGE_BAND_LABELS.get(r.age_band, r.age_band),
            LANGUAGE_LABELS.get(r.language, r.language),
            a.question_id,
            a.text,
            _tags_text(a.tags.all()),
        ]
        done += 1
        if progress and done % CHUNK == 0:
            progress(done)
    for c in _contributions(filters, codes).iterator(chunk_size=CHUNK):
        yield [
            "focus-group contribution",
            f"session {c.session_id}",
            c.session.consultation.title,
            c.session.held_on.isoformat(),
            c.get_speaker_group_display(),
            CHANNEL_LABELS["focus_group"],
            "",
            "",
            "",
            "",
            c.text,
            _tags_text(c.tags.all()),
        ]
        done += 1
        if progress and done % CHUNK == 0:
            progress(done)
    if progress:
        progress(done)


def _safe(value):
    """Cells starting with = + - @ are formulas to a spreadsheet: a participant's words must
    never run as one (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: Iterable[list], out: io.TextIOBase) -> None:
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_safe(v) for v in row])


def to_xlsx(rows: Iterable[list], out, *, title: str) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title[:31])
    for row in rows:
        ws.append([_safe(v) for v in row])
    wb.save(out)


def render(rows: Iterable[list], *, fmt: str, title: str) -> bytes:
    if fmt == "csv":
        text = io.StringIO()
        to_csv(rows, text)
        return text.getvalue().encode("utf-8-sig")  # a BOM so Excel reads UTF-8
    binary = io.BytesIO()
    to_xlsx(rows, binary, title=title)
    return binary.getvalue()


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
