"""Experts by experience check an easy-read insight summary in Wagtail's workflow before it
shows on the pledge's easy-read insight page: a draft never shows, what they do not
understand reaches the editor in the summary's form, and the checked version says so."""

import pytest
from django.test import Client
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from insight.models import InsightSummary
from panel.models import ExpertCheckTask
from tests.cms.factories import staff_user
from tests.panel.factories import panel_member

pytestmark = pytest.mark.django_db

HARD = "Respondents reported suboptimal continuity of care across primary care networks."
EASY = "People told us they see a different doctor each time."
SECOND = "They want to see the same doctor."


def _form(world, texts: list[str], action: str, summary=None) -> dict:
    blocks = [
        ("point", {"text": t, "picture": "health-check", "alt_text": "", "decorative": ""})
        for t in texts
    ]
    data = nested_form_data({"code": world.pledge.code, "easy_read_body": streamfield(blocks)})
    if summary is not None:  # keep the blocks' ids, so answers stay on the same points
        for n, child in enumerate(summary.easy_read_body):
            data[f"easy_read_body-{n}-id"] = child.id
    data[action] = action
    return data


def _to_the_panel(moderator: Client, summary) -> TaskState:
    for _ in range(5):
        state = WorkflowState.objects.get(object_id=str(summary.pk), status="in_progress")
        task_state = state.current_task_state
        if isinstance(task_state.task.specific, ExpertCheckTask):
            return task_state
        url = (
            f"/admin/snippets/insight/insightsummary/workflow/action/{summary.pk}/approve/"
            f"{task_state.pk}/"
        )
        assert moderator.post(url).status_code in (200, 302)
    raise AssertionError("the panel's step never started")


def test_panel_checks_an_easy_read_insight_summary(world):
    editor = Client()
    editor.force_login(world.staff)
    moderator = Client()
    moderator.force_login(staff_user(username="moderator"))
    member = Client()
    member.force_login(panel_member())
    reader = Client()
    reader.force_login(world.member)  # a collaborative member who sees this pledge
    insight_url = f"/insight/{world.pledge.code}/easy-read/"

    response = editor.post(
        "/admin/snippets/insight/insightsummary/add/",
        _form(world, [HARD, SECOND], "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    summary = InsightSummary.objects.get()
    assert not summary.live
    task_state = _to_the_panel(moderator, summary)
    assert HARD not in reader.get(insight_url).content.decode()  # a draft never shows

    first, second = (c.id for c in summary.get_latest_revision_as_object().easy_read_body)
    check = member.get(f"/check/{task_state.pk}/").content.decode()
    assert HARD in check and SECOND in check and "what people told us" in check
    done = member.post(
        f"/check/{task_state.pk}/",
        {
            f"answer-{first}": "no",
            f"reason-{first}": "I do not know what continuity means",
            f"answer-{second}": "yes",
        },
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED

    edit_url = f"/admin/snippets/insight/insightsummary/edit/{summary.pk}/"
    form = editor.get(edit_url).content.decode()
    assert 'data-ev-panel-answer="easy_read_body"' in form
    assert "I do not know what continuity means" in form
    assert "Point 1" in form and "Respondents reported suboptimal continuity" in form

    summary = summary.get_latest_revision_as_object()
    response = editor.post(edit_url, _form(world, [EASY, SECOND], "action-submit", summary))
    assert response.status_code == 302
    task_state = _to_the_panel(moderator, summary)
    assert EASY in member.get(f"/check/{task_state.pk}/").content.decode()
    done = member.post(
        f"/check/{task_state.pk}/", {f"answer-{first}": "yes", f"answer-{second}": "yes"}
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED

    page = reader.get(insight_url).content.decode()
    assert EASY in page and SECOND in page and HARD not in page
    assert "Checked by people with a learning disability" in page
    assert task_state.finished_at.strftime("%-d %B %Y") in page
