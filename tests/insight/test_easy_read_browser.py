"""Easy-read insight as an expert by experience uses it: on a phone, keyboard only, axe clean,
and the hard-word pop-ups open and close from the keyboard."""

import pytest

from cms.models import Collaborative
from cms.roles import Role
from tests.browser.axe import describe
from tests.feedback.test_survey_browser import tab_to

from .factories import member, tagged_response
from .test_browser import sign_in, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_expert_reads_a_pathway_with_pictures_numbers_and_hard_words(
    phone_page, site_url, world, axe, django_user_model, monkeypatch
):
    # The cell key hangs on record ids, which PostgreSQL does not reuse between tests: pin
    # every offset to 0 (plain rounding down) so the figures are certain (12 shows as 10).
    monkeypatch.setattr("insight.suppression.cell_key", lambda *a, **k: 0)
    lda = Collaborative.objects.get(code="lda-collaborative")
    expert = member(django_user_model, lda, username="eve", role=Role.EXPERT_BY_EXPERIENCE)
    for i in range(12):
        tagged_response(
            world.survey,
            "leder",
            kind="pathway",
            voice="carer" if i < 10 else "self",
            text=f"They listened to us after my brother died, meeting {i}.",
        )
    page = phone_page
    blocked = watch_csp(page)
    sign_in(page, site_url, expert)
    for path in ("/insight/easy-read/", "/insight/leder/easy-read/"):
        page.goto(site_url + path)
        violations = axe(page)
        assert violations == [], f"{path}\n{describe(violations)}"
    assert blocked == []

    assert page.locator(".ev-figure__number").first.inner_text() == "About 10"
    assert page.locator("img[src$='/pictures/leder.svg']").count() == 1
    assert page.get_by_text("Said by someone who cares for a family member.").count() >= 1

    # Keyboard: Tab to the LeDeR word, Enter opens its explanation, Enter closes it.
    tab_to(page, ".ev-term__button")
    button = page.locator(".ev-term__button").first
    assert "LeDeR" in button.inner_text()
    assert button.get_attribute("aria-expanded") == "false"
    explanation = page.locator("#" + button.get_attribute("aria-controls"))
    assert not explanation.is_visible()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert "lives and deaths" in explanation.inner_text()
    assert axe(page) == []
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"
