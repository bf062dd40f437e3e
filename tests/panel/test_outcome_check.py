"""Experts by experience check an outcome ("you said, we did") in Wagtail's own workflow, as
they check pages: the engagement team edits a live outcome and submits it, the draft never
shows publicly, a panel member says one point is not understood (typed) and another
(spoken), the editor sees both in the outcome's form and plays the recording (audited),
fixes it, resubmits, the panel approves, and the published outcome says who checked it."""

import io
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import AuditAction, AuditEvent
from insight.models import Outcome
from insight.selectors import outcomes_published
from panel.models import ExpertCheckTask, PanelAnswer
from tests.cms.factories import staff_user
from tests.insight.factories import tagged_response
from tests.insight.test_outcomes import outcome_for, yswd_page
from tests.panel.factories import panel_member

pytestmark = pytest.mark.django_db

OLD = "We are making health checks longer."
HARD = "We are commissioning extended annual health check appointments with diagnostic review."
EASY = "Your doctor will give you more time at your health check."


def _wav() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000)
    return buffer.getvalue()


def _form(world, *, we_did: str, action: str) -> dict:
    data = nested_form_data(
        {
            "consultation": world.consultation.pk,
            "title": "Longer annual health checks",
            "you_said": "People said checks were rushed.",
            "action": "Practices will offer 30-minute appointments.",
            "easy_read_title": "Longer health checks",
            "easy_read_you_said": "You told us health checks are too quick.",
            "easy_read_we_did": we_did,
            "owner": "Primary care team",
            "status": "in_progress",
            "examples": inline_formset([]),
        }
    )
    # Multiple-choice fields as a browser sends them (nested_form_data would number them).
    data["pledges"] = [world.pledge.pk]
    data[action] = action
    return data


def _to_the_panel(moderator: Client, outcome: Outcome) -> TaskState:
    """Approve the steps before the panel's (Wagtail's default moderators step)."""
    for _ in range(5):
        state = WorkflowState.objects.get(object_id=str(outcome.pk), status="in_progress")
        task_state = state.current_task_state
        if isinstance(task_state.task.specific, ExpertCheckTask):
            return task_state
        url = (
            f"/admin/snippets/insight/outcome/workflow/action/{outcome.pk}/approve/"
            f"{task_state.pk}/"
        )
        assert moderator.post(url).status_code in (200, 302)
    raise AssertionError("the panel's step never started")


def _public(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_panel_checks_an_outcome_end_to_end(client, world):
    page = yswd_page(world)
    outcome = outcome_for(world, easy_read_we_did=OLD)  # live before workflows existed
    editor = Client()
    editor.force_login(world.staff)  # the engagement team, not a superuser
    moderator = Client()
    moderator.force_login(staff_user(username="moderator"))
    member = Client()
    member.force_login(panel_member())
    edit_url = f"/admin/snippets/insight/outcome/edit/{outcome.pk}/"

    # The editor changes the wording and submits it for checking.
    response = editor.post(edit_url, _form(world, we_did=HARD, action="action-submit"))
    assert response.status_code == 302, response.content.decode()[:3000]
    task_state = _to_the_panel(moderator, outcome)

    # The draft is not public anywhere: the page and the selector behind follow-your-words.
    public = _public(client, page)
    assert OLD in public and HARD not in public
    assert "Checked by people" not in public
    [view] = outcomes_published(consultation_id=world.consultation.pk)
    assert view.outcome.easy_read_we_did == OLD
    mine = tagged_response(world.survey, "pledge-t9", confidence=0.95)
    followed = client.post("/follow/", {"code": mine.reference}).content.decode()
    assert OLD in followed and HARD not in followed

    # The panel member sees it waiting, then the outcome as it would be published, read aloud.
    assert f"/check/{task_state.pk}/" in member.get("/check/").content.decode()
    check = member.get(f"/check/{task_state.pk}/").content.decode()
    assert "Longer health checks" in check and HARD in check
    assert "data-ev-read-aloud" in check and "data-ev-recorder" in check

    # One point not understood with a typed reason, one with a spoken reason.
    done = member.post(
        f"/check/{task_state.pk}/",
        {
            "answer-easy_read_title": "yes",
            "answer-easy_read_you_said": "no",
            "audio-easy_read_you_said": SimpleUploadedFile("why.wav", _wav(), "audio/wav"),
            "answer-easy_read_we_did": "no",
            "reason-easy_read_we_did": "I do not know what commissioning means",
        },
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert not PanelAnswer.objects.filter(comment__isnull=False).exists()  # snippets: none

    # The editor sees both in the outcome's form, and can play the recording (audited).
    form = editor.get(edit_url).content.decode()
    assert 'data-ev-panel-answer="easy_read_we_did"' in form
    assert "I do not know what commissioning means" in form
    assert "Point 3" in form and "We are commissioning extended" in form
    spoken = PanelAnswer.objects.get(field="easy_read_you_said")
    assert f"/check/answers/{spoken.pk}/audio/" in form
    heard = editor.get(f"/check/answers/{spoken.pk}/audio/")
    assert heard.status_code == 200 and heard["Content-Type"] == "audio/wav"
    assert AuditEvent.objects.filter(
        action=AuditAction.DOWNLOAD_AUDIO, target=f"panel-answer:{spoken.pk}"
    ).exists()
    assert OLD in _public(client, page)  # still the live version

    # The editor fixes it and resubmits; the panel now understands every point.
    response = editor.post(edit_url, _form(world, we_did=EASY, action="action-submit"))
    assert response.status_code == 302
    task_state = _to_the_panel(moderator, outcome)
    assert EASY in member.get(f"/check/{task_state.pk}/").content.decode()
    done = member.post(
        f"/check/{task_state.pk}/",
        {
            f"answer-{f}": "yes"
            for f in ("easy_read_title", "easy_read_you_said", "easy_read_we_did")
        },
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by.username == "eve"

    # Published on the editor's behalf: the fixed wording is live and says who checked it.
    outcome.refresh_from_db()
    assert outcome.live and outcome.easy_read_we_did == EASY
    assert outcome.live_revision_id == task_state.revision_id
    public = _public(client, page)
    assert EASY in public and HARD not in public and OLD not in public
    assert "Checked by people with a learning disability" in public
    assert task_state.finished_at.strftime("%-d %B %Y") in public
    assert list(outcome.pledges.all()) == [world.pledge]  # the themes survive publishing
    followed = Client().post("/follow/", {"code": mine.reference}).content.decode()
    assert EASY in followed and HARD not in followed
    assert "did not understand" not in editor.get(edit_url).content.decode()


def test_a_new_outcome_waiting_for_the_panel_is_not_public(client, world):
    page = yswd_page(world)
    editor = Client()
    editor.force_login(world.staff)
    response = editor.post(
        "/admin/snippets/insight/outcome/add/", _form(world, we_did=HARD, action="action-submit")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    outcome = Outcome.objects.get()
    assert not outcome.live
    assert WorkflowState.objects.filter(object_id=str(outcome.pk), status="in_progress").exists()
    assert HARD not in _public(client, page)
    assert outcomes_published(consultation_id=world.consultation.pk) == []
