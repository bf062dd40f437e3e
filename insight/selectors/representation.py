"""Representation while a consultation is open (engagement team only, exact numbers): who
has answered so far against the team's targets, and the groups with nobody yet."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum

from cms.models import ConsultationPage
from feedback.labels import AREA_NAME, VOICE_PLURAL
from feedback.models import Area, FocusGroupSession, Response, ResponseStatus, SurveyPage, Voice

from ..models import DIMENSION_VALUES, Dimension, RepresentationTarget

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
