"""The site shell in a real browser: accessible, keyboard-usable, no third-party requests."""

import pytest

from tests.browser.axe import describe

pytestmark = pytest.mark.browser


def test_home_page_has_no_axe_violations(page, demo_site, axe):
    page.goto(demo_site + "/")
    assert page.title().endswith("Every Voice")
    violations = axe(page)
    assert violations == [], describe(violations)


def test_home_page_on_a_phone_has_no_axe_violations(phone_page, demo_site, axe):
    phone_page.goto(demo_site + "/")
    violations = axe(phone_page)
    assert violations == [], describe(violations)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, demo_site):
    page.goto(demo_site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#maincontent"


def test_page_makes_no_third_party_requests_and_sets_no_cookies(page, demo_site):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(demo_site + "/")
    page.wait_for_load_state("networkidle")
    foreign = [url for url in requested if not url.startswith(demo_site)]
    assert foreign == []
    assert page.context.cookies() == []


def test_csp_blocks_nothing_the_page_needs(page, demo_site):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    response = page.goto(demo_site + "/")
    page.wait_for_load_state("networkidle")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert [e for e in errors if "Content Security Policy" in e] == []
