"""The response page as the tag reviewer reaches it: from a text's name on the review screen,
with the text's tags beside it, and no axe violations when the page scrolls."""

import pytest

from tests.browser.axe import describe

pytestmark = pytest.mark.browser


def test_a_reviewer_follows_a_texts_name_to_its_row_on_an_accessible_response_page(
    browser, site_url, axe, django_user_model
):
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.tasks.test_review_screen import tagged

    response = tagged("i never had my helth chek and nobody told me why")
    answer = response.answers.get()
    # A short window, so the admin's main area scrolls (a scroller must be reachable by keys).
    context = browser.new_context(viewport={"width": 1024, "height": 480}, reduced_motion="reduce")
    try:
        sign_in(context, site_url, staff_user(django_user_model))
        page = context.new_page()
        page.goto(f"{site_url}/admin/tagging/review/")
        page.get_by_role("link", name=f"Answer {answer.pk}", exact=True).first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(f"/admin/feedback/responses/{response.pk}/#answer-{answer.pk}")
        row = page.locator(f"#answer-{answer.pk}")
        assert f"Answer {answer.pk}" in row.inner_text()
        assert "Annual health checks" in row.inner_text()  # its tags, beside it
        violations = axe(page)
        assert not violations, describe(violations)
    finally:
        context.close()
