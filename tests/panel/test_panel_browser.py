"""The panel's screens in a real browser: axe-clean on a desktop and a phone, usable by
keyboard alone, with read aloud offered where the browser can speak."""

import pytest
from wagtail.models import TaskState

from tests.browser.axe import describe, run_axe
from tests.cms.factories import PlanSummaryPageFactory, point, staff_user
from tests.cms.test_live_checks_browser import signed_in_context
from tests.panel.factories import panel_member, waiting_for_panel

pytestmark = pytest.mark.browser


@pytest.fixture
def check(site_url):
    page = PlanSummaryPageFactory(
        title="Health checks",
        easy_read_body=[point("You can have a health check."), point("It is free.")],
    )
    return waiting_for_panel(page, editor=staff_user(username="editor"))


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_panel_screens_have_no_axe_violations(browser, site_url, check, viewport):
    phone = viewport["width"] < 400
    context = signed_in_context(
        browser, site_url, panel_member(), viewport=viewport, is_mobile=phone
    )
    try:
        page = context.new_page()
        failures = {}
        for path in ("/check/", f"/check/{check.pk}/"):
            page.goto(site_url + path)
            if violations := run_axe(page):
                failures[path] = describe(violations)
        # The error state too: send without answering.
        page.get_by_role("button", name="Send my answers").click()
        page.get_by_text("There is a problem").wait_for()
        if violations := run_axe(page):
            failures["errors"] = describe(violations)
        if phone:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= viewport["width"], "the check page scrolls sideways on a phone"
        assert failures == {}
    finally:
        context.close()


def test_a_panel_member_can_check_a_page_by_keyboard_alone(browser, site_url, check):
    context = signed_in_context(browser, site_url, panel_member())
    try:
        page = context.new_page()
        page.goto(f"{site_url}/check/{check.pk}/")
        read_aloud = page.locator("[data-ev-read-aloud]")
        can_speak = page.evaluate("'speechSynthesis' in window")
        assert read_aloud.is_visible() is can_speak
        # Tab to the first point's answers: arrow keys move between the two radios.
        first = page.get_by_role("radio", name="I understand this").first
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.type === 'radio'"):
                break
        assert first.evaluate("e => e === document.activeElement")
        page.keyboard.press("Space")
        assert first.is_checked()
        # The reason is behind "Tell us why": opened with Enter, typed into.
        for _ in range(5):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName === 'SUMMARY'"):
                break
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.type("Easy to read.")
        # Second point: not understood.
        second = page.get_by_role("radio", name="I don't understand this").nth(1)
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.type === 'radio'"):
                break
        page.keyboard.press("ArrowRight")
        assert second.is_checked()
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate(
                "document.activeElement.tagName === 'BUTTON' && "
                "document.activeElement.type === 'submit'"
            ):
                break
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Thank you").wait_for()
        check.refresh_from_db()
        assert check.status == TaskState.STATUS_REJECTED
    finally:
        context.close()
