"""The lead's screens in a real browser: no axe violations on the queue, a flag, the error
summary after an empty close, and the by-hand page; closing works from the keyboard."""

import pytest

from tests.browser.axe import describe

pytestmark = pytest.mark.browser


def test_the_leads_screens_are_accessible_and_closing_works_with_the_keyboard(
    browser, site_url, axe, django_user_model
):
    from cms.roles import Role
    from safeguarding.models import FlagStatus, SafeguardingFlag
    from safeguarding.tasks import screen_response
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.safeguarding.factories import submitted

    screen_response(submitted("my staff hit me and I am scared to go home").id)
    flag = SafeguardingFlag.objects.get()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sam = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
        sign_in(context, site_url, sam)
        page = context.new_page()
        for path in ("/admin/safeguarding/", f"/admin/safeguarding/{flag.pk}/",
                     "/admin/safeguarding/flag-by-hand/?q=scared"):  # fmt: skip
            page.goto(f"{site_url}{path}")
            violations = axe(page)
            assert not violations, f"{path}: {describe(violations)}"

        page.goto(f"{site_url}/admin/safeguarding/{flag.pk}/")
        with page.expect_navigation():
            page.get_by_role("button", name="Close this flag").press("Enter")
        assert "There is a problem" in page.content()
        # The summary takes focus, so a keyboard or screen-reader user hears it first.
        assert page.evaluate("document.activeElement.id") == "error-summary"
        violations = axe(page)
        assert not violations, describe(violations)

        page.get_by_label("Referred to the local authority").press("Space")
        page.get_by_label("What you did and why (required)").fill("Referred, ref 42.")
        with page.expect_navigation():
            page.get_by_role("button", name="Close this flag").press("Enter")
        flag.refresh_from_db()
        assert flag.status == FlagStatus.CLOSED and flag.outcome == "referred_la"
    finally:
        context.close()


def test_flagging_by_hand_with_nothing_chosen_says_what_is_missing_beside_each_field(
    browser, site_url, axe, django_user_model
):
    """The error summary takes focus, each field's error is shown beside it and is the
    field's description (no reference to an element that is not there), and what was
    typed stays."""
    from cms.roles import Role
    from safeguarding.models import SafeguardingFlag
    from tests.browser.session import sign_in
    from tests.feedback.factories import staff_user
    from tests.safeguarding.factories import submitted

    answer = submitted("The letter about my health check never came").answers.get()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    try:
        sam = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
        sign_in(context, site_url, sam)
        page = context.new_page()
        page.goto(f"{site_url}/admin/safeguarding/flag-by-hand/?target=a:{answer.pk}")
        page.get_by_label("Why you are flagging it (required)").fill("Told staff the home hid it.")
        with page.expect_navigation():
            page.get_by_role("button", name="Flag this text").press("Enter")
        assert page.evaluate("document.activeElement.id") == "error-summary"
        described = page.evaluate(
            """() => [...document.querySelectorAll('[aria-invalid="true"]')].map(e => [e.name,
            (e.closest('fieldset[aria-describedby]') || e).getAttribute('aria-describedby')
              .split(' ').map(id => document.getElementById(id)?.textContent.trim() || null)])"""
        )
        assert ["category", ["Choose a kind of harm."]] in described, described
        assert ["severity", ["Choose how urgent it is."]] in described, described
        assert all(None not in texts for _, texts in described), described
        assert page.get_by_label("Why you are flagging it (required)").input_value() == (
            "Told staff the home hid it."
        )
        violations = axe(page)
        assert not violations, describe(violations)
        assert not SafeguardingFlag.objects.exists()
    finally:
        context.close()
