"""A participant shapes a draft pathway step by keyboard on a phone, with no account, and an
expert by experience reads the involvement report and the per-step answers: axe clean."""

import pytest

from cms.models import Collaborative
from cms.roles import Role
from feedback.models import Response, ResponseStatus
from tasks.models import Tag
from tests.browser.axe import describe
from tests.feedback.test_survey_browser import continue_with_keyboard, tab_to
from tests.insight.factories import member
from tests.insight.test_browser import sign_in, watch_csp

from .factories import meeting
from .test_pathway import draft_pathway

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def accessible(page, axe) -> None:
    violations = axe(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def test_participant_answers_a_step_then_an_expert_reads_it(
    phone_page, site_url, axe, queued, django_user_model
):
    draft = draft_pathway()
    meeting(attendees_carers=3, attendees_staff=6)
    page = phone_page
    blocked = watch_csp(page)

    page.goto(site_url + draft.url)
    accessible(page, axe)
    tab_to(page, "a.nhsuk-button")
    assert "step 1" in page.evaluate("document.activeElement.textContent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Tell us about step 1")
    accessible(page, axe)
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "input[name=answer]")  # who is answering: for myself
    page.keyboard.press("Space")
    continue_with_keyboard(page)
    accessible(page, axe)  # the faces: arrow to "Happy"
    tab_to(page, "input[name=answer]")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    continue_with_keyboard(page)
    assert page.title().startswith("Tell us about this step")
    accessible(page, axe)
    tab_to(page, "#answer")
    page.keyboard.type("Tell families who to ring.")
    continue_with_keyboard(page)
    assert page.title().startswith("Check your answers")
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Your answers have been sent")
    response = Response.objects.get(status=ResponseStatus.SUBMITTED)
    assert response.survey.pathway_step.page_id == draft.pk
    tag = Tag.objects.get(code="dynamic-support")
    assert tag.answer.text == "Tell families who to ring."

    lda = Collaborative.objects.get(code="lda-collaborative")
    expert = member(django_user_model, lda, username="eve", role=Role.EXPERT_BY_EXPERIENCE)
    sign_in(page, site_url, expert)
    page.goto(site_url + "/involvement/")
    assert page.url.endswith("/involvement/easy-read/")
    accessible(page, axe)
    figure = page.locator('[data-workstream="dynamic-support-pathway"] .ev-figure__number')
    assert figure.inner_text() == "1 of 1"
    tab_to(page, f"a[href='/involvement/pathways/{draft.pk}/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    accessible(page, axe)
    step1 = page.locator('[data-step="1"]').inner_text()
    assert "Fewer than 5" in step1 and "Tell families" not in step1
    assert blocked == []
