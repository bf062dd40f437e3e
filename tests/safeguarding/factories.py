"""Factories for safeguarding tests: submitted responses and contributions with given words."""

from django.utils import timezone

from feedback.models import Contribution, Response, ResponseStatus, Voice
from tests.feedback.factories import FocusGroupSessionFactory, ResponseFactory, survey_page

QUESTIONS = [
    {"type": "long_text", "value": {"question": "What was good?", "max_length": 5000}},
    {"type": "long_text", "value": {"question": "What could be better?", "max_length": 5000}},
]


def submitted(*texts: str, survey=None) -> Response:
    """A submitted response whose long-text answers are ``texts``."""
    survey = survey or survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey, voice=Voice.SELF)
    for block, text in zip(survey.questions, texts, strict=False):
        response.answers.create(
            question_id=block.id, question_type="long_text", value={"text": text}, text=text
        )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    return response


def contribution(text: str, session=None) -> Contribution:
    return Contribution.objects.create(session=session or FocusGroupSessionFactory(), text=text)
