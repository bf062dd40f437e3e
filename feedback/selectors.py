"""Reads for surveys, responses and focus groups."""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from .consent import CONSENT_POINTS, CONSENT_VERSION
from .models import (
    Answer,
    Contribution,
    FocusGroupSession,
    Response,
    ResponseStatus,
    SurveyPage,
)
from .questions import Question, question_from_block
from .reference import reference_normalise

SESSION_KEY = "everyvoice.responses"


def survey_questions(*, survey: SurveyPage) -> list[Question]:
    return [question_from_block(child, n) for n, child in enumerate(survey.questions, start=1)]


def survey_question(*, survey: SurveyPage, question_id: str) -> Question | None:
    return next((q for q in survey_questions(survey=survey) if q.id == question_id), None)


def survey_get(*, survey_id: int) -> SurveyPage | None:
    return SurveyPage.objects.live().filter(pk=survey_id).first()


def surveys_for_staff() -> QuerySet[SurveyPage]:
    return SurveyPage.objects.all().order_by("-latest_revision_created_at")


def response_for_session(*, session, survey: SurveyPage) -> Response | None:
    """The response this browser is working on for ``survey`` (the session holds only ids)."""
    response_id = (session.get(SESSION_KEY) or {}).get(str(survey.pk))
    if response_id is None:
        return None
    return Response.objects.filter(pk=response_id, survey=survey).first()


def response_by_reference(*, typed: str) -> Response | None:
    code = reference_normalise(typed)
    if code is None:
        return None
    return Response.objects.select_related("survey").filter(reference=code).first()


def response_answers(*, response: Response) -> dict[str, Answer]:
    return {a.question_id: a for a in response.answers.all()}


def response_missing_required(*, response: Response) -> list[Question]:
    answers = response_answers(response=response)
    missing = []
    for q in survey_questions(survey=response.survey.specific):
        if not q.required:
            continue
        answer = answers.get(q.id)
        if answer is None or answer.value is None:
            missing.append(q)
    return missing


def responses_for_participant(*, user) -> QuerySet[Response]:
    """A signed-in participant's own responses (drafts and sent), newest first."""
    return (
        Response.objects.filter(participant=user)
        .exclude(status=ResponseStatus.WITHDRAWN)
        .select_related("survey")
        .order_by("-created_at")
    )


def responses_for_survey(*, survey: SurveyPage) -> QuerySet[Response]:
    return (
        Response.objects.filter(survey=survey)
        .select_related("entered_by")
        .order_by("-submitted_at", "-created_at")
    )


def responses_awaiting_tagging(*, older_than_seconds: int = 0) -> QuerySet[Response]:
    """Submitted responses whose tagging job has not finished (for the sweep)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return Response.objects.filter(
        status=ResponseStatus.SUBMITTED, tagged_at__isnull=True, submitted_at__lte=cutoff
    )


def contributions_awaiting_tagging(*, older_than_seconds: int = 0) -> QuerySet[Contribution]:
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return Contribution.objects.filter(tagged_at__isnull=True, created_at__lte=cutoff)


def focus_group_session_get(*, session_id: int) -> FocusGroupSession | None:
    return FocusGroupSession.objects.filter(pk=session_id).first()


def survey_start_context(*, survey: SurveyPage, session) -> dict:
    """What the survey's start page needs: is it open, and is there a draft to carry on."""
    consultation = survey.consultation
    response = response_for_session(session=session, survey=survey)
    return {
        "consultation": consultation,
        "survey_open": consultation.is_open,
        "consultation_status": consultation.status,
        "draft": response if response is not None and response.is_draft else None,
        "question_count": len(survey.questions),
        "consent_points": CONSENT_POINTS,
        "consent_version": CONSENT_VERSION,
    }
