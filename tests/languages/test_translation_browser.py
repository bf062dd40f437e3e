"""The translation screens in a real browser: no axe violations on the list, the review
screen's "Not in English" section, or the entry form with its error summary; the form is
filled in and saved with the keyboard alone."""

import pytest

from languages.models import TextTranslation, TranslationStatus
from tests.browser.axe import describe
from tests.tasks.test_review_browser import tab_to

pytestmark = pytest.mark.browser


def test_translation_screens_are_accessible_and_work_with_the_keyboard(
    browser, site_url, axe, django_user_model, django_capture_on_commit_callbacks
):
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.languages.test_translation_requests import ENGLISH, gujarati_answer

    gujarati_answer(django_capture_on_commit_callbacks)
    waiting = TextTranslation.objects.get()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, staff_user(django_user_model))
        page = context.new_page()
        for url in ("/admin/tagging/review/", "/admin/translations/"):
            page.goto(f"{site_url}{url}")
            assert "Not in English (Gujarati)" in page.content()
            violations = axe(page)
            assert not violations, (url, describe(violations))

        page.goto(f"{site_url}/admin/translations/{waiting.pk}/")
        tab_to(page, 'form[novalidate] button[type="submit"]')
        with page.expect_navigation():
            page.keyboard.press("Enter")  # nothing filled in: the error summary
        assert "There is a problem" in page.content()
        violations = axe(page)
        assert not violations, describe(violations)

        tab_to(page, "#id_text")
        page.keyboard.type(ENGLISH)
        tab_to(page, "#id_translator_name")
        page.keyboard.type("Priya Shah")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        waiting.refresh_from_db()
        assert waiting.status == TranslationStatus.TRANSLATED
        assert waiting.translator_name == "Priya Shah"
    finally:
        context.close()
