"""The review screen in a real browser: no axe violations, and a reviewer confirms a tag and
undoes it with the keyboard alone, carrying on from where they were after each."""

import pytest

from tasks.models import TagStatus
from tests.browser.axe import describe

pytestmark = pytest.mark.browser

IN_TEXT = "document.activeElement.closest('section')?.querySelector('h2').id"  # focus is in


def tab_to(page, selector: str, limit: int = 400) -> int:
    """Press Tab until the element matching ``selector`` has focus (as a keyboard user);
    returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"never reached {selector} with Tab")


def test_review_screen_is_accessible_and_works_with_the_keyboard(
    browser, site_url, axe, django_user_model
):
    from tasks.services import tagger_current
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.tasks.test_review_screen import machine_tag, tagged

    threshold = tagger_current().thresholds()["annual-health-checks"]
    # The torn one comes first in the queue; the other is next.
    tag = machine_tag(tagged("i never had my helth chek"), confidence=threshold)
    after = machine_tag(tagged("nobody checks my health"), confidence=0.99)
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
        # The text's own Confirm button is a few Tabs away, not at the top of the page.
        assert tab_to(page, 'button[value^="confirmed:"]') <= 3
        mine = f"text-{tag.target.replace(':', '')}"
        assert page.evaluate(IN_TEXT) == mine
        with page.expect_navigation():
            page.keyboard.press("Enter")
        tag.refresh_from_db()
        assert tag.status == TagStatus.CONFIRMED
        # Focus is on the next text, not the top of the page; what was saved is shown beside
        # it, on screen, and describes the heading (so a screen reader says it too).
        heading = f"text-{after.target.replace(':', '')}"
        assert page.evaluate("document.activeElement.id") == heading
        said = page.locator(f"#{heading} + #review-said")
        assert said.is_visible() and said.evaluate("(el) => el.getBoundingClientRect().top") < 900
        assert f"Confirmed \u201cAnnual health checks\u201d on Answer {tag.answer_id}" in (
            said.text_content()
        )
        assert page.get_attribute(f"#{heading}", "aria-describedby") == "review-said"
        page.keyboard.press("Tab")  # and Tab carries on into that text
        assert page.evaluate(IN_TEXT) == heading

        tab_to(page, f'form[action$="/undo/{tag.pk}/"] button')
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "recent"
        assert page.locator("#recent + #review-said").is_visible()
        assert "Undone: \u201cAnnual health checks\u201d" in page.content()
        tag.refresh_from_db()
        assert tag.status == TagStatus.SUGGESTED
        violations = axe(page)
        assert not violations, describe(violations)
    finally:
        context.close()
