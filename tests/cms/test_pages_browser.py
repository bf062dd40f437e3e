"""Every page type in a real browser: no axe violations, reading help works, prints well."""

import pytest

from tests.browser.axe import describe

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/have-your-say/",
    "/have-your-say/annual-health-checks/",
    "/have-your-say/annual-health-checks/?version=standard",
    "/have-your-say/annual-health-checks/you-said-we-did/",
    "/our-plan/",
    "/accessibility/",
    "/accessibility/?version=standard",
    "/privacy/",
    "/contact/",
    "/our-plan/?print=1",
]


def test_every_page_type_has_no_axe_violations(page, demo_site, axe):
    # The demo's "you said, we did" page (with its outcomes) is one of PAGES.
    failures = {}
    for path in PAGES:
        page.goto(demo_site + path)
        violations = axe(page)
        if violations:
            failures[path] = describe(violations)
    assert failures == {}


def test_easy_read_page_on_a_phone_has_no_axe_violations(phone_page, demo_site, axe):
    phone_page.goto(demo_site + "/have-your-say/annual-health-checks/")
    violations = axe(phone_page)
    assert violations == [], describe(violations)


def test_easy_read_text_is_large_left_aligned_and_well_spaced(page, demo_site):
    page.goto(demo_site + "/our-plan/")
    style = page.evaluate(
        """() => {
          const p = document.querySelector('.ev-point__text p');
          const s = getComputedStyle(p);
          return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight),
                  align: s.textAlign};
        }"""
    )
    assert style["size"] >= 18.7
    assert style["line"] / style["size"] >= 1.5
    assert style["align"] in ("left", "start")


def test_larger_text_is_remembered_after_reload(page, demo_site):
    page.goto(demo_site + "/our-plan/")
    before = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.get_by_role("button", name="Bigger text").click()
    assert page.evaluate("document.documentElement.classList.contains('ev-text-large')")
    assert page.get_by_role("button", name="Bigger text").get_attribute("aria-pressed") == "true"
    page.reload()
    assert page.evaluate("document.documentElement.classList.contains('ev-text-large')")
    after = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after > before
    assert page.context.cookies() == []  # remembered without tracking


def test_read_aloud_button_is_offered_when_the_browser_can_speak(page, demo_site):
    page.goto(demo_site + "/have-your-say/annual-health-checks/")
    button = page.locator("[data-ev-read-aloud]")
    assert button.count() == 1
    can_speak = page.evaluate(
        "'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window"
    )
    assert button.is_visible() is can_speak
    # What is read aloud is the easy-read body, not the page furniture.
    assert page.locator("[data-read-aloud] .ev-point").count() > 0


def test_print_layout_is_a4_with_16pt_text_and_the_picture_left_of_the_words(page, demo_site):
    page.goto(demo_site + "/our-plan/")
    page.emulate_media(media="print")
    layout = page.evaluate(
        """() => {
          const point = document.querySelector('.ev-point');
          const picture = point.querySelector('.ev-point__picture').getBoundingClientRect();
          const text = point.querySelector('.ev-point__text').getBoundingClientRect();
          const p = point.querySelector('.ev-point__text p');
          const help = document.querySelector('.ev-reading-help');
          return {size: parseFloat(getComputedStyle(p).fontSize),
                  pictureRight: picture.right, textLeft: text.left,
                  pictureTop: picture.top, textTop: text.top,
                  helpHidden: getComputedStyle(help).display === 'none'};
        }"""
    )
    assert layout["size"] >= 16 * 96 / 72 - 0.01  # 16pt in CSS pixels
    assert layout["pictureRight"] <= layout["textLeft"]
    assert abs(layout["pictureTop"] - layout["textTop"]) < 2
    assert layout["helpHidden"]
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_print_link_works_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_site + "/our-plan/")
        page.get_by_role("link", name="Open the print version of this page").click()
        assert page.url.endswith("/our-plan/?print=1")
        size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.ev-point__text p')).fontSize)"
        )
        assert size >= 16 * 96 / 72 - 0.01
    finally:
        context.close()


def test_editor_sees_each_blocks_warnings_beside_the_block(browser, site_url):
    from tests.browser.session import sign_in
    from tests.cms.factories import LONG_SENTENCE, PlanSummaryPageFactory, point, staff_user

    plan = PlanSummaryPageFactory(
        easy_read_body=[point("Short words."), point(LONG_SENTENCE, picture="tick")]
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        sign_in(context, site_url, staff_user())
        page = context.new_page()
        page.goto(f"{site_url}/admin/pages/{plan.id}/edit/")
        second = page.locator(
            f'[data-streamfield-child][data-contentpath="{plan.easy_read_body[1].id}"]'
        )
        inline = second.locator(".ev-checks-inline")
        inline.wait_for()
        assert "This sentence has 22 words" in inline.inner_text()
        first = page.locator(
            f'[data-streamfield-child][data-contentpath="{plan.easy_read_body[0].id}"]'
        )
        assert first.locator(".ev-checks-inline").count() == 0
    finally:
        context.close()
