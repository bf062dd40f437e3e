"""The panel's check of an outcome, and spoken reasons, in a real browser: axe-clean on a
desktop and a phone with the recorder showing; a reason recorded with the microphone by
keyboard alone reaches the server through the same audio checks; the editor's list of what
was not understood (in the outcome's form) is axe-clean; a Gujarati translation is sent to the
check from the snippet list by keyboard, on an axe-clean confirmation page."""

import pytest
from django.test import Client
from wagtail.models import TaskState

from panel.models import PanelAnswer
from tests.browser.axe import describe, run_axe
from tests.cms.factories import PlanSummaryPageFactory, point, staff_user
from tests.cms.test_live_checks_browser import signed_in_context
from tests.insight.test_outcomes import outcome_for
from tests.panel.factories import panel_member, waiting_for_panel

pytestmark = pytest.mark.browser

OPEN_REASONS = "document.querySelectorAll('details').forEach(d => { d.open = true; })"


@pytest.fixture
def outcome_check(site_url, world):
    outcome = outcome_for(world)
    return outcome, waiting_for_panel(outcome, editor=staff_user(username="editor"))


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_checking_an_outcome_has_no_axe_violations(browser, site_url, outcome_check, viewport):
    _, check = outcome_check
    phone = viewport["width"] < 400
    context = signed_in_context(
        browser, site_url, panel_member(), viewport=viewport, is_mobile=phone
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}/check/{check.pk}/")
        page.get_by_role("heading", name="Longer health checks", level=1).wait_for()
        page.evaluate(OPEN_REASONS)
        # Chromium can record, so the recorder shows beside the file fallback.
        assert page.get_by_role("button", name="Start recording").first.is_visible()
        failures = {}
        if violations := run_axe(page):
            failures["check"] = describe(violations)
        page.get_by_role("button", name="Send my answers").click()
        page.get_by_text("There is a problem").wait_for()
        page.evaluate(OPEN_REASONS)
        if violations := run_axe(page):
            failures["errors"] = describe(violations)
        if phone:
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= viewport["width"], "the check page scrolls sideways on a phone"
        assert failures == {}
    finally:
        context.close()


@pytest.fixture
def microphone_browser(chromium_path, _playwright):
    """Chromium with a fake microphone (a tone) that needs no permission prompt."""
    browser = _playwright.chromium.launch(
        executable_path=chromium_path,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
        ],
    )
    try:
        yield browser
    finally:
        browser.close()


def _tab_to(page, script: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(script):
            return
    raise AssertionError(f"never reached: {script}")


def test_a_reason_is_spoken_and_sent_by_keyboard_alone(microphone_browser, site_url):
    plan = PlanSummaryPageFactory(title="Health checks", easy_read_body=[point("It is free.")])
    check = waiting_for_panel(plan, editor=staff_user(username="editor"))
    context = signed_in_context(
        microphone_browser, site_url, panel_member(), permissions=["microphone"]
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}/check/{check.pk}/")
        _tab_to(page, "document.activeElement.type === 'radio'")
        page.keyboard.press("ArrowRight")  # "I don't understand this"
        assert page.get_by_role("radio", name="I don't understand this").is_checked()
        _tab_to(page, "document.activeElement.tagName === 'SUMMARY'")
        page.keyboard.press("Enter")
        _tab_to(page, "document.activeElement.matches('[data-ev-record]')")
        page.keyboard.press("Enter")
        stop = page.get_by_role("button", name="Stop recording")
        stop.wait_for()
        assert stop.evaluate("e => e === document.activeElement")
        page.wait_for_timeout(1500)
        page.keyboard.press("Enter")
        page.get_by_text("Recording finished").wait_for()
        assert "Send my answers" in page.locator("[data-ev-record-status]").inner_text()
        assert page.evaluate("document.querySelector('input[type=file]').files.length") == 1
        _tab_to(page, "document.activeElement.type === 'submit'")
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Thank you").wait_for()
    finally:
        context.close()
    check.refresh_from_db()
    assert check.status == TaskState.STATUS_REJECTED
    answer = PanelAnswer.objects.get()
    assert answer.audio and answer.audio_content_type.startswith("audio/")
    assert answer.audio.name.endswith((".webm", ".ogg"))


def test_what_was_not_understood_shows_axe_clean_in_the_outcome_form(
    browser, site_url, outcome_check
):
    outcome, check = outcome_check
    member = Client()
    member.force_login(panel_member())
    member.post(
        f"/check/{check.pk}/",
        {
            "answer-easy_read_title": "yes",
            "answer-easy_read_you_said": "yes",
            "answer-easy_read_we_did": "no",
            "reason-easy_read_we_did": "Longer than what?",
        },
    )
    context = signed_in_context(browser, site_url)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/admin/snippets/insight/outcome/edit/{outcome.pk}/")
        panel = page.locator("[data-ev-panel-answers]")
        panel.get_by_text("Longer than what?").wait_for()
        violations = run_axe(page, within="[data-ev-panel-answers]")
        assert violations == [], describe(violations)
    finally:
        context.close()


def test_a_translation_is_sent_to_the_check_by_keyboard(browser, site_url, world):
    from django.urls import reverse

    from languages.services import snippet_translate

    english = outcome_for(world)
    gujarati = snippet_translate(
        obj=english,
        language_code="gu",
        strings={"Longer health checks": "લાંબી આરોગ્ય તપાસ"},
        publish=False,
    )
    context = signed_in_context(browser, site_url, world.staff)  # the engagement team
    try:
        page = context.new_page()
        url = reverse("wagtailsnippets_insight_outcome:check_translation", args=[gujarati.pk])
        page.goto(site_url + url)
        page.get_by_role("heading", name="Send the translation to be checked").wait_for()
        violations = run_axe(page)
        assert not violations, describe(violations)
        _tab_to(page, "document.activeElement.textContent.trim() === 'Send to be checked'")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.get_by_text("is waiting to be checked by the experts by experience").wait_for()
        violations = run_axe(page)  # the snippet list with its message
        assert not violations, describe(violations)
    finally:
        context.close()
    gujarati.refresh_from_db()
    assert gujarati.workflow_in_progress and not gujarati.live
    revision = gujarati.latest_revision.as_object()
    assert revision.easy_read_title == "લાંબી આરોગ્ય તપાસ"
