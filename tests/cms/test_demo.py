import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_makes_the_home_page_the_site_root(django_user_model):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert HomePage.objects.count() == 1
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert django_user_model.objects.filter(email="engagement@everyvoice.test").count() == 1


def test_home_page_is_served(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get("/")
    assert response.status_code == 200
    assert b"Every Voice" in response.content
