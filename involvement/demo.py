"""Demo involvement for `make run`: a year of meetings, so the register shows the road map's
measure and its trend. Idempotent (skipped when any meeting exists)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from . import services
from .models import Adjustment, Meeting, MeetingKind, MeetingPayment, Workstream

# (workstream code, kind, title, days ago, LD, autistic, carers, young, staff, partners)
MEETINGS = [
    ("dynamic-support-pathway", "workshop", "Mapping the pathway", 330, 3, 2, 2, 0, 9, 3),
    ("dynamic-support-pathway", "workshop", "Who goes on the register", 240, 0, 0, 0, 0, 11, 4),
    ("dynamic-support-pathway", "workshop", "Care and treatment reviews", 150, 2, 1, 3, 0, 8, 2),
    ("dynamic-support-pathway", "task_and_finish", "Easy-read letters", 120, 2, 0, 1, 0, 3, 0),
    ("dynamic-support-pathway", "workshop", "Testing the draft steps", 40, 4, 2, 3, 0, 7, 2),
    ("annual-health-checks", "workshop", "Adjustments at the GP", 200, 5, 1, 2, 0, 6, 1),
    ("annual-health-checks", "forum", "Health check forum", 60, 6, 2, 4, 0, 3, 1),
    ("leder", "workshop", "Learning into action", 180, 0, 0, 2, 0, 10, 5),
    ("leder", "workshop", "Action plan review", 20, 0, 0, 0, 0, 12, 3),
    ("cyp-key-worker", "workshop", "What a key worker does", 90, 0, 1, 4, 3, 5, 2),
    ("respite-short-breaks", "workshop", "Short breaks we need", 100, 1, 0, 6, 0, 4, 3),
]


def on_demo_loaded(sender, report, consultation, **kwargs) -> None:
    if Meeting.objects.exists():
        return
    today = timezone.localdate()
    workstreams = {w.code: w for w in Workstream.objects.all()}
    for code, kind, title, days, *counts in MEETINGS:
        if code not in workstreams:
            continue
        ld, autistic, carers, young, staff, partners = counts
        meeting = Meeting(
            workstream=workstreams[code],
            kind=kind,
            title=title,
            held_on=today - timedelta(days=days),
            venue="City Hall, Leicester",
            facilitator="Engagement team",
            attendees_learning_disability=ld,
            attendees_autistic=autistic,
            attendees_carers=carers,
            attendees_young_people=young,
            attendees_staff=staff,
            attendees_partners=partners,
            adjustments=[Adjustment.EASY_READ, Adjustment.BREAKS, Adjustment.TRAVEL]
            if ld + autistic + carers + young
            else [],
            consultation=consultation if kind == MeetingKind.FORUM else None,
        )
        meeting.full_clean()
        meeting.save()
        if ld + autistic:
            MeetingPayment.objects.create(
                meeting=meeting, kind="voucher", people=ld + autistic, amount_each=Decimal("20")
            )
        services.meeting_feed_contributions(meeting=meeting)
    report.created.append(f"{len(MEETINGS)} involvement meetings")
