"""The shared cache of public pages: hits for anonymous readers, purged on every change, and
never anything of one person's, a form, or a signed-in page."""

import pytest
from django.test import Client

from cms.page_cache import HIT_HEADER
from tests.cms.factories import (
    ConsultationPageFactory,
    PlanSummaryPageFactory,
    StandardPageFactory,
    YouSaidWeDidPageFactory,
)
from tests.feedback.factories import consultation_page, staff_user, survey_page

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    "factory",
    [
        PlanSummaryPageFactory,
        StandardPageFactory,
        ConsultationPageFactory,
        YouSaidWeDidPageFactory,
    ],
)
def test_an_anonymous_reader_gets_the_second_visit_from_the_cache(client, factory):
    page = factory()
    first = get(client, page.url)
    second = get(Client(), page.url)  # another reader, no cookies either
    assert first[HIT_HEADER] == "miss" and second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY" and second["Content-Type"].startswith("text/html")


def test_home_and_the_consultation_list_are_cached_too(client):
    consultation = consultation_page(title="Dentists for everyone")
    for url in ("/", consultation.get_parent().url):
        get(client, url)
        assert get(client, url)[HIT_HEADER] == "hit"


def test_each_version_is_kept_apart_and_other_query_strings_are_not_kept(client):
    page = StandardPageFactory()
    get(client, page.url + "?version=standard")
    assert get(client, page.url + "?version=standard")[HIT_HEADER] == "hit"
    assert get(client, page.url)[HIT_HEADER] == "miss"
    assert HIT_HEADER not in get(client, page.url + "?utm=1")
    assert HIT_HEADER not in get(client, page.url + "?version=standard&version=easy-read")


def test_publishing_a_change_purges_at_once(client):
    page = PlanSummaryPageFactory(intro="The old plan.")
    assert "The old plan." in get(client, page.url).content.decode()
    page.intro = "The new plan."
    page.save_revision().publish()
    after = get(client, page.url)
    assert after[HIT_HEADER] == "miss" and "The new plan." in after.content.decode()


def test_unpublishing_or_publishing_a_survey_changes_its_consultation_at_once(client):
    consultation = consultation_page()
    get(client, consultation.url)
    survey = survey_page(consultation=consultation, title="A brand new survey")
    page = get(client, consultation.url)
    assert page[HIT_HEADER] == "miss" and "A brand new survey" in page.content.decode()
    survey.unpublish()
    page = get(client, consultation.url)
    assert page[HIT_HEADER] == "miss" and "A brand new survey" not in page.content.decode()


def test_pages_with_a_form_are_never_kept(client):
    survey = survey_page()
    first = get(client, survey.url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert HIT_HEADER not in first and HIT_HEADER not in get(Client(), survey.url)


def test_signed_in_people_are_never_served_from_nor_into_the_cache(client, django_user_model):
    page = PlanSummaryPageFactory()
    get(Client(), page.url)  # an anonymous reader fills the cache
    staff = staff_user(django_user_model)
    client.force_login(staff)
    signed_in = get(client, page.url)
    assert HIT_HEADER not in signed_in
    page.intro = "Changed"
    page.save_revision().publish()
    get(client, page.url)  # the signed-in render is not stored ...
    anonymous = get(Client(), page.url)
    assert anonymous[HIT_HEADER] == "miss"  # ... so the next anonymous reader renders afresh
    assert staff.username not in anonymous.content.decode()


def test_a_reader_with_a_session_or_a_message_waiting_is_always_rendered(client):
    page = PlanSummaryPageFactory()
    get(Client(), page.url)
    for cookie in ("sessionid", "messages"):
        reader = Client()
        reader.cookies[cookie] = "something"
        assert HIT_HEADER not in get(reader, page.url)


def test_no_cross_user_leak_of_a_participants_page(client, django_user_model):
    """A participant's own page (/my-answers/) and their session never reach the cache."""
    participant = django_user_model.objects.create_user(
        username="p1", email="p1@example.com", password=None
    )
    client.force_login(participant)
    mine = client.get("/my-answers/")
    assert mine.status_code == 200 and HIT_HEADER not in mine
    assert Client().get("/my-answers/").status_code == 302  # anonymous: sent to sign in


def test_the_cache_can_be_turned_off(client, settings):
    settings.EVERYVOICE_PAGE_CACHE_SECONDS = 0
    page = PlanSummaryPageFactory()
    get(client, page.url)
    assert HIT_HEADER not in get(client, page.url)
