"""The retention job: expired feedback is anonymised or deleted, and the run is reported."""

import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cms.models import RetentionAction
from cms.roles import Role
from feedback.models import Answer, Contribution, Response, ResponseStatus, Voice
from safeguarding import services as safeguarding
from safeguarding.models import SafeguardingFlag
from tasks.models import RetentionRun, Tag
from tasks.retention import retention_apply
from tasks.schedule import BEAT_SCHEDULE
from tasks.tasks import apply_retention, tag_contribution, tag_response
from tests.feedback.factories import (
    FocusGroupSessionFactory,
    ResponseFactory,
    consultation_page,
    staff_user,
    survey_page,
)

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"type": "long_text", "value": {"question": "What was good?", "max_length": 5000}},
    {"type": "yes_no", "value": {"question": "Did you get a letter?"}},
    {"type": "audio", "value": {"question": "Tell us in your own voice"}},
]
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 200
NOW = timezone.now()


def consultation(*, days=30, closed_days_ago=40, action=RetentionAction.ANONYMISE):
    return consultation_page(
        opens_at=NOW - timedelta(days=100),
        closes_at=NOW - timedelta(days=closed_days_ago) if closed_days_ago is not None else None,
        retention_days=days,
        retention_action=action,
    )


def submitted(page, text="i never had my helth chek", *, sent_days_ago=50) -> Response:
    survey = survey_page(consultation=page, questions=QUESTIONS)
    response = ResponseFactory(
        survey=survey,
        voice=Voice.CARER,
        age_band="26_64",
        area="rutland",
        communication_needs=["bsl"],
        wants_updates=True,
        contact_email="carer@example.org",
        about_you_offered=True,
    )
    free, yes_no, audio = survey.questions
    response.answers.create(
        question_id=free.id, question_type="long_text", value={"text": text}, text=text
    )
    response.answers.create(question_id=yes_no.id, question_type="yes_no", value={"choice": "no"})
    recording = Answer(response=response, question_id=audio.id, question_type="audio")
    recording.audio.save("r.webm", SimpleUploadedFile("r.webm", WEBM), save=False)
    recording.value = {"audio": True}
    recording.save()
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=NOW - timedelta(days=sent_days_ago)
    )
    tag_response(response.pk)
    return Response.objects.get(pk=response.pk)


def test_expired_responses_are_anonymised_keeping_what_counts():
    page = consultation()
    response = submitted(page)
    recording = response.answers.get(question_type="audio")
    path = recording.audio.path
    assert Tag.objects.filter(response=response).exclude(evidence="").exists()
    run = retention_apply()
    assert (run.responses_anonymised, run.responses_deleted) == (1, 0)
    assert run.detail[0]["consultation"] == page.pk
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED  # still counted
    assert response.voice == Voice.CARER  # aggregate-safe
    assert (response.contact_email, response.age_band, response.area) == ("", "", "")
    assert response.communication_needs == [] and response.wants_updates is None
    answers = {a.question_type: a for a in response.answers.all()}
    assert answers["long_text"].text == "" and answers["long_text"].value == {"text": ""}
    assert answers["yes_no"].value == {"choice": "no"}
    assert not answers["audio"].audio
    assert not os.path.exists(path)
    tags = Tag.objects.filter(response=response)
    assert tags.exists() and not tags.exclude(evidence="").exists()  # codes kept, no quotes


def test_a_second_run_finds_nothing_to_do():
    submitted(consultation())
    retention_apply()
    again = retention_apply()
    assert again.total == 0 and again.detail == []
    assert RetentionRun.objects.count() == 2


def test_delete_action_removes_responses_and_drafts_always_go():
    page = consultation(action=RetentionAction.DELETE)
    response = submitted(page)
    draft = ResponseFactory(survey=response.survey)
    Response.objects.filter(pk=draft.pk).update(created_at=NOW - timedelta(days=60))
    run = retention_apply()
    assert run.responses_deleted == 2
    assert not Response.objects.filter(pk__in=[response.pk, draft.pk]).exists()
    assert not Tag.objects.filter(response_id=response.pk).exists()


def test_feedback_not_yet_expired_is_left_alone():
    kept = [
        submitted(consultation(days=30, closed_days_ago=10)),  # closed recently
        submitted(consultation(days=None)),  # no retention period set
        submitted(consultation(days=30, closed_days_ago=None), sent_days_ago=5),
    ]
    run = retention_apply()
    assert run.total == 0
    for response in kept:
        assert response.answers.exclude(text="").exists()
        assert Response.objects.get(pk=response.pk).contact_email


def test_with_no_closing_date_each_response_counts_from_when_it_was_sent():
    page = consultation(days=30, closed_days_ago=None)
    old = submitted(page, sent_days_ago=31)
    new = submitted(page, sent_days_ago=2)
    assert retention_apply().responses_anonymised == 1
    assert not old.answers.exclude(text="").exists()
    assert new.answers.exclude(text="").exists()


def test_focus_group_contributions_are_anonymised_or_deleted():
    anon = FocusGroupSessionFactory(consultation=consultation())
    gone = FocusGroupSessionFactory(consultation=consultation(action=RetentionAction.DELETE))
    a = Contribution.objects.create(session=anon, text="We never get easy read letters")
    d = Contribution.objects.create(session=gone, text="The GP was brilliant")
    tag_contribution(a.pk)
    tag_contribution(d.pk)
    run = retention_apply()
    assert (run.contributions_anonymised, run.contributions_deleted) == (1, 1)
    assert Contribution.objects.get(pk=a.pk).text == ""
    assert not Contribution.objects.filter(pk=d.pk).exists()
    anon.refresh_from_db()
    assert anon.attendees_total == 10  # counts stay


def test_safeguarding_copies_stay_while_open_and_go_once_closed(django_user_model):
    response = submitted(consultation(), text="he hits me and i am scared")
    flag = SafeguardingFlag.objects.get(response=response)
    retention_apply()
    flag.refresh_from_db()
    assert flag.excerpt == "he hits me and i am scared"  # nobody has read it yet
    lead = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    safeguarding.flag_close(flag_id=flag.pk, user=lead, outcome="no_concern", note="Done")
    run = retention_apply()
    flag.refresh_from_db()
    assert flag.excerpt == "" and flag.note.endswith("Closed: No concern. Done")
    assert run.detail == [{"safeguarding_flag_copies_cleared": 1}]


def test_the_job_is_scheduled_and_reports_in_the_admin(client, django_user_model):
    assert BEAT_SCHEDULE["apply-retention"]["task"] == "everyvoice.apply_retention"
    submitted(consultation())
    run_id = apply_retention()
    assert RetentionRun.objects.get(pk=run_id).responses_anonymised == 1
    client.force_login(staff_user(django_user_model, role=Role.ADMINISTRATOR, username="ada"))
    html = client.get("/admin/retention/").content.decode()
    assert "Retention report" in html and "1 anonymised" in html


def test_only_administrators_see_the_retention_report(client, django_user_model):
    client.force_login(staff_user(django_user_model, role=Role.ENGAGEMENT))
    assert client.get("/admin/retention/").status_code == 302
