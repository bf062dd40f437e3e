"""Disclosures reach the safeguarding lead: queue, email (with no text in it), closing
with an audit trail; benign texts do not flag; screening twice never flags twice."""

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from cms.roles import Role
from feedback.models import Contribution, Response, ResponseStatus, Voice
from safeguarding import screen as pure_screen
from safeguarding import services as safeguarding
from safeguarding.models import FlagMethod, FlagSeverity, SafeguardingFlag
from safeguarding.screen import screening
from safeguarding.tasks import screen_contribution, screen_response
from tasks.tasks import sweep_lost_jobs, tag_response
from tests.feedback.factories import (
    FocusGroupSessionFactory,
    ResponseFactory,
    staff_user,
    survey_page,
)

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"type": "long_text", "value": {"question": "What was good?", "max_length": 5000}},
    {"type": "long_text", "value": {"question": "What could be better?", "max_length": 5000}},
]
CARER_TEXT = (
    "My son is 24 and has lived in supported living for three years. The annual health check "
    "was fine and the nurse explained everything in easy read, which we were grateful for. "
    "Transport to appointments is still a problem because the bus pass was never sorted. "
    "Last month he came home with bruises on his arms and told me one of the night staff "
    "slaps him when he will not go to bed. We would also like more activities at weekends "
    "and a named keyworker who stays for longer than six months."
)
DISCLOSURES = [
    "he hits me and i am scared",
    "he hitts me an im skared",  # misspelt
    "sum1 at the house hurtin me",  # misspelt and shorthand
    "i wanna kil myslef",
    CARER_TEXT,  # one disclosure buried in a long carer text
]
BENIGN = [
    "The health check was good and the nurse was kind.",
    "We need more easy read letters from the hospital.",
    "the injection did not hurt me",
    "I like going to the day centre on Tuesdays",
]


def submitted(*texts: str) -> Response:
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey, voice=Voice.SELF)
    for block, text in zip(survey.questions, texts, strict=False):
        response.answers.create(
            question_id=block.id, question_type="long_text", value={"text": text}, text=text
        )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    return response


@pytest.fixture
def lead(django_user_model):
    return staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")


@pytest.mark.parametrize("text", DISCLOSURES)
@override_settings(SAFEGUARDING_NOTIFY_EMAILS=["safeguarding@nhs.example"])
def test_a_disclosure_reaches_the_queue_and_an_email_without_its_text(
    text, lead, django_capture_on_commit_callbacks
):
    response = submitted("The health check was good and the nurse was kind.", text)
    with django_capture_on_commit_callbacks(execute=True):
        tag_response(response.id)  # the tagging job screens too
    flag = SafeguardingFlag.objects.get()
    assert flag.response_id == response.id
    assert flag.answer_id == response.answers.order_by("id").last().id
    assert flag.excerpt == text
    assert flag.notified_at is not None
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert set(email.to) == {"safeguarding@nhs.example", "sam@example.org"}
    assert "/admin/safeguarding/" in email.body
    everything = f"{email.subject}\n{email.body}".lower()
    words = text.lower().split()
    for i in range(len(words) - 2):  # no three words of the text together in the email
        assert " ".join(words[i : i + 3]) not in everything
    assert response.reference.lower() not in everything
    assert "scared" not in everything and "bruises" not in everything


def test_a_disclosure_buried_in_a_long_carer_text_is_found_with_its_category():
    result = pure_screen.screen_text(CARER_TEXT)
    assert result.flagged and result.by_rules
    assert "physical-abuse" in result.categories


def test_someone_hurting_the_writer_is_urgent():
    assert pure_screen.screen_text("he hits me and i am scared").severity == FlagSeverity.URGENT


@pytest.mark.parametrize("text", BENIGN)
def test_benign_texts_do_not_flag(text, django_capture_on_commit_callbacks):
    response = submitted(text)
    with django_capture_on_commit_callbacks(execute=True):
        screen_response(response.id)
    assert not SafeguardingFlag.objects.exists()
    assert mail.outbox == []


def test_screening_twice_flags_once_and_emails_once(lead, django_capture_on_commit_callbacks):
    response = submitted("he hits me and i am scared", "they take my money")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            screen_response(response.id)
            tag_response(response.id)
    assert SafeguardingFlag.objects.count() == 2
    assert len(mail.outbox) == 1
    assert "2 new safeguarding flags" in mail.outbox[0].subject


def test_contributions_are_screened_too(lead, django_capture_on_commit_callbacks):
    session = FocusGroupSessionFactory()
    c = Contribution.objects.create(
        session=session, text="A man at the day centre touches my private parts"
    )
    with django_capture_on_commit_callbacks(execute=True):
        screen_contribution(c.id)
        screen_contribution(c.id)
    flag = SafeguardingFlag.objects.get()
    assert flag.contribution_id == c.id and flag.target == f"c:{c.id}"
    assert "sexual-abuse" in flag.categories
    assert len(mail.outbox) == 1


def test_drafts_are_not_screened_until_sent():
    response = submitted("he hits me")
    Response.objects.filter(pk=response.pk).update(status=ResponseStatus.DRAFT)
    screen_response(response.id)
    assert not SafeguardingFlag.objects.exists()


def test_the_sweep_sends_a_notification_that_never_went(lead):
    response = submitted("i want to die")
    safeguarding.responses_screen(response_ids=[response.id])  # test transaction: no on_commit
    assert SafeguardingFlag.objects.get().notified_at is None
    sweep_lost_jobs()
    assert SafeguardingFlag.objects.get().notified_at is not None
    assert len(mail.outbox) == 1


def test_a_text_only_the_model_flags_can_be_urgent(monkeypatch):
    """Severity comes from the model as well as the rules (issue #11)."""
    monkeypatch.setattr(screening, "screen_with_hints", lambda text: ([], []))
    result = pure_screen.screen_text(
        "i have been saving up my tablets in a box for when i am ready"
    )
    assert result.flagged and result.method == FlagMethod.MODEL
    assert result.severity == FlagSeverity.URGENT
    ordinary = pure_screen.screen_text("the bus to the day centre is always late")
    assert not ordinary.flagged and ordinary.severity == ""


# --- the lead's queue --------------------------------------------------------------------------


def test_administrators_see_the_queue(client, django_user_model):
    client.force_login(staff_user(django_user_model, role=Role.ADMINISTRATOR, username="ada"))
    assert client.get("/admin/safeguarding/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client):
    got = client.get("/admin/safeguarding/")
    assert got.status_code == 302 and "login" in got["Location"]


def test_a_mail_server_outage_loses_no_flag_and_the_sweep_sends_later(
    lead, monkeypatch, django_capture_on_commit_callbacks
):
    import smtplib

    from tasks.models import Tag

    def down(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "down")

    response = submitted("i want to die", "i never had my helth chek")
    monkeypatch.setattr(safeguarding, "send_mail", down)
    with django_capture_on_commit_callbacks(execute=True):
        tag_response(response.id)
    assert SafeguardingFlag.objects.get().notified_at is None
    assert Tag.objects.filter(response=response).exists()  # tagging still ran
    monkeypatch.undo()
    sweep_lost_jobs()
    assert SafeguardingFlag.objects.get().notified_at is not None and len(mail.outbox) == 1


@override_settings(SAFEGUARDING_NOTIFY_EMAILS=["safeguarding@nhs.example"])
def test_an_edited_disclosure_reopens_its_closed_flag_with_the_new_words(
    lead, django_capture_on_commit_callbacks
):
    """Staff correct a focus-group contribution after the lead dealt with it: the lead must
    read the new words, so the flag opens again (the old decision stays in its note)."""
    c = Contribution.objects.create(
        session=FocusGroupSessionFactory(), text="staff shout at me at the day centre"
    )
    with django_capture_on_commit_callbacks(execute=True):
        screen_contribution(c.id)
    flag = SafeguardingFlag.objects.get()
    safeguarding.flag_close(
        flag_id=flag.id, user=lead, outcome="already_known", note="Called the provider."
    )
    assert len(mail.outbox) == 1

    c.text = "staff shout at me and one of them hits me when nobody is looking"
    c.save()
    with django_capture_on_commit_callbacks(execute=True):
        screen_contribution(c.id)
        screen_contribution(c.id)  # a redelivered job changes nothing more

    flag.refresh_from_db()
    assert SafeguardingFlag.objects.count() == 1
    assert flag.excerpt == c.text and flag.is_open and flag.status == "in_progress"
    assert flag.severity == FlagSeverity.URGENT
    assert "Called the provider." in flag.note and "Reopened" in flag.note
    assert flag.notified_at is not None
    assert len(mail.outbox) == 2 and "URGENT" in mail.outbox[1].subject
    assert c.text not in mail.outbox[1].body


def test_an_edit_to_an_open_flag_updates_its_words_without_a_second_email(
    lead, django_capture_on_commit_callbacks, settings
):
    settings.SAFEGUARDING_NOTIFY_EMAILS = ["safeguarding@nhs.example"]
    c = Contribution.objects.create(
        session=FocusGroupSessionFactory(), text="he hits me and i am scared"
    )
    with django_capture_on_commit_callbacks(execute=True):
        screen_contribution(c.id)
    c.text = "he hits me and i am scared to go home"
    c.save()
    with django_capture_on_commit_callbacks(execute=True):
        screen_contribution(c.id)
    flag = SafeguardingFlag.objects.get()
    assert flag.excerpt == c.text and flag.is_open and flag.status == "new"
    assert len(mail.outbox) == 1


def test_the_lead_sees_each_matched_phrase_once():
    """Two rules matching the same words showed the lead "hit me; hit me; scared to go home"."""
    response = submitted("my staff hit me and I am scared to go home")
    screen_response(response.id)
    phrases = SafeguardingFlag.objects.get().phrases
    assert phrases and len(phrases) == len(set(phrases)), phrases
