"""`make run` shows the whole loop: load_demo (twice, it is idempotent) gives tagged demo
responses, insight for the demo collaborative member, a published outcome on the
consultation's "you said, we did" page, and a reference code that follows its words there."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.models import YouSaidWeDidPage
from feedback.models import Response
from insight.demo import DEMO_ANSWERS, OUTCOME_TITLE, _reference
from insight.models import Outcome
from tasks.models import Tag

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r'data-figure="(\w+)">([^<]+)<')


@pytest.fixture
def demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_twice_makes_one_published_outcome_linked_to_tags(demo):
    outcome = Outcome.objects.get(title=OUTCOME_TITLE)
    assert Outcome.objects.filter(locale__language_code="en-gb").count() == 1
    assert outcome.live and outcome.live_revision_id and outcome.published_at is not None
    assert {p.code for p in outcome.pledges.all()} == {"pledge-9"}
    assert {p.code for p in outcome.pathways.all()} == {"annual-health-checks"}
    examples = [e.target for e in outcome.examples.all()]
    assert len(examples) == 2
    # The examples are answers a person confirmed as about health checks.
    for target in examples:
        assert Tag.objects.get(target=target, code="pledge-9").status == "confirmed"
    assert Response.objects.filter(reference__startswith="DEMQ").count() == len(DEMO_ANSWERS)
    assert YouSaidWeDidPage.objects.filter(locale__language_code="en-gb").count() == 1
    assert "follow your words" in demo


def test_the_outcome_shows_on_the_you_said_we_did_page(client, demo):
    page = YouSaidWeDidPage.objects.get(locale__language_code="en-gb")
    html = client.get(page.url).content.decode()
    assert "Longer health checks" in html
    assert "Doctors will give you a longer health check." in html


def test_the_demo_member_sees_pledge_9_insight_with_data(client, demo):
    member = get_user_model().objects.get(email="collaborative@everyvoice.test")
    client.force_login(member)
    response = client.get("/insight/pledge-9/")
    assert response.status_code == 200
    total = dict(FIGURE.findall(response.content.decode()))["total"]
    assert total not in {"0", "fewer than 5"}


def test_the_demo_reference_code_follows_its_words_to_the_outcome(client, demo):
    page = client.post("/follow/", {"code": _reference(0)}).content.decode()
    assert "Longer health checks" in page


def test_the_outcome_in_gujarati_and_urdu_on_the_draft_translated_pages(client, demo):
    english = Outcome.objects.get(title=OUTCOME_TITLE)
    translations = Outcome.objects.filter(translation_key=english.translation_key)
    assert sorted(translations.values_list("locale__language_code", flat=True)) == [
        "en-gb",
        "gu",
        "ur",
    ]  # once each, however often the demo is loaded
    gu = translations.get(locale__language_code="gu")
    assert gu.live and gu.easy_read_title == "લાંબી આરોગ્ય તપાસ"
    assert {p.code for p in gu.pledges.all()} == {"pledge-9"}
    assert sorted(e.target for e in gu.examples.all()) == sorted(
        e.target for e in english.examples.all()
    )
    page = YouSaidWeDidPage.objects.get(locale__language_code="gu")
    html = client.get(page.url).content.decode()
    assert "લાંબી આરોગ્ય તપાસ" in html and "ડૉક્ટરો તમારી આરોગ્ય તપાસ લાંબી કરશે." in html
    assert "Longer health checks" not in html
    assert "Draft translation, to be checked." in html  # the page says so, in both languages
    ur = client.get(YouSaidWeDidPage.objects.get(locale__language_code="ur").url)
    assert "لمبا صحت کا معائنہ" in ur.content.decode()
