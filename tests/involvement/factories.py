"""Involvement register test data."""

from __future__ import annotations

from datetime import date

from involvement.models import Meeting, Workstream


def meeting(
    code: str = "dynamic-support-pathway",
    *,
    kind: str = "workshop",
    held_on: date | None = None,
    title: str = "A workshop",
    **counts,
) -> Meeting:
    made = Meeting(
        workstream=Workstream.objects.get(code=code),
        kind=kind,
        title=title,
        held_on=held_on or date.today(),
        **counts,
    )
    made.full_clean()
    made.save()
    return made
