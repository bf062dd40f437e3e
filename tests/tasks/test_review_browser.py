"""The review screen in a real browser: no axe violations, and a reviewer confirms a tag and
undoes it with the keyboard alone."""

import pytest

from tasks.models import Tag, TagStatus
from tests.browser.axe import describe

pytestmark = pytest.mark.browser


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching ``selector`` has focus (as a keyboard user)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"never reached {selector} with Tab")


def test_review_screen_is_accessible_and_works_with_the_keyboard(
    browser, site_url, axe, django_user_model
):
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.tasks.test_review_screen import tagged

    response = tagged("i never had my helth chek")
    tag = Tag.objects.filter(response=response).order_by("-confidence").first()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, staff_user(django_user_model))
        page = context.new_page()
        page.goto(f"{site_url}/admin/tagging/review/")
        assert page.locator("mark").count() >= 1  # the answer's own words, marked
        violations = axe(page)
        assert not violations, describe(violations)

        tab_to(page, f"#tag-{tag.pk}")
        page.keyboard.press("Space")
        # Enter in the ticked box decides nothing (the form's default button does nothing).
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        tag.refresh_from_db()
        assert tag.status == TagStatus.SUGGESTED
        assert page.evaluate("document.activeElement.id") == f"tag-{tag.pk}"
        tab_to(page, 'button[value="confirmed"]')
        with page.expect_navigation():
            page.keyboard.press("Enter")
        tag.refresh_from_db()
        assert tag.status == TagStatus.CONFIRMED

        tab_to(page, f'form[action$="/undo/{tag.pk}/"] button')
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Undone" in page.content()
        tag.refresh_from_db()
        assert tag.status == TagStatus.SUGGESTED
        violations = axe(page)
        assert not violations, describe(violations)
    finally:
        context.close()
