"""Translated pages in a real browser: axe on Gujarati and Urdu pages (Urdu right to left), and
a Gujarati speaker's keyboard-only journey from the English home page to a sent answer."""

import re

import pytest

from feedback.models import Response, ResponseStatus
from tests.browser.axe import describe
from tests.feedback.test_survey_browser import continue_with_keyboard, tab_to

pytestmark = pytest.mark.browser

CONSULTATION = "/have-your-say/annual-health-checks/"
TRANSLATED = [
    "/gu/",
    "/gu/have-your-say/",
    "/gu" + CONSULTATION,
    "/gu" + CONSULTATION + "survey/",
    "/ur/",
    "/ur" + CONSULTATION,
    "/ur" + CONSULTATION + "?version=standard",
    "/ur" + CONSULTATION + "survey/",
    # "You said, we did" with the outcome translated (Urdu right to left).
    "/gu" + CONSULTATION + "you-said-we-did/",
    "/ur" + CONSULTATION + "you-said-we-did/",
]


def test_gujarati_and_urdu_pages_have_no_axe_violations(page, demo_site, axe):
    failures = {}
    for path in TRANSLATED:
        page.goto(demo_site + path)
        violations = axe(page)
        if violations:
            failures[path] = describe(violations)
    assert failures == {}


@pytest.mark.parametrize("path", [CONSULTATION, CONSULTATION + "you-said-we-did/"])
def test_urdu_reads_right_to_left(page, demo_site, path):
    page.goto(demo_site + "/ur" + path)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # Easy-read words start at the right edge: the picture is on the right of the words.
    picture, words = page.evaluate(
        """() => {
          const p = document.querySelector('.ev-point');
          const r = el => el.getBoundingClientRect();
          return [r(p.querySelector('.ev-point__picture')).left,
                  r(p.querySelector('.ev-point__text')).left];
        }"""
    )
    assert picture > words
    if "you-said-we-did" in path:  # the outcome itself is in Urdu, not English
        title = page.locator(".ev-outcome h2")
        assert title.inner_text() == "لمبا صحت کا معائنہ"
        assert title.get_attribute("lang") is None  # the page's own language


def test_gujarati_speaker_switches_language_and_answers_by_keyboard(page, demo_site, axe):
    page.goto(demo_site + "/")
    tab_to(page, "a[hreflang=gu]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == demo_site + "/gu/"
    assert page.evaluate("document.documentElement.lang") == "gu"
    page.goto(demo_site + "/gu" + CONSULTATION)
    assert "વાર્ષિક આરોગ્ય તપાસ" in page.locator("h1").inner_text()
    tab_to(page, "a[href$='/survey/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Who is answering: Space chooses the first.
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    continue_with_keyboard(page)
    # The first question, in Gujarati, with its picture faces: choose one by keyboard.
    assert page.evaluate("document.documentElement.lang") == "gu"
    assert "તમારી છેલ્લી વાર્ષિક આરોગ્ય તપાસ" in page.locator("h1").inner_text()
    violations = axe(page)
    assert violations == [], describe(violations)
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    continue_with_keyboard(page)
    response = Response.objects.filter(language="gu").latest("pk")
    assert response.status == ResponseStatus.DRAFT
    assert response.answers.count() == 1


def test_urdu_breadcrumb_and_back_link_point_the_right_to_left_way(page, demo_site):
    """Found by looking at the Urdu consultation page: the right-to-left rules were written
    for NHS.UK frontend's old SVG chevrons, so with version 10 the breadcrumb still read from
    the left (Home last for an Urdu reader, its chevrons pointing right) and "back" pointed
    left, away from where the reader came from."""
    page.goto(demo_site + "/ur" + CONSULTATION)
    home, parent = page.evaluate(
        """() => Array.from(document.querySelectorAll('.nhsuk-breadcrumb__list-item'))
             .map(li => li.getBoundingClientRect().left)"""
    )
    assert home > parent  # the trail starts at the right: Home first

    def before(selector: str) -> dict:
        return page.evaluate(
            """s => { const st = getComputedStyle(document.querySelector(s), '::before');
                      return {left: st.left, right: st.right, transform: st.transform}; }""",
            selector,
        )

    def points_right(transform: str) -> bool:
        # matrix(a, b, c, d, e, f): the chevron's clip is its top-right corner, turned by the
        # rotation; a turn of 45deg has a > 0 (points right), 225deg a < 0 (points left).
        a = float(transform.split("(")[1].split(",")[0])
        return a > 0

    separator = before(".nhsuk-breadcrumb__list-item:nth-child(2)")
    assert separator["right"] == "0px" and not points_right(separator["transform"])
    page.set_viewport_size({"width": 375, "height": 800})  # a phone shows the back link
    back = before(".nhsuk-breadcrumb .nhsuk-back-link")
    assert back["right"] == "0px" and points_right(back["transform"])
    # English is as NHS.UK draws it.
    page.goto(demo_site + CONSULTATION)
    assert not points_right(before(".nhsuk-breadcrumb .nhsuk-back-link")["transform"])
    page.set_viewport_size({"width": 1280, "height": 900})
    assert points_right(before(".nhsuk-breadcrumb__list-item:nth-child(2)")["transform"])


def test_gujarati_character_counter_speaks_gujarati(page, demo_site, axe):
    """NHS.UK frontend's character count writes its live message ("You have N characters
    remaining") itself; on the Gujarati survey it was English."""
    from feedback import selectors

    page.goto(demo_site + "/gu" + CONSULTATION + "survey/")
    with page.expect_navigation():
        page.locator("form[action*='/start/'] button[type=submit]").click()
    page.locator("input[name=answer]").first.check()
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    survey_id = int(page.url.split("/survey/")[1].split("/")[0])
    survey = selectors.survey_get(survey_id=survey_id)
    q = next(q for q in selectors.survey_questions(survey=survey) if q.bsl_answer)
    page.goto(f"{demo_site}/gu/survey/{survey_id}/question/{q.id}/")
    page.locator("#answer").fill("નમસ્તે")
    status = page.locator(".nhsuk-character-count__status")
    status.wait_for()
    page.wait_for_function(
        "() => document.querySelector('.nhsuk-character-count__status').innerText.trim()"
    )
    assert re.fullmatch(r"તમારી પાસે [\d,]+ અક્ષરો બાકી છે", status.inner_text().strip())
    violations = axe(page)
    assert violations == [], describe(violations)
