"""A Deaf participant in a real browser: the question signed in BSL with captions, then their
answer signed in BSL, recorded with the camera (Chromium's fake camera) and sent; the staff
member's summary page. axe on every page, the keyboard to move."""

import pytest

from feedback.audio_duration import duration_seconds
from feedback.models import Answer, Response
from tests.browser.axe import describe
from tests.feedback.test_bsl import bsl_survey, document
from tests.feedback.test_survey_browser import assert_accessible, continue_with_keyboard, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def camera_browser(chromium_path, _playwright):
    """Chromium with a fake camera that needs no permission prompt."""
    browser = _playwright.chromium.launch(
        executable_path=chromium_path,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
        ],
    )
    try:
        yield browser
    finally:
        browser.close()


def test_deaf_participant_records_a_bsl_answer_and_staff_summarise_it(
    camera_browser, site_url, axe, settings, tmp_path, django_user_model
):
    from cms.roles import Role
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user

    settings.MEDIA_ROOT = tmp_path / "media"
    survey = bsl_survey(
        document("BSL question", "bsl-intro.webm"), document("BSL captions", "bsl-intro.vtt")
    )
    context = camera_browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(site_url + survey.url)
        tab_to(page, "button[type=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        tab_to(page, "input[name=answer]")
        page.keyboard.press("Space")
        continue_with_keyboard(page)

        # The question, signed in BSL with English captions, and the choice to sign the answer.
        assert_accessible(page, axe)
        track = page.locator("video track[kind=captions]")
        assert track.count() == 1
        page.wait_for_function("document.querySelector('video').readyState >= 1")
        tab_to(page, "a[href*='/bsl-answer/']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.title().startswith("Sign your answer in BSL")
        page.wait_for_selector("[data-ev-recorder]:not([hidden])")
        assert_accessible(page, axe)

        # Record with the camera: start, sign for two seconds, stop; the video goes into the
        # ordinary file input and is sent like an uploaded file.
        tab_to(page, "[data-ev-record]")
        page.keyboard.press("Enter")
        page.wait_for_selector("[data-ev-stop]:not([hidden])")
        page.wait_for_timeout(2000)
        page.keyboard.press("Enter")  # focus moved to Stop recording
        # A locator wait, not a string predicate: polling a string is eval, which the page's
        # CSP (rightly) refuses whenever the recording takes longer than the first check.
        page.locator("[data-ev-record-status]", has_text="finished").wait_for()
        assert page.evaluate("document.getElementById('video').files.length") == 1
        assert_accessible(page, axe)
        continue_with_keyboard(page)
        assert "/question/" in page.url
        assert errors == []
    finally:
        context.close()

    response = Response.objects.filter(survey=survey).latest("pk")
    answer = Answer.objects.get(response=response)
    assert answer.value == {"bsl_video": True}
    assert answer.video_content_type in ("video/webm", "video/mp4")
    with answer.video.open("rb") as f:
        seconds = duration_seconds(f.read(), answer.video_content_type, max_seconds=180)
    assert seconds is not None and 1 <= seconds <= 10

    # The engagement team's summary page, in the browser.
    Response.objects.filter(pk=response.pk).update(status="submitted")
    context = camera_browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        sign_in(context, site_url, staff_user(django_user_model, role=Role.ENGAGEMENT))
        page = context.new_page()
        for path in ("/admin/feedback/bsl/", f"/admin/feedback/bsl/{answer.pk}/"):
            page.goto(site_url + path)
            violations = axe(page)
            assert not violations, f"{path}: {describe(violations)}"
        page.wait_for_function("document.querySelector('video').readyState >= 1")
        with page.expect_navigation():
            page.get_by_role("button", name="Save the summary").press("Enter")
        assert "There is a problem" in page.content()
        violations = axe(page)
        assert not violations, describe(violations)
        page.get_by_label("What the person said, in plain English (required)").fill(
            "I want easy read letters about my health check."
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Save the summary").press("Enter")
        assert "Summary saved" in page.content()
    finally:
        context.close()
    answer.refresh_from_db()
    assert answer.text == "I want easy read letters about my health check."
