import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_makes_the_home_page_the_site_root(django_user_model):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # One home page per language: English, and the Gujarati and Urdu drafts.
    assert HomePage.objects.filter(locale__language_code="en-gb").count() == 1
    assert HomePage.objects.count() == 3
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert django_user_model.objects.filter(email="engagement@everyvoice.test").count() == 1


def test_home_page_is_served(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get("/")
    assert response.status_code == 200
    assert b"Every Voice" in response.content


def test_every_link_on_the_demo_home_page_leads_somewhere(client):
    """A newcomer clicking around `make run` should never meet a broken header or footer link."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    html = client.get("/").content.decode()
    links = {h for h in re.findall(r'href="(/[^"#]*)"', html) if not h.startswith("/static/")}
    assert "/contact/" in links
    broken = {h: client.get(h).status_code for h in links}
    broken = {h: code for h, code in broken.items() if code not in (200, 302)}
    assert broken == {}
