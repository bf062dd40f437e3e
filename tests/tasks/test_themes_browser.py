"""Emerging themes in a real browser: the searches, candidates and promote screens have no
axe violations (with and without errors), and a candidate is renamed with the keyboard."""

import pytest

from tasks.models import CandidateTheme
from tests.browser.axe import describe
from tests.tasks.test_review_browser import tab_to

pytestmark = pytest.mark.browser


def test_theme_screens_are_accessible_and_work_with_the_keyboard(
    browser, site_url, axe, django_user_model
):
    from tasks import services
    from tests.browser.session import sign_in
    from tests.feedback.factories import consultation_page, staff_user, survey_page
    from tests.tasks.test_tagging_admin import QUESTIONS
    from tests.tasks.test_themes_admin import OTHER, PARKING_COST, PARKING_SPACES, answered

    consultation = consultation_page()
    survey = survey_page(consultation=consultation, questions=QUESTIONS)
    for text in PARKING_SPACES + PARKING_COST + OTHER:
        answered(survey, text)
    user = staff_user(django_user_model)
    run = services.theme_run_create(user=user, consultation=consultation)
    services.theme_run_execute(run_id=run.pk)
    candidate = run.candidates.order_by("id").first()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, user)
        page = context.new_page()
        page.goto(f"{site_url}/admin/tagging/themes/")
        assert not (violations := axe(page)), describe(violations)
        page.fill("#id_date_from", "2026-05-01")
        page.fill("#id_date_to", "2026-04-01")
        with page.expect_navigation():
            page.click("text=Look for themes")
        assert page.locator("#error-summary").is_visible()
        assert not (violations := axe(page)), describe(violations)

        page.goto(f"{site_url}/admin/tagging/themes/{run.pk}/")
        assert page.locator("blockquote").count() >= 3
        assert not (violations := axe(page)), describe(violations)

        # Rename from the keyboard alone.
        tab_to(page, f"#name-{candidate.pk}")
        page.keyboard.press("Control+A")
        page.keyboard.type("Hospital parking")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        candidate.refresh_from_db()
        assert candidate.name == "Hospital parking"
        # An empty name: the error summary, and the field marked.
        tab_to(page, f"#name-{candidate.pk}")
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Enter a name for the theme." in page.content()
        assert not (violations := axe(page)), describe(violations)

        page.goto(f"{site_url}/admin/tagging/themes/candidate/{candidate.pk}/promote/")
        assert not (violations := axe(page)), describe(violations)
        page.fill("#id_code", "annual-health-checks")
        with page.expect_navigation():
            page.click("button:has-text('Promote')")
        assert "already uses this code" in page.content()
        assert not (violations := axe(page)), describe(violations)
        assert CandidateTheme.objects.get(pk=candidate.pk).status == "open"
    finally:
        context.close()


def test_a_running_search_updates_in_place_and_shows_its_candidates_when_done(
    browser, site_url, axe, django_user_model, monkeypatch
):
    """With a real worker the search runs after the page loads: the page used to reload every 3
    seconds (axe meta-refresh, critical; a keyboard user's focus went back to the top)."""
    from tasks import services
    from tests.browser.session import sign_in
    from tests.feedback.factories import consultation_page, staff_user, survey_page
    from tests.tasks.test_tagging_admin import QUESTIONS
    from tests.tasks.test_themes_admin import OTHER, PARKING_COST, PARKING_SPACES, answered

    consultation = consultation_page()
    survey = survey_page(consultation=consultation, questions=QUESTIONS)
    for text in PARKING_SPACES + PARKING_COST + OTHER:
        answered(survey, text)
    user = staff_user(django_user_model)
    monkeypatch.setattr(
        "tasks.services.enqueue_on_commit", lambda *a: None
    )  # the test is the worker
    run = services.theme_run_create(user=user, consultation=consultation)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, user)
        page = context.new_page()
        page.goto(f"{site_url}/admin/tagging/themes/{run.pk}/")
        assert page.locator("#theme-progress").count() == 1
        assert not (violations := axe(page)), describe(violations)
        page.get_by_role("link", name="All searches").focus()

        services.theme_run_execute(run_id=run.pk)
        page.locator("#theme-live blockquote").first.wait_for(timeout=15000)
        assert page.url == f"{site_url}/admin/tagging/themes/{run.pk}/"  # never reloaded
        assert page.evaluate("document.activeElement.textContent.trim()") == "All searches"
        assert "texts read" in page.locator('#theme-live [role="status"]').inner_text()
        assert page.locator("#theme-progress").count() == 0
        assert not (violations := axe(page)), describe(violations)
    finally:
        context.close()
