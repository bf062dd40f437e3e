"""The editor's preview may be framed by the admin; the public site may never be framed."""

import pytest

from tests.cms.factories import LONG_SENTENCE, PlanSummaryPageFactory, staff_user
from tests.cms.test_pages import _plan_form

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    pairs = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return dict(pairs)


def test_admin_preview_may_be_framed_by_the_admin_only(client):
    page = PlanSummaryPageFactory()
    client.force_login(staff_user())
    client.post(
        f"/admin/pages/{page.id}/edit/preview/", _plan_form(page.title, LONG_SENTENCE, "tick")
    )
    preview = client.get(f"/admin/pages/{page.id}/edit/preview/")
    assert preview.status_code == 200
    assert "This sentence has 22 words" in preview.content.decode()
    policy = _directives(preview)
    assert policy["frame-ancestors"] == "'self'"
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # Nothing else is loosened: no inline code, same sources as the public page.
    public = _directives(client.get(page.url))
    assert {k: v for k, v in policy.items() if k != "frame-ancestors"} == {
        k: v for k, v in public.items() if k != "frame-ancestors"
    }
    assert "unsafe-inline" not in preview["Content-Security-Policy"]


def test_public_page_still_refuses_every_frame_whoever_asks(client):
    page = PlanSummaryPageFactory()
    for who in (None, staff_user()):
        if who:
            client.force_login(who)
        for url in (page.url, page.url + "?is_preview=1&preview_mode="):
            response = client.get(url, HTTP_X_IS_PREVIEW="1")
            assert response.status_code == 200
            assert _directives(response)["frame-ancestors"] == "'none'", url
            assert response["X-Frame-Options"] == "DENY"


def test_new_page_preview_may_be_framed_too(client):
    from cms.demo import home_page_ensure

    home, _ = home_page_ensure()
    client.force_login(staff_user())
    url = f"/admin/pages/add/cms/plansummarypage/{home.id}/preview/"
    client.post(url, _plan_form("New plan", "Short words.", "tick"))
    preview = client.get(url)
    assert preview.status_code == 200
    assert _directives(preview)["frame-ancestors"] == "'self'"
