"""The ONE filter of insight: what the viewer narrowed the figures to, and the only place
each of its fields becomes a database condition.

Every reader applies it through these methods and nothing else: the pages (standard and
easy read), the raw tagged-items list, both exports (XLSX/CSV), the API and comparisons.
Before, the same five conditions were written six times and two copies had drifted (the raw
list ignored the month; the responses export ignored the voice for focus groups). The
property tests (tests/insight/test_filters_agree.py) hold every reader to one live count.

Periods are whole local months (see forms.py): coarse periods also make differencing by date
harder. A response belongs to the month it was *submitted* in; a focus-group contribution to
the month its session was *held* in. Focus groups record no area, so an area filter keeps
none of them; a voice filter keeps the contributions of the matching speaker group
(``feedback.labels.VOICE_TO_SPEAKER``). A response's language is the language of the survey
it answered (``Response.language``, e.g. ``gu``); focus groups record no language, so a
language filter keeps none of them either.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from feedback.labels import VOICE_TO_SPEAKER
from feedback.models import Answer, Contribution, ResponseStatus
from feedback.selectors import survey_ids
from safeguarding.selectors import uncontained
from tasks.models import Tag

NOTHING = Q(pk__in=[])


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def month_start(moment: datetime) -> datetime:
    """Midnight at the start of a local day, as an aware datetime."""
    return timezone.make_aware(datetime.combine(moment, time.min))


def month_of(moment: datetime) -> date:
    """The (local) month a moment falls in, as counted by ``InsightCount.month``."""
    return timezone.localtime(moment).date().replace(day=1)


def _month(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value.replace(day=1)
    return date.fromisoformat(value if len(value) > 7 else f"{value}-01").replace(day=1)


# --- What insight may read at all ------------------------------------------------------------
# A text held by an unreleased safeguarding flag never reaches insight: not its counts, quotes,
# raw list, exports, API or "you said, we did" examples. These three base querysets are where
# every reader starts, and ``_released`` is the one place containment is applied.


def _released(qs: QuerySet, *, via: str) -> QuerySet:
    return uncontained(qs, via=via)


def insight_tags() -> QuerySet[Tag]:
    """Every tag insight may read (those on texts no safeguarding flag holds)."""
    return _released(Tag.objects.all(), via="target")


def insight_answers() -> QuerySet[Answer]:
    """Every answer insight may read."""
    return _released(Answer.objects.all(), via="pk")


def insight_contributions() -> QuerySet[Contribution]:
    """Every focus-group contribution insight may read."""
    return _released(Contribution.objects.all(), via="pk")


@dataclass(frozen=True)
class Filters:
    """What the viewer narrowed the insight to (every field optional)."""

    consultation_id: int | None = None
    month_from: date | None = None  # first day of a month
    month_to: date | None = None  # first day of a month (inclusive)
    voice: str = ""
    area: str = ""
    language: str = ""  # a code of languages/data/languages.json, e.g. "gu" or "en-gb"

    # --- as text: query strings, audit lines and export jobs -----------------------------

    def as_dict(self) -> dict[str, str]:
        """The non-empty fields as the page's query parameters."""
        return {
            k: v
            for k, v in {
                "consultation": str(self.consultation_id or ""),
                "from": self.month_from.strftime("%Y-%m") if self.month_from else "",
                "to": self.month_to.strftime("%Y-%m") if self.month_to else "",
                "voice": self.voice,
                "area": self.area,
                "language": self.language,
            }.items()
            if v
        }

    def to_json(self) -> dict:
        """For a queued export job (``from_json`` reads it back)."""
        return {
            "consultation_id": self.consultation_id,
            "month_from": self.month_from.isoformat() if self.month_from else None,
            "month_to": self.month_to.isoformat() if self.month_to else None,
            "voice": self.voice,
            "area": self.area,
            "language": self.language,
        }

    @classmethod
    def from_json(cls, data: dict) -> Filters:
        return cls(
            consultation_id=data.get("consultation_id"),
            month_from=_month(data.get("month_from")),
            month_to=_month(data.get("month_to")),
            voice=data.get("voice") or "",
            area=data.get("area") or "",
            language=data.get("language") or "",
        )

    def with_months(self, month_from: date | None, month_to: date | None) -> Filters:
        """The same filter over another period (comparisons)."""
        return replace(self, month_from=month_from, month_to=month_to)

    # --- as database conditions: the only copy -------------------------------------------

    def responses(self, prefix: str = "") -> Q:
        """Submitted survey responses this filter keeps; ``prefix`` reaches a Response from
        another model (``"response__"`` from a Tag or an Answer)."""
        q = Q(**{f"{prefix}status": ResponseStatus.SUBMITTED})
        if self.consultation_id:
            q &= Q(**{f"{prefix}survey_id__in": survey_ids(self.consultation_id)})
        if self.month_from:
            q &= Q(**{f"{prefix}submitted_at__gte": month_start(self.month_from)})
        if self.month_to:
            q &= Q(**{f"{prefix}submitted_at__lt": month_start(next_month(self.month_to))})
        if self.voice:
            q &= Q(**{f"{prefix}voice": self.voice})
        if self.area:
            q &= Q(**{f"{prefix}area": self.area})
        if self.language:
            q &= Q(**{f"{prefix}language": self.language})
        return q

    def contributions(self, prefix: str = "") -> Q:
        """Focus-group contributions this filter keeps (``prefix`` as for ``responses``)."""
        if self.area or self.language:
            return NOTHING  # focus groups do not record where people live or their language
        q = Q()
        if self.voice:
            speaker = VOICE_TO_SPEAKER.get(self.voice)
            if speaker is None:
                return NOTHING
            q &= Q(**{f"{prefix}speaker_group": speaker})
        if self.consultation_id:
            q &= Q(**{f"{prefix}session__consultation_id": self.consultation_id})
        if self.month_from:
            q &= Q(**{f"{prefix}session__held_on__gte": self.month_from})
        if self.month_to:
            q &= Q(**{f"{prefix}session__held_on__lte": month_end(self.month_to)})
        return q

    def tags(self) -> Q:
        """Tags on the responses or contributions this filter keeps."""
        return (Q(response__isnull=False) & self.responses("response__")) | (
            Q(contribution__isnull=False) & self.contributions("contribution__")
        )

    def response_tags(self) -> Q:
        return Q(response__isnull=False) & self.responses("response__")

    def contribution_tags(self) -> Q:
        return Q(contribution__isnull=False) & self.contributions("contribution__")

    def cells(self) -> Q:
        """Pre-aggregated ``InsightCount`` rows this filter keeps (months are stored as the
        first of the month, local time, like ``month_of``)."""
        q = Q()
        if self.consultation_id:
            q &= Q(survey_id__in=survey_ids(self.consultation_id))
        if self.month_from:
            q &= Q(month__gte=self.month_from)
        if self.month_to:
            q &= Q(month__lte=self.month_to)
        if self.voice:
            q &= Q(voice=self.voice)
        if self.area:
            q &= Q(area=self.area)
        if self.language:
            q &= Q(language=self.language)
        return q
