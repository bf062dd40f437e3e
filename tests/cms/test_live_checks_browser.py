"""The editor sees the easy-read checks as they type: Wagtail's Preview and Checks panels
load the preview in a frame, which the public site's policy must not block there."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.session import sign_in
from tests.cms.factories import LONG_SENTENCE, PlanSummaryPageFactory, point, staff_user

pytestmark = pytest.mark.browser


def signed_in_context(browser, site_url, user=None, **options):
    """A browser context signed in as ``user`` (a superuser with TOTP by default)."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    sign_in(context, site_url, user or staff_user())
    return context


def test_checks_panel_counts_an_easy_read_problem_typed_before_saving(browser, site_url, settings):
    # Fewer overlapping refreshes: the test server shares one in-memory SQLite connection
    # between its threads, which refuses overlapping writes ("table is locked").
    settings.WAGTAIL_AUTO_UPDATE_PREVIEW_INTERVAL = 2000
    plan = PlanSummaryPageFactory(easy_read_body=[point("Short words.")])
    context = signed_in_context(browser, site_url)
    messages: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: messages.append(m.text))
        page.goto(f"{site_url}/admin/pages/{plan.id}/edit/")
        page.locator('[data-side-panel-toggle="preview"]').click()
        frame = page.frame_locator('[data-side-panel="preview"] iframe').last
        frame.get_by_text("Short words.").wait_for(timeout=20_000)
        text = page.locator(
            f'[data-streamfield-child][data-contentpath="{plan.easy_read_body[0].id}"] textarea'
        ).first
        finding = frame.get_by_text("This sentence has 22 words").first
        # The preview refreshes as they type and shows the finding beside the block. (The
        # test server's shared in-memory SQLite can refuse one overlapping refresh with
        # "table is locked"; typing again retries, as the editor would.)
        for attempt in range(3):
            text.fill(LONG_SENTENCE + " " * attempt)
            try:
                finding.wait_for(timeout=8_000)
            except PlaywrightTimeout:
                print(f"preview refresh {attempt + 1} refused; typing again")
            else:
                break
        finding.wait_for(timeout=1_000)
        # ...and the Checks panel counts it as an issue, before anything is saved.
        page.locator('[data-side-panel-toggle="checks"]').click()
        checks = page.locator('[data-side-panel="checks"]')
        issue = checks.get_by_text("Easy read check").first
        for attempt in range(3):
            try:
                issue.wait_for(timeout=8_000)
                break
            except PlaywrightTimeout:  # as above: type again, the panel reruns
                text.fill(LONG_SENTENCE + "  " * (attempt + 1))
        issue.wait_for(timeout=1_000)
        assert int(checks.locator("[data-content-checker-count]").inner_text()) >= 1
        assert not [m for m in messages if "frame-ancestors" in m or "Refused to" in m]
    finally:
        context.close()
