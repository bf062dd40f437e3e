"""Making an account and signing in by email code in a real browser, keyboard only, with axe
on every page."""

import pytest
from django.core import mail

from tests.feedback.test_accounts import emailed_code
from tests.feedback.test_survey_browser import assert_accessible, tab_to

pytestmark = pytest.mark.browser

EMAIL = "kim@example.org"


def submit_with_keyboard(page, selector: str = "button[type=submit]") -> None:
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_sign_up_and_sign_in_by_code_with_keyboard_only(phone_page, site_url, axe):
    page = phone_page
    page.goto(site_url + "/accounts/login/?next=/my-answers/")
    assert page.title().startswith("Sign in")
    assert_accessible(page, axe)
    tab_to(page, "a[href^='/accounts/signup/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Make an account")
    assert_accessible(page, axe)
    assert page.locator("input[type=password]").count() == 0
    submit_with_keyboard(page)  # nothing typed
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('nhsuk-error-summary')")
    assert_accessible(page, axe)
    tab_to(page, "input[name=email]")
    page.keyboard.type(EMAIL)
    submit_with_keyboard(page)

    assert page.title().startswith("Type the code we emailed you")
    assert_accessible(page, axe)
    tab_to(page, "input[name=code]")
    page.keyboard.type(emailed_code().lower())  # small letters work too
    submit_with_keyboard(page)
    assert page.url.endswith("/my-answers/")
    assert_accessible(page, axe)

    # Sign out, then back in with a code.
    page.context.clear_cookies()
    page.goto(site_url + "/accounts/login/code/?next=/my-answers/")
    assert page.title().startswith("Get a sign-in code")
    assert_accessible(page, axe)
    tab_to(page, "input[name=email]")
    page.keyboard.type(EMAIL)
    sent = len(mail.outbox)
    submit_with_keyboard(page)
    assert len(mail.outbox) == sent + 1
    assert page.title().startswith("Type your sign-in code")
    assert_accessible(page, axe)
    tab_to(page, "input[name=code]")
    page.keyboard.type(emailed_code())
    submit_with_keyboard(page)
    assert page.url.endswith("/my-answers/")
    assert "Your answers" in page.title()
