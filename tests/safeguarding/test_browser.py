"""axe-core on the pages this part adds: a question page showing the help-now callout, and
the withdraw page (with and without an error)."""

import pytest

from tests.browser.axe import describe
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.browser

QUESTIONS = [
    {"type": "long_text", "value": {"question": "Tell us about your home", "max_length": 2000}},
    {"type": "yes_no", "value": {"question": "Did you get a letter?"}},
]


def assert_accessible(page, axe) -> None:
    violations = axe(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def test_help_now_callout_on_the_next_question_is_accessible(page, site_url, axe, queued):
    survey = survey_page(questions=QUESTIONS, ask_about_you=False)
    page.goto(site_url + survey.url)
    with page.expect_navigation():
        page.get_by_role("button", name="I agree \u2013 start now").click()
    page.get_by_label("I am answering for myself").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.get_by_label("Tell us about your home").fill("sum1 at home hurtin me and im skared")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Did you get a letter?")
    callout = page.locator("#help-now")
    assert callout.is_visible()
    text = callout.inner_text()
    assert "999" in text and "NHS 111" in text and "116 123" in text
    assert_accessible(page, axe)


def test_withdraw_page_is_accessible(page, site_url, axe):
    page.goto(site_url + "/survey/withdraw/")
    assert page.title().startswith("Take back your answers")
    assert_accessible(page, axe)
    page.get_by_label("Take back your answers").fill("AAAA-BBBB-CC")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error:")
    assert_accessible(page, axe)
