"""Insight, easy-read insight, "you said, we did" and "follow your words" in Chromium: no axe
violations (WCAG 2.2 AA), nothing blocked by the Content-Security-Policy."""

import pytest

from tests.browser.axe import describe
from tests.browser.session import sign_in

from .factories import FocusGroupSessionFactory, tagged_contribution, tagged_response
from .test_outcomes import outcome_for, yswd_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def watch_csp(page) -> list[str]:
    blocked: list[str] = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return blocked


def seed(world) -> None:
    for i in range(14):
        tagged_response(
            world.survey,
            "pledge-t9",
            voice=["self", "carer", "young_person"][i % 3],
            area=["leicester", "leicestershire"][i % 2],
            face={"face": 1 + i % 5},
            text=f"The health check number {i} felt rushed, my name is Sam Smith.",
        )
    tagged_response(world.survey, "pledge-t9", voice="supporter", area="rutland")
    session = FocusGroupSessionFactory(consultation=world.consultation)
    tagged_contribution(session, "pledge-t9")


def check(page, site_url, paths, axe) -> dict[str, str]:
    failures = {}
    for path in paths:
        response = page.goto(site_url + path)
        assert response.status == 200, path
        violations = axe(page)
        if violations:
            failures[path] = describe(violations)
    return failures


def test_member_insight_pages_have_no_axe_violations(page, site_url, world, axe):
    seed(world)
    blocked = watch_csp(page)
    sign_in(page, site_url, world.member)
    paths = [
        "/insight/",
        "/insight/?voice=carer",
        "/insight/pledge-t9/",
        "/insight/pledge-t9/?area=rutland",
        "/insight/pledge-t9/easy-read/",
        "/insight/easy-read/",
        "/insight/tokens/",
        "/insight/exports/aggregates/",
    ]
    assert check(page, site_url, paths, axe) == {}
    assert blocked == []


def test_engagement_pages_have_no_axe_violations(page, site_url, world, axe):
    seed(world)
    blocked = watch_csp(page)
    sign_in(page, site_url, world.staff)
    paths = [
        "/insight/pledge-t9/",
        "/insight/pledge-t9/responses/",
        f"/insight/representation/?consultation={world.consultation.pk}",
        "/insight/exports/responses/",
    ]
    assert check(page, site_url, paths, axe) == {}
    assert blocked == []


def test_easy_read_insight_on_a_phone(phone_page, site_url, world, axe):
    seed(world)
    sign_in(phone_page, site_url, world.member)
    assert check(phone_page, site_url, ["/insight/pledge-t9/easy-read/"], axe) == {}


def test_you_said_we_did_and_follow_your_words(page, site_url, world, axe):
    mine = tagged_response(world.survey, "pledge-t9", confidence=0.95)
    outcome_for(world)
    results = yswd_page(world)
    blocked = watch_csp(page)
    assert check(page, site_url, [results.url, "/follow/"], axe) == {}

    page.fill("#code", mine.reference_display)
    page.get_by_role("button", name="Show me").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Longer health checks").is_visible()
    violations = axe(page)
    assert violations == [], describe(violations)

    page.goto(site_url + "/follow/")
    page.get_by_role("button", name="Show me").click()  # empty: error summary
    page.wait_for_load_state()
    violations = axe(page)
    assert violations == [], describe(violations)
    assert blocked == []
