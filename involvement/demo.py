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
    meetings_ensure(report, consultation)
    draft_pathway_ensure(report, consultation)


def meetings_ensure(report, consultation) -> None:
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


# The Dynamic Support Pathway's steps, from the road map (identify early, register,
# multi-agency meeting, intensive support at home, review), in easy read.
DSP_STEPS = [
    (
        "Someone sees you need more help",
        "Your family, school or support team sees things are getting hard.\nThey tell us early.",
        "support",
    ),
    (
        "You go on the dynamic support register",
        "This is a list of people who may need extra help soon.\nWe ask you first.",
        "assessment",
    ),
    (
        "A meeting to plan your support",
        "People from health and care meet with you and your family.\nYou can say what you want.",
        "people-talking",
    ),
    (
        "Help comes to your home",
        "Help can come to your home, day or night.\nThis can help you stay at home.",
        "home",
    ),
    (
        "We check how it is going",
        "We check with you and your family.\nWe change your support if you need it.",
        "tick",
    ),
]
# (step number, face 1-5, words): a few answers so the per-step insight has something to show.
DSP_ANSWERS = [
    (1, 4, "My mum noticed first and school listened to her."),
    (1, 2, "Nobody noticed until it was a crisis."),
    (1, 4, "Good that families can tell you early."),
    (1, 5, ""),
    (1, 3, "I did not know who to tell."),
    (1, 4, "Tell people where to ring."),
    (3, 5, "The meeting had easy read papers and a break."),
    (3, 2, "Too many people in the room, it was scary."),
]


def draft_pathway_ensure(report, consultation) -> None:
    """A consultation "Help us shape the Dynamic Support Pathway" beside the demo one, with
    the draft pathway page (and so one short survey per step) and a few answers."""
    from cms.models import ConsultationPage, Pathway
    from feedback import selectors as feedback_selectors
    from feedback import services as feedback_services

    from .models import PathwayDraftPage

    if PathwayDraftPage.objects.exists():
        return
    index = consultation.get_parent()
    now = timezone.now()
    shape = ConsultationPage(
        title="Help us shape the Dynamic Support Pathway",
        slug="dynamic-support-pathway",
        intro="We are planning how people get extra help early. Tell us what you think.",
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=60),
    )
    index.add_child(instance=shape)
    shape.save_revision().publish()
    pathway = Pathway.objects.get(code="dynamic-support")
    shape.pathways.set([pathway])
    shape.save_revision().publish()
    draft = PathwayDraftPage(
        title="Our draft Dynamic Support Pathway",
        slug="draft-pathway",
        pathway=pathway,
        easy_read_intro=(
            "This is our plan for how people get help early.\n"
            "It has 5 steps.\nTell us what you think about each step."
        ),
        steps=[
            ("step", {"title": t, "text": text, "picture": picture})
            for t, text, picture in DSP_STEPS
        ],
    )
    shape.add_child(instance=draft)
    draft.save_revision().publish()  # makes the step surveys (receivers.py)
    report.created.append(f"draft pathway {draft.url}")
    links = {n: link.survey for n, link in enumerate(_ordered_links(draft), start=1)}
    for number, face, words in DSP_ANSWERS:
        survey = links[number]
        questions = {q.id: q for q in feedback_selectors.survey_questions(survey=survey)}
        response = feedback_services.response_start(survey=survey)
        feedback_services.response_voice_set(response=response, voice="self")
        feedback_services.answer_save(
            response=response, question=questions["feel"], value={"face": face}
        )
        if words:
            feedback_services.answer_save(
                response=response, question=questions["words"], value={"text": words}, text=words
            )
        feedback_services.response_submit(response=response)


def _ordered_links(draft):
    by_step = {link.step_id: link for link in draft.step_surveys.select_related("survey")}
    return [by_step[step.id] for step in draft.steps]
