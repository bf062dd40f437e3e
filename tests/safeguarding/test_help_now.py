"""The participant sees where to get help now, in easy read, after typing a possible
disclosure, and is never blocked from finishing."""

import pytest

from feedback import selectors
from feedback.models import Response, ResponseStatus
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"type": "long_text", "value": {"question": "Tell us about your home", "max_length": 2000}},
    {"type": "yes_no", "value": {"question": "Did you get a letter?"}},
    {"type": "fft", "value": {}},
]
HELP = ("Help now", "999", "NHS 111", "116 123", "You can carry on with the survey.")


def begin(client, survey) -> tuple[Response, list]:
    client.post(f"/survey/{survey.pk}/start/")
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    return Response.objects.get(survey=survey), selectors.survey_questions(survey=survey)


def url(survey, q) -> str:
    return f"/survey/{survey.pk}/question/{q.id}/"


@pytest.mark.parametrize(
    "text", ["he hits me and i am scared", "sum1 at home hurtin me", "i wanna kil myslef"]
)
def test_help_now_shows_at_once_and_the_person_can_still_finish(
    client, text, queued, django_capture_on_commit_callbacks
):
    survey = survey_page(questions=QUESTIONS, ask_about_you=False)
    response, (free, yes_no, fft) = begin(client, survey)
    page = client.get(url(survey, free)).content.decode()
    assert "Help now" not in page
    got = client.post(url(survey, free), {"answer": text})
    assert got.status_code == 302 and got["Location"] == url(survey, yes_no)  # not blocked
    page = client.get(got["Location"]).content.decode()
    for words in HELP:
        assert words in page
    assert text not in page  # the callout never repeats what they wrote
    assert client.post(url(survey, yes_no), {"answer": "yes"}).status_code == 302
    assert client.post(url(survey, fft), {"answer": "good"}).status_code == 302
    assert "116 123" in client.get(f"/survey/{survey.pk}/check/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/survey/{survey.pk}/check/")
    assert sent["Location"] == f"/survey/{survey.pk}/sent/"
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    done = client.get(sent["Location"]).content.decode()
    assert "Your answers have been sent" in done and "999" in done and "116 123" in done
    # Once sent, the callout no longer speaks of sending or carrying on with the survey.
    assert "a person whose job is to keep people safe will read them" in done.lower()
    assert "When you send your answers" not in done
    assert "You can carry on with the survey." not in done
    assert ("everyvoice.tag_response", (response.id,)) in queued
    # The session remembers the response id only, never the words.
    assert text not in str(dict(client.session))


def test_the_why_box_of_the_friends_and_family_test_is_screened_too(client):
    survey = survey_page(questions=QUESTIONS, ask_about_you=False)
    _, (_, _, fft) = begin(client, survey)
    client.post(url(survey, fft), {"answer": "poor", "why": "staff hit me"})
    assert "Help now" in client.get(f"/survey/{survey.pk}/check/").content.decode()


@pytest.mark.parametrize(
    "text", ["The nurse was kind and explained everything", "the injection did not hurt me"]
)
def test_no_help_now_for_ordinary_answers(client, text, queued):
    survey = survey_page(questions=QUESTIONS, ask_about_you=False)
    _, (free, yes_no, _) = begin(client, survey)
    client.post(url(survey, free), {"answer": text})
    assert "Help now" not in client.get(url(survey, yes_no)).content.decode()


def test_help_now_belongs_to_that_response_only(client):
    first = survey_page(questions=QUESTIONS, ask_about_you=False)
    _, (free, _yes_no, _) = begin(client, first)
    client.post(url(first, free), {"answer": "he hits me"})
    second = survey_page(questions=QUESTIONS, ask_about_you=False)
    _, (_free2, yes_no2, _) = begin(client, second)
    assert "Help now" not in client.get(url(second, yes_no2)).content.decode()


@pytest.mark.parametrize(
    "text", ["my uncle makes me keep secrets", "i have bruises and cant say how"]
)
def test_words_only_the_model_flags_show_help_now_too(client, text):
    """The callout uses the same screen as the safeguarding queue: rules or model."""
    from safeguarding.screen import screen, screen_text

    assert not screen(text) and screen_text(text).flagged  # what the model is there for
    survey = survey_page(questions=QUESTIONS, ask_about_you=False)
    _, (free, yes_no, _) = begin(client, survey)
    assert client.post(url(survey, free), {"answer": text}).status_code == 302
    assert "Help now" in client.get(url(survey, yes_no)).content.decode()


def test_feedback_reaches_the_screen_only_through_the_hook(monkeypatch):
    """feedback never imports safeguarding: the screen reaches it through a Wagtail hook,
    which the safeguarding app registers."""
    from feedback import help_now
    from safeguarding.wagtail_hooks import disclosure_screen

    assert disclosure_screen in help_now.hooks.get_hooks(help_now.DISCLOSURE_SCREEN_HOOK)
    assert help_now.may_be_disclosure("my uncle makes me keep secrets")  # only the model
    assert not help_now.may_be_disclosure("   ")
    monkeypatch.setattr(help_now.hooks, "get_hooks", lambda name: [])
    assert not help_now.may_be_disclosure("he hits me")  # and it says so in the log
