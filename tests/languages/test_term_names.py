"""Pledge and pathway names in other languages: staff name a pledge in Gujarati in the admin
(keyed by its stable code, so tags and insight are untouched), and the Gujarati consultation
page shows that name; a pledge not named yet is shown in English, marked as English."""

import pytest
from django.urls import reverse

from cms.models import Pathway, Pledge
from cms.roles import Role
from languages.models import TermName
from languages.services import page_translate
from tests.feedback.factories import consultation_page, staff_user
from tests.languages.factories import translated_home

pytestmark = pytest.mark.django_db


def test_a_pledge_named_in_gujarati_shows_on_the_gujarati_page(client, django_user_model):
    pledge = Pledge.objects.get(code="pledge-9")
    pathway = Pathway.objects.order_by("code").first()
    consultation = consultation_page()
    consultation.pledges.add(pledge)
    consultation.pathways.add(pathway)
    consultation.save_revision().publish()
    translated_home("gu")
    page_translate(page=consultation.get_parent(), language_code="gu", strings={})
    gujarati_page = page_translate(page=consultation, language_code="gu", strings={})

    client.force_login(staff_user(django_user_model, role=Role.EDITOR))
    add = reverse("wagtailsnippets_languages_termname:add")
    refused = client.post(add, {"code": "no-such-code", "language": "gu", "name": "x"})
    assert refused.status_code == 200 and "No pledge, pathway or theme has the code" in (
        refused.content.decode()
    )
    client.post(add, {"code": pledge.code, "language": "gu", "name": "આરોગ્ય તપાસ"})
    assert TermName.objects.get().name == "આરોગ્ય તપાસ"
    pledge.refresh_from_db()
    assert pledge.code == "pledge-9"  # the code, and so every tag on it, is unchanged
    client.logout()

    shown = client.get(gujarati_page.url).content.decode()
    assert "<li>આરોગ્ય તપાસ</li>" in shown
    assert f'<li lang="en-GB" dir="ltr">{pathway.name}</li>' in shown  # not named yet
    english = client.get(consultation.url).content.decode()
    assert f"<li>{pledge.name}</li>" in english and "આરોગ્ય તપાસ" not in english
