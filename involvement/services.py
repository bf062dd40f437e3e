"""Writes for the involvement register."""

from __future__ import annotations

from django.db import transaction

from feedback.models import FocusGroupSession

from .models import FEEDS_CONTRIBUTIONS, Meeting


@transaction.atomic
def meeting_feed_contributions(*, meeting: Meeting, user=None) -> FocusGroupSession | None:
    """Link a forum or focus group to feedback's focus-group session, so what people said is
    entered once, card by card, in the existing contribution entry (and tagged from there).

    A session is made when there is none; its date, place and who came follow the meeting
    (the register is where those are recorded). Contributions are never touched here.
    """
    if meeting.kind not in FEEDS_CONTRIBUTIONS:
        return meeting.focus_group_session
    session = meeting.focus_group_session
    if session is None and meeting.consultation_id is None:
        return None
    if session is None:
        session = FocusGroupSession(consultation_id=meeting.consultation_id, created_by=user)
    session.held_on = meeting.held_on
    session.venue = meeting.venue or meeting.title
    session.facilitator = meeting.facilitator or "Not recorded"
    session.attendees_lda = meeting.attendees_learning_disability + meeting.attendees_autistic
    session.attendees_carers = meeting.attendees_carers
    session.attendees_cyp = meeting.attendees_young_people
    session.attendees_professionals = meeting.attendees_staff + meeting.attendees_partners
    session.adjustments = meeting.adjustments_text
    session.full_clean()
    session.save()
    if meeting.focus_group_session_id != session.pk:
        meeting.focus_group_session = session
        meeting.save(update_fields=["focus_group_session", "updated_at"])
    return session
