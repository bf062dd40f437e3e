"""Tagger health in a real browser: no axe violations, and while "Retrain now" runs in the
background the page never reloads under the reader (a reload every 3 seconds sent a keyboard
user's focus back to the top and is a timed refresh, WCAG 2.2.1): the status line is
updated in place and says when the new version is there."""

import pytest

from tests.browser.axe import describe

pytestmark = pytest.mark.browser


def test_waiting_for_a_retrain_keeps_the_readers_place_and_says_when_it_is_done(
    browser, site_url, axe, django_user_model, monkeypatch
):
    from tasks.models import TaggerVersion
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.tasks.test_review_screen import tagged

    queued = []
    monkeypatch.setattr(  # the worker is played by the test, below
        "tasks.admin_views.enqueue", lambda name, *args: queued.append((name, args)) or True
    )
    tagged("i never had my helth chek")  # trains the first version
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, staff_user(django_user_model))
        page = context.new_page()
        page.goto(f"{site_url}/admin/tagging/health/")
        violations = axe(page)
        assert not violations, describe(violations)
        page.get_by_role("button", name="Retrain now").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert queued and "Retraining in the background" in page.content()
        violations = axe(page)
        assert not violations, describe(violations)

        waiting_url = page.url
        page.get_by_role("link", name="Import a trust's history").focus()
        page.wait_for_timeout(7000)  # two polls
        assert page.url == waiting_url  # never reloaded...
        assert page.evaluate("document.activeElement.textContent.trim()") == (
            "Import a trust's history"  # ...so the keyboard user is where they were
        )

        TaggerVersion.objects.update(is_current=False)
        TaggerVersion.objects.create(
            version="2026.1-new", reason="x", examples=1, blob=b"", is_current=True
        )
        status = page.locator('#retrain-status[role="status"]')
        status.filter(has_text="Retrained in the background").wait_for(timeout=10000)
        assert "2026.1-new" in status.inner_text()
        assert status.get_by_role("link", name="Show the figures for the new version").count()
        assert page.evaluate("document.activeElement.textContent.trim()") == (
            "Import a trust's history"
        )
        violations = axe(page)
        assert not violations, describe(violations)
    finally:
        context.close()
