"""Outcomes pick their example texts from a searchable list in the Wagtail admin, by the same
name the review screen uses, never by typing ids; the list shows words redacted."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from feedback.models import Contribution, Response, ResponseStatus
from insight.models import OutcomeExample
from tests.feedback.factories import (
    FocusGroupSessionFactory,
    ResponseFactory,
    staff_user,
    survey_page,
)

pytestmark = pytest.mark.django_db

QUESTIONS = [{"type": "long_text", "value": {"question": "Tell us more", "max_length": 5000}}]


def answered(text: str):
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey)
    answer = response.answers.create(
        question_id=survey.questions[0].id,
        question_type="long_text",
        value={"text": text},
        text=text,
    )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    return answer


def test_the_outcome_form_offers_texts_by_name_with_their_words_redacted(
    client, django_user_model
):
    answer = answered("Call me on 07700 900123, the health check was far too quick")
    contribution = Contribution.objects.create(
        session=FocusGroupSessionFactory(), text="Respite was cut for carers"
    )
    client.force_login(staff_user(django_user_model))
    html = client.get("/admin/snippets/insight/outcome/add/").content.decode()
    assert "<datalist" in html and 'list="' in html
    assert f'<option value="a:{answer.pk}">Answer {answer.pk}: ' in html
    assert f'<option value="c:{contribution.pk}">Contribution {contribution.pk}: ' in html
    assert "the health check was far too quick" in html
    assert "07700 900123" not in html  # redacted in the list


def test_an_example_may_be_given_by_its_name_and_must_exist(db):
    answer = answered("The health check was far too quick")
    example = OutcomeExample(target=f"Answer {answer.pk}: The health check was far too quick")
    example.clean()
    assert example.target == f"a:{answer.pk}"
    assert str(example) == f"Answer {answer.pk}"
    with pytest.raises(ValidationError, match="There is no"):
        OutcomeExample(target="Contribution 999999").clean()
    with pytest.raises(ValidationError):
        OutcomeExample(target="the nurse was nice").clean()


def test_a_text_held_by_safeguarding_is_neither_offered_nor_accepted_as_an_example(
    client, django_user_model
):
    """The newest text is often the disclosure just flagged: the list must not put it first
    for a "you said, we did" example, and naming it is refused with a reason, until the lead
    releases it (the public page would silently drop it)."""
    from safeguarding import services as safeguarding_services
    from safeguarding.models import SafeguardingFlag
    from safeguarding.tasks import screen_response
    from tests.safeguarding.factories import submitted

    ordinary = answered("The health check was far too quick")
    response = submitted("my staff hit me and I am scared to go home")
    screen_response(response.id)
    flag = SafeguardingFlag.objects.get()
    held = response.answers.get()
    client.force_login(staff_user(django_user_model))
    html = client.get("/admin/snippets/insight/outcome/add/").content.decode()
    assert f'<option value="a:{ordinary.pk}">' in html
    assert f'<option value="a:{held.pk}">' not in html
    assert "scared to go home" not in html
    with pytest.raises(ValidationError, match="held by a safeguarding flag"):
        OutcomeExample(target=f"Answer {held.pk}").clean()

    lead = staff_user(django_user_model, role="Safeguarding lead", username="sam")
    safeguarding_services.flag_close(
        flag_id=flag.pk, user=lead, outcome="no_concern", note="A film plot.", release=True
    )
    OutcomeExample(target=f"Answer {held.pk}").clean()  # released: it may be an example
    html = client.get("/admin/snippets/insight/outcome/add/").content.decode()
    assert f'<option value="a:{held.pk}">' in html
