"""The survey in a real browser, keyboard only, on a phone-sized window, axe on every page."""

import pytest

from feedback.models import Answer, Response, ResponseStatus
from tests.browser.axe import describe

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, *, limit: int = 60, shift: bool = False) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if shift else "Tab")
        if page.evaluate("sel => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def continue_with_keyboard(page) -> None:
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def assert_accessible(page, axe) -> None:
    violations = axe(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def test_whole_survey_with_keyboard_only_on_a_phone(phone_page, site_url, survey, axe, queued):
    page = phone_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + survey.url)
    assert_accessible(page, axe)
    tab_to(page, "button[type=submit]")
    assert page.evaluate("document.activeElement.textContent.trim()") == "I agree \u2013 start now"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Who is answering: Tab into the radios, Space chooses the first ("for myself").
    assert page.title().startswith("Who is answering?")
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    continue_with_keyboard(page)

    # 1 single choice: Space on the first answer.
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    continue_with_keyboard(page)

    # 2 multiple choice: Space, Tab, Space.
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    continue_with_keyboard(page)

    # 3 picture choice: arrow to the second picture.
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("ArrowDown")
    continue_with_keyboard(page)

    # 4 faces (required): Continue with nothing shows the error summary, focused.
    assert_accessible(page, axe)
    continue_with_keyboard(page)
    assert page.title().startswith("Error: ")
    page.wait_for_function("document.activeElement.classList.contains('nhsuk-error-summary')")
    assert_accessible(page, axe)
    tab_to(page, ".nhsuk-error-summary a")
    page.keyboard.press("Enter")  # the link moves focus to the first face
    assert page.evaluate("document.activeElement.id") == "answer-1"
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # "Happy"
    continue_with_keyboard(page)

    # 5 yes / no / not sure.
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    continue_with_keyboard(page)

    # 6 short text: over the limit is an error, not a cut.
    assert_accessible(page, axe)
    tab_to(page, "#answer")
    page.keyboard.type("x" * 55)
    continue_with_keyboard(page)
    assert "It is 5 characters too long" in page.inner_text(".nhsuk-error-summary")
    assert page.input_value("#answer") == "x" * 55  # given back in full
    assert_accessible(page, axe)
    tab_to(page, "#answer")
    page.keyboard.press("Control+A")
    page.keyboard.type("The park 🙂")
    continue_with_keyboard(page)

    # 7 long text, with markup that must come back escaped.
    assert_accessible(page, axe)
    tab_to(page, "#answer")
    page.keyboard.type("<b>More time</b> please")
    continue_with_keyboard(page)

    # 8 audio: skipped (the file chooser is the operating system's, not the page's).
    assert_accessible(page, axe)
    continue_with_keyboard(page)

    # 9 Friends and Family Test: a rating and the reason.
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    tab_to(page, "#why")
    page.keyboard.type("Kind nurse")
    continue_with_keyboard(page)

    # About you (optional).
    assert "About you" in page.inner_text("main")
    assert_accessible(page, axe)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")  # yes
    continue_with_keyboard(page)
    assert_accessible(page, axe)  # age: arrow down to "26 to 64" (under-16s get no email question)
    tab_to(page, "input[name=answer]")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    continue_with_keyboard(page)
    for _ in range(2):  # area, communication needs
        assert_accessible(page, axe)
        tab_to(page, "input[name=answer]")
        page.keyboard.press("Space")
        continue_with_keyboard(page)
    assert_accessible(page, axe)  # updates: no, thank you
    tab_to(page, "input[name=answer]")
    page.keyboard.press("ArrowDown")
    continue_with_keyboard(page)

    # Check your answers, then send.
    assert page.title().startswith("Check your answers")
    assert_accessible(page, axe)
    main = page.inner_text("main")
    assert "<b>More time</b> please" in main and "The park 🙂" in main and "Happy" in main
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Your answers have been sent")
    assert_accessible(page, axe)
    response = Response.objects.get(survey=survey)
    assert response.status == ResponseStatus.SUBMITTED
    assert response.reference_display in page.inner_text(".ev-reference")
    assert queued == [("everyvoice.tag_response", (response.id,))]
    assert Answer.objects.filter(response=response).count() == 9
    assert [e for e in errors if "Content Security Policy" in e] == []


def test_resume_with_the_reference_code_after_clearing_cookies(
    page, site_url, survey, axe, queued
):
    page.goto(site_url + survey.url)
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    continue_with_keyboard(page)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")  # "Post"
    continue_with_keyboard(page)
    code = page.inner_text(".ev-saved .ev-reference-inline")

    page.context.clear_cookies()
    page.goto(site_url + survey.url)
    assert "I agree \u2013 start now" in page.inner_text("main")  # the browser forgot; we did not
    page.goto(site_url + "/survey/resume/")
    assert_accessible(page, axe)
    tab_to(page, "#code")
    page.keyboard.type(code.lower())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Straight to the first question not yet answered (multiple choice).
    assert page.title().startswith("Who helps you?")
    tab_to(page, "a.nhsuk-back-link", shift=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.is_checked("input[value='Post']")
