"""Withdrawing with a reference code: answers deleted, details cleared, tags gone, left out of
every count; a safeguarding flag keeps its own record."""

import pytest
from django.utils import timezone

from feedback import selectors, services
from feedback.models import Answer, Response, ResponseStatus, Voice
from safeguarding.models import SafeguardingFlag
from tasks.models import Tag
from tasks.tasks import tag_response
from tests.feedback.factories import ResponseFactory, survey_page

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"type": "long_text", "value": {"question": "What was good?", "max_length": 5000}},
    {"type": "yes_no", "value": {"question": "Did you get a letter?"}},
]


def submitted(text: str = "i never had my helth chek and they take my money") -> Response:
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(
        survey=survey,
        voice=Voice.SELF,
        age_band="26_64",
        area="leicester",
        communication_needs=["easy_read"],
        wants_updates=True,
        contact_email="person@example.org",
        about_you_offered=True,
    )
    free, yes_no = survey.questions
    response.answers.create(
        question_id=free.id, question_type="long_text", value={"text": text}, text=text
    )
    response.answers.create(question_id=yes_no.id, question_type="yes_no", value={"choice": "yes"})
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    tag_response(response.pk)
    return Response.objects.get(pk=response.pk)


def test_withdrawal_by_reference_code_deletes_answers_tags_and_details(client):
    response = submitted()
    assert Tag.objects.filter(response=response).exists()
    assert SafeguardingFlag.objects.filter(response=response).exists()
    survey_counts_before = Response.objects.filter(
        survey=response.survey, status=ResponseStatus.SUBMITTED
    ).count()
    page = client.get("/survey/withdraw/").content.decode()
    assert "Take back your answers" in page
    confirm = client.post("/survey/withdraw/", {"code": response.reference_display.lower()})
    assert confirm.status_code == 200
    assert "Are you sure" in confirm.content.decode()
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.SUBMITTED  # not yet
    done = client.post("/survey/withdraw/", {"code": response.reference, "confirm": "yes"})
    assert "Your answers have been taken back" in done.content.decode()
    response.refresh_from_db()
    assert response.status == ResponseStatus.WITHDRAWN and response.withdrawn_at
    assert not Answer.objects.filter(response=response).exists()
    assert not Tag.objects.filter(response=response).exists()
    assert (response.contact_email, response.age_band, response.area) == ("", "", "")
    assert response.communication_needs == [] and response.wants_updates is None
    # Out of every count: insight and exports only read submitted responses.
    assert (
        Response.objects.filter(survey=response.survey, status=ResponseStatus.SUBMITTED).count()
        == survey_counts_before - 1
    )
    # The safeguarding lead keeps the record of a possible disclosure (privacy notice says so).
    flag = SafeguardingFlag.objects.get(response=response)
    assert flag.answer_id is None and "money" in flag.excerpt


def test_a_withdrawn_code_cannot_be_used_again_or_resumed(client):
    response = submitted()
    services.response_withdraw(response=response)
    again = client.post("/survey/withdraw/", {"code": response.reference, "confirm": "yes"})
    assert "We cannot find that reference code" in again.content.decode()
    resumed = client.post("/survey/resume/", {"code": response.reference})
    assert "We cannot find that reference code" in resumed.content.decode()


def test_an_unknown_code_says_so_and_changes_nothing(client):
    response = submitted()
    got = client.post("/survey/withdraw/", {"code": "AAAA-BBBB-CC", "confirm": "yes"})
    assert got.status_code == 200 and "We cannot find that reference code" in got.content.decode()
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.SUBMITTED


def test_withdrawing_twice_is_harmless():
    response = submitted()
    first = services.response_withdraw(response=response)
    second = services.response_withdraw(response=response)
    assert second.withdrawn_at == first.withdrawn_at


def test_a_draft_can_be_withdrawn_too(client):
    response = ResponseFactory(survey=survey_page(questions=QUESTIONS))
    client.post("/survey/withdraw/", {"code": response.reference, "confirm": "yes"})
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.WITHDRAWN


def test_the_lookup_is_rate_limited(client):
    codes = [
        client.post("/survey/withdraw/", {"code": "AAAA-BBBB-CC"}).status_code for _ in range(25)
    ]
    assert 429 in codes


def test_bots_filling_the_honeypot_withdraw_nothing(client):
    response = submitted()
    client.post(
        "/survey/withdraw/", {"code": response.reference, "confirm": "yes", "website": "x"}
    )
    assert Response.objects.get(pk=response.pk).status == ResponseStatus.SUBMITTED


def test_selectors_find_no_withdrawn_response_for_insight():
    response = submitted()
    services.response_withdraw(response=response)
    assert selectors.response_by_reference(typed=response.reference).status == "withdrawn"
