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


# --- Co-producing a pathway ----------------------------------------------------------------

FEEL_QUESTION = "feel"
WORDS_QUESTION = "words"


def _step_questions(step) -> list[dict]:
    """ "Tell us about this step": a faces scale and the person's own words (both optional),
    feedback's own question types, so the one-question-per-page survey asks them."""
    title, picture = step.value["title"], step.value["picture"]
    return [
        {
            "type": "faces",
            "id": FEEL_QUESTION,
            "value": {
                "question": f"How do you feel about this step: {title}?",
                "easy_read": "Choose the face that shows how you feel.",
                "shipped_picture": picture,
                "required": False,
                "rather_not_say": True,
            },
        },
        {
            "type": "long_text",
            "id": WORDS_QUESTION,
            "value": {
                "question": "Tell us about this step",
                "easy_read": "What is good? What should we change? You can skip this.",
                "shipped_picture": "survey",
                "required": False,
                "max_length": 2000,
            },
        },
    ]


@transaction.atomic
def pathway_step_surveys_ensure(*, page) -> list:
    """Give every step of a published draft pathway its own short survey (a sibling
    ``SurveyPage`` under the same consultation), once. Steps keep their survey by their block
    id, so reordering or rewording a step keeps the answers it has."""
    from feedback.models import SurveyPage

    from .models import StepSurvey

    consultation = page.get_parent()
    have = set(page.step_surveys.values_list("step_id", flat=True))
    made = []
    for number, step in enumerate(page.steps, start=1):
        if step.id in have:
            continue
        survey = SurveyPage(
            title=f"Tell us about step {number}: {step.value['title']}",
            slug=f"{page.slug}-step-{step.id[:8]}",
            easy_read_intro=(
                f"This is step {number} of our draft {page.pathway.name.lower()}.\n"
                f"{step.value['text']}\nTell us what you think about it."
            ),
            minutes_to_complete=2,
            ask_about_you=False,
            questions=_step_questions(step),
        )
        consultation.add_child(instance=survey)
        survey.save_revision().publish()
        made.append(StepSurvey.objects.create(page=page, step_id=step.id, survey=survey))
    return made


def step_response_tag(*, response) -> int:
    """Tag a sent answer about a pathway step against that pathway (the step is its survey):
    the words answer, so the pathway's insight counts it and quotes it like any other."""
    from tasks.services import tags_declare

    from .models import StepSurvey

    link = StepSurvey.objects.filter(survey_id=response.survey_id).select_related("page").first()
    if link is None:
        return 0
    words = response.answers.exclude(text="").values_list("id", flat=True)
    return tags_declare(
        answer_ids=list(words),
        code=link.page.specific.pathway.code,
        evidence=f"answered about a step of the draft pathway '{link.page.title}'",
    )
