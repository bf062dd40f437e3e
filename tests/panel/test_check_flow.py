"""Experts by experience check an easy-read page point by point, in Wagtail's own workflow:
the editor submits, a panel member says they don't understand one point, the editor sees it
as a comment on that block, fixes it, resubmits, the panel approves, and the page says so."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Comment, TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.roles import Role
from panel.models import ExpertCheckTask, PanelAnswer
from panel.services import NOT_UNDERSTOOD
from tests.cms.factories import PlanSummaryPageFactory, point, staff_user

pytestmark = pytest.mark.django_db

HARD = "Your annual health check looks at reasonable adjustments and diagnostic overshadowing."
EASY = "At your health check the doctor listens to you."


def _form(page, texts: list[str], action: str) -> dict:
    blocks = [
        ("point", {"text": t, "picture": "health-check", "alt_text": "", "decorative": ""})
        for t in texts
    ]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "source_title": "",
            "source_url": "",
            "easy_read_body": streamfield(blocks),
        }
    )
    # Keep the blocks' ids, so answers and comments stay on the same points.
    for n, child in enumerate(page.easy_read_body):
        data[f"easy_read_body-{n}-id"] = child.id
    data[action] = "1"
    return data


def _panel_member():
    return staff_user(
        superuser=False, username="eve", groups=[Group.objects.get(name=Role.EXPERT_BY_EXPERIENCE)]
    )


def _approve_other_steps(editor: Client, page) -> TaskState:
    """Approve steps before the panel's (Wagtail's default moderators step) as a superuser."""
    for _ in range(5):
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        task_state = state.current_task_state
        if isinstance(task_state.task.specific, ExpertCheckTask):
            return task_state
        response = editor.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
        assert response.status_code in (200, 302)
    raise AssertionError("the panel's step never started")


def test_panel_check_end_to_end(client):
    editor = Client()
    editor.force_login(staff_user(username="editor"))
    member = Client()
    member.force_login(_panel_member())
    page = PlanSummaryPageFactory(
        title="Health checks", easy_read_body=[point(HARD), point("It is free.")]
    )
    first, second = (c.id for c in page.easy_read_body)

    # The editor submits the easy read for checking (Wagtail's "Submit for moderation").
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", _form(page, [HARD, "It is free."], "action-submit")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    task_state = _approve_other_steps(editor, page)

    # The panel member sees it waiting, then the page as published, with read aloud.
    waiting = member.get("/check/").content.decode()
    assert f"/check/{task_state.pk}/" in waiting
    check = member.get(f"/check/{task_state.pk}/").content.decode()
    assert HARD in check and "It is free." in check
    assert "data-ev-read-aloud" in check
    assert "I don&#x27;t understand this" in check or "I don't understand this" in check

    # Forgetting a point is a clear error, and nothing is stored.
    missing = member.post(f"/check/{task_state.pk}/", {f"answer-{first}": "no"})
    assert missing.status_code == 400
    assert "There is a problem" in missing.content.decode()
    assert not PanelAnswer.objects.exists()

    # One point is not understood, with a typed reason.
    done = member.post(
        f"/check/{task_state.pk}/",
        {
            f"answer-{first}": "no",
            f"reason-{first}": "I do not know what overshadowing means",
            f"answer-{second}": "yes",
        },
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    comment = Comment.objects.get(page=page)
    assert comment.contentpath == f"easy_read_body.{first}.text"
    assert NOT_UNDERSTOOD in comment.text and "overshadowing means" in comment.text

    # The editor sees it on that block, in the editor's comments.
    edit = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = json.loads(
        re.search(
            r'<script id="comments-data" type="application/json">(.*?)</script>', edit, re.S
        ).group(1)
    )
    assert any(
        c["contentpath"] == f"easy_read_body.{first}.text" and "overshadowing" in c["text"]
        for c in data["comments"]
    )

    # They fix it and resubmit; the panel checks again and understands every point.
    page.refresh_from_db()
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/", _form(page, [EASY, "It is free."], "action-submit")
    )
    assert response.status_code == 302
    task_state = _approve_other_steps(editor, page)
    assert EASY in member.get(f"/check/{task_state.pk}/").content.decode()
    done = member.post(
        f"/check/{task_state.pk}/", {f"answer-{first}": "yes", f"answer-{second}": "yes"}
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by.username == "eve"

    # Approved: the fixed page is live and says who checked it, and when.
    page.refresh_from_db()
    public = client.get(page.url).content.decode()
    assert EASY in public and HARD not in public
    assert "Checked by people with a learning disability" in public
    assert task_state.finished_at.strftime("%-d %B %Y") in public


def test_only_the_panel_may_open_its_checks(client):
    collaborative = staff_user(
        superuser=False,
        username="colin",
        groups=[Group.objects.get(name=Role.COLLABORATIVE_MEMBER)],
    )
    client.force_login(collaborative)
    assert client.get("/check/").status_code == 404
    client.logout()
    assert client.get("/check/").status_code == 302  # to sign in


def test_a_page_never_checked_does_not_claim_it(client):
    page = PlanSummaryPageFactory()
    assert "Checked by people" not in client.get(page.url).content.decode()


def _wav(seconds: float = 1.0) -> bytes:
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * int(8000 * seconds))
    return buffer.getvalue()


def test_a_spoken_reason_is_checked_stored_privately_and_heard_by_editors_only():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from feedback.storage import private_root
    from tests.panel.factories import panel_member, waiting_for_panel

    editor_user = staff_user(username="editor")
    page = PlanSummaryPageFactory(easy_read_body=[point(HARD)])
    task_state = waiting_for_panel(page, editor=editor_user)
    block = page.easy_read_body[0].id
    member = Client()
    member.force_login(panel_member())

    not_sound = SimpleUploadedFile("why.mp3", b"this is not a recording", "audio/mpeg")
    refused = member.post(
        f"/check/{task_state.pk}/", {f"answer-{block}": "no", f"audio-{block}": not_sound}
    )
    assert refused.status_code == 400
    assert "must be a sound recording" in refused.content.decode()
    assert not PanelAnswer.objects.exists()

    spoken = SimpleUploadedFile("my name.wav", _wav(), "audio/wav")
    sent = member.post(
        f"/check/{task_state.pk}/", {f"answer-{block}": "no", f"audio-{block}": spoken}
    )
    assert sent.status_code == 302
    answer = PanelAnswer.objects.get()
    assert answer.audio.name.startswith("panel-audio/") and "my name" not in answer.audio.name
    assert answer.audio.path.startswith(str(private_root()))
    assert f"/check/answers/{answer.pk}/audio/" in answer.comment.text

    editor = Client()
    editor.force_login(editor_user)
    heard = editor.get(f"/check/answers/{answer.pk}/audio/")
    assert heard.status_code == 200 and heard["Content-Type"] == "audio/wav"
    other = Client()
    other.force_login(panel_member("otto"))
    assert other.get(f"/check/answers/{answer.pk}/audio/").status_code == 404
