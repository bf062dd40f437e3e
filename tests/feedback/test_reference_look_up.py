"""One reference-code look-up for resume, withdraw and follow: one rate limit, one answer."""

import pytest

from feedback import ratelimit, selectors
from feedback.models import ResponseStatus
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db
PAGES = ["/survey/resume/", "/survey/withdraw/", "/follow/"]


def test_the_three_pages_share_one_rate_limit(client):
    for i in range(ratelimit.LOOKUP.count):
        r = client.post(PAGES[i % 3], {"code": "K7QH-M3XW-9C"})
        assert r.status_code == 200
        assert selectors.CODE_NOT_FOUND in r.content.decode()
    for page in PAGES:  # past the limit on one page is past it on all of them
        assert client.post(page, {"code": "K7QH-M3XW-9C"}).status_code == 429


@pytest.mark.parametrize("page", PAGES)
def test_unknown_and_withdrawn_codes_get_the_same_answer_on_every_page(client, page):
    from feedback import services

    response = services.response_start(survey=survey_page())
    response.status = ResponseStatus.WITHDRAWN
    response.save(update_fields=["status"])
    withdrawn = client.post(page, {"code": response.reference}).content.decode()
    unknown = client.post(page, {"code": "K7QH-M3XW-9C"}).content.decode()
    assert selectors.CODE_NOT_FOUND in withdrawn and selectors.CODE_NOT_FOUND in unknown


@pytest.mark.parametrize(
    ("page", "again"),
    [
        ("/survey/resume/", "/survey/resume/"),
        ("/survey/withdraw/", "/survey/withdraw/"),
        ("/follow/", "/follow/"),
    ],
)
def test_a_filled_honeypot_is_sent_back_without_a_look_up(client, page, again):
    from feedback.forms import ResumeForm

    honeypot = next(n for n in ResumeForm().fields if n != "code")
    r = client.post(page, {"code": "K7QH-M3XW-9C", honeypot: "bot"})
    assert r.status_code == 302 and r["Location"] == again
