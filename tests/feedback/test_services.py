"""Writes: starting, saving on every Continue, submitting (tagging queued on commit only),
staff entry, about you, focus groups."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback import selectors, services
from feedback.consent import CONSENT_VERSION
from feedback.models import (
    AgeBand,
    Answer,
    Channel,
    Contribution,
    ResponseStatus,
    Voice,
)
from feedback.storage import private_root
from tests.feedback.factories import (
    FocusGroupSessionFactory,
    close,
    consultation_page,
    survey_page,
)

pytestmark = pytest.mark.django_db


def q(survey, kind):
    return next(x for x in selectors.survey_questions(survey=survey) if x.type == kind)


def test_start_records_consent_version_and_channel(survey):
    response = services.response_start(survey=survey)
    assert response.status == ResponseStatus.DRAFT
    assert response.channel == Channel.ONLINE
    assert response.consent_version == CONSENT_VERSION and response.consented_at
    assert response.entered_by is None


def test_a_closed_survey_takes_no_new_online_response():
    consultation = consultation_page()
    survey = survey_page(consultation=consultation)
    close(consultation)
    with pytest.raises(ValidationError):
        services.response_start(survey=survey)


def test_a_draft_started_before_closing_can_still_be_submitted(django_capture_on_commit_callbacks):
    consultation = consultation_page()
    survey = survey_page(consultation=consultation)
    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.SELF)
    services.answer_save(response=response, question=q(survey, "faces"), value={"face": 5})
    close(consultation)
    services.answer_save(response=response, question=q(survey, "yes_no"), value={"choice": "yes"})
    with django_capture_on_commit_callbacks(execute=False):
        services.response_submit(response=response)
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED


def test_answer_save_replaces_the_answer_to_the_same_question(survey):
    response = services.response_start(survey=survey)
    question = q(survey, "long_text")
    services.answer_save(response=response, question=question, value={"text": "one"}, text="one")
    services.answer_save(response=response, question=question, value={"text": "two"}, text="two")
    answers = Answer.objects.filter(response=response)
    assert answers.count() == 1
    assert answers.get().text == "two" and answers.get().question_type == "long_text"


def test_submit_needs_required_answers(survey):
    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.SELF)
    with pytest.raises(ValidationError):
        services.response_submit(response=response)  # the faces question is required
    assert [x.type for x in selectors.response_missing_required(response=response)] == ["faces"]


def test_submit_saves_then_queues_tagging_only_on_commit(
    survey, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr("cms.jobs.enqueue", lambda name, *args: sent.append((name, args)) or True)
    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.CARER)
    services.answer_save(response=response, question=q(survey, "faces"), value={"face": 2})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.response_submit(response=response)
        assert sent == []  # nothing is queued before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    assert sent == [("everyvoice.tag_response", (response.id,))]
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED and response.submitted_at
    assert response.voice == Voice.CARER and response.channel == Channel.ONLINE


def test_a_rolled_back_submission_queues_nothing(survey, django_capture_on_commit_callbacks):
    from django.db import transaction

    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.SELF)
    services.answer_save(response=response, question=q(survey, "faces"), value={"face": 3})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        try:
            with transaction.atomic():
                services.response_submit(response=response)
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    assert callbacks == []


def test_a_sent_response_cannot_be_changed(survey, django_capture_on_commit_callbacks):
    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.SELF)
    services.answer_save(response=response, question=q(survey, "faces"), value={"face": 3})
    with django_capture_on_commit_callbacks(execute=False):
        services.response_submit(response=response)
    with pytest.raises(ValidationError):
        services.answer_save(response=response, question=q(survey, "faces"), value={"face": 1})


def test_staff_recorded_response_has_channel_and_entered_by(survey, django_user_model):
    staff = django_user_model.objects.create_user(username="erin", email="erin@example.org")
    response = services.response_start(survey=survey, channel=Channel.PAPER, entered_by=staff)
    assert response.channel == Channel.PAPER
    assert response.entered_by == staff
    assert response.voice == Voice.STAFF_RECORDED
    with pytest.raises(ValidationError):
        services.response_start(survey=survey, channel=Channel.PHONE)  # not without staff


def test_under_16s_never_keep_an_email(survey):
    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.SELF)
    services.response_about_you_update(
        response=response, about_you_offered=True, wants_updates=True, contact_email="a@b.org"
    )
    assert response.contact_email == "a@b.org"
    services.response_about_you_update(response=response, age_band=AgeBand.UNDER_16)
    response.refresh_from_db()
    assert response.contact_email == "" and response.wants_updates is None
    assert not services.contact_may_be_asked(response)


def test_a_young_person_is_not_asked_for_email_unless_16_or_over(survey):
    response = services.response_start(survey=survey)
    services.response_voice_set(response=response, voice=Voice.YOUNG_PERSON)
    assert not services.contact_may_be_asked(response)
    services.response_about_you_update(response=response, age_band=AgeBand.AGE_16_17)
    assert services.contact_may_be_asked(response)


def test_audio_is_stored_privately_with_a_random_name(survey):
    response = services.response_start(survey=survey)
    upload = SimpleUploadedFile(
        "Jane Smith.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 100, content_type="text/html"
    )
    answer = services.answer_save(
        response=response, question=q(survey, "audio"), value=None, audio=upload
    )
    assert answer.value == {"audio": True}
    assert answer.audio_content_type == "audio/webm"  # sniffed, not what the browser claimed
    assert "Jane" not in answer.audio.name and answer.audio.name.endswith(".webm")
    assert answer.audio.path.startswith(str(private_root()))
    with pytest.raises(ValueError):
        answer.audio.url  # noqa: B018 - private files have no URL
    # Continue again with no new file keeps the recording.
    again = services.answer_save(response=response, question=q(survey, "audio"), value=None)
    assert again.audio and again.value == {"audio": True}


def test_hostile_text_is_stored_exactly(survey):
    response = services.response_start(survey=survey)
    hostile = "<script>alert('x')</script> 🙂 \u202e\u05e9\u05dc\u05d5\u05dd مرحبا"
    answer = services.answer_save(
        response=response, question=q(survey, "long_text"), value={"text": hostile}, text=hostile
    )
    answer.refresh_from_db()
    assert answer.text == hostile and answer.value == {"text": hostile}


def test_bulk_entry_of_12_contributions_stores_and_queues_each(
    django_user_model, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr("cms.jobs.enqueue", lambda name, *args: sent.append((name, args)) or True)
    staff = django_user_model.objects.create_user(username="erin", email="erin@example.org")
    session = FocusGroupSessionFactory()
    lines = "\n".join(
        [f"carer: Carer point {i}" for i in range(4)]
        + [f"[paraphrase] lda: Self-advocate point {i}" for i in range(4)]
        + [f"young person: Young person point {i}" for i in range(2)]
        + [f"Unprefixed point {i}" for i in range(2)]
    )
    with django_capture_on_commit_callbacks(execute=True):
        created = services.contributions_bulk_create(
            session=session, text=lines, entered_by=staff, speaker_group="professional"
        )
    assert len(created) == 12
    stored = Contribution.objects.filter(session=session).order_by("sort_order")
    assert stored.count() == 12
    assert all(c.channel == Channel.FOCUS_GROUP and c.entered_by == staff for c in stored)
    assert [c.speaker_group for c in stored] == (
        ["carer"] * 4 + ["lda"] * 4 + ["young_person"] * 2 + ["professional"] * 2
    )
    assert [c.words for c in stored][4:8] == ["paraphrase"] * 4
    assert sorted(sent) == sorted(("everyvoice.tag_contribution", (c.id,)) for c in stored)


def test_bulk_entry_of_nothing_is_an_error():
    with pytest.raises(ValidationError):
        services.contributions_bulk_create(session=FocusGroupSessionFactory(), text="\n \n")
