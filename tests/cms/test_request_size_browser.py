"""The 413 page a person sees when what they send is too big: readable and accessible.

Django refuses an over-size body without reading it; a browser still sending may then see
the connection close instead of the page, which is why nginx in front (deploy/nginx.conf)
refuses first and shows this same page from /request-too-big/. Both are checked here."""

from tests.browser.axe import describe


def test_the_too_big_page_is_accessible(page, site_url, axe):
    response = page.goto(site_url + "/request-too-big/")
    assert response.status == 413
    assert page.title() == "What you sent is too big \u2013 Every Voice"
    assert page.locator("h1").inner_text() == "What you sent is too big"
    assert "It is bigger than we can take." in page.locator("main").inner_text()
    violations = axe(page)
    assert violations == [], describe(violations)
