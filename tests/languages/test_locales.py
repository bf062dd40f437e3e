"""Locales in the URL, <html lang dir>, the language switcher, and machine translation off."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator

from cms.middleware import RequestSizeLimitMiddleware
from languages.catalogue import get, languages, without_language_prefix
from languages.services import page_translate
from tests.feedback.factories import consultation_page, survey_page
from tests.languages.factories import translated_home

pytestmark = pytest.mark.django_db


def html_tag(content: bytes) -> str:
    return re.search(r"<html[^>]*>", content.decode()).group(0)


def test_every_language_has_a_wagtail_locale():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes >= {"en-gb", "gu", "pa", "ur", "pl", "so", "ar"}


def test_catalogue_directions_and_prefixes():
    assert [lang.code for lang in languages()] == ["en-gb", "gu", "pa", "ur", "pl", "so", "ar"]
    assert get("ur").dir == "rtl" and get("ar").dir == "rtl" and get("gu").dir == "ltr"
    assert get("en").code == "en-gb" and get("xx").code == "en-gb"
    assert without_language_prefix("/gu/survey/3/") == "/survey/3/"
    assert without_language_prefix("/survey/3/") == "/survey/3/"
    assert without_language_prefix("/guide/") == "/guide/"


def test_english_keeps_its_urls_and_lang(client):
    translated_home("gu")
    response = client.get("/")
    assert response.status_code == 200
    assert 'lang="en-GB"' in html_tag(response.content)
    assert 'dir="ltr"' in html_tag(response.content)
    assert reverse("feedback:resume") == "/survey/resume/"


def test_no_switcher_while_only_english_has_pages(client):
    consultation_page()
    assert b"ev-language-switcher" not in client.get("/").content


def test_gujarati_home_has_its_own_url_lang_and_switcher(client):
    translated_home("gu", "ઘર")
    response = client.get("/gu/")
    assert response.status_code == 200
    tag = html_tag(response.content)
    assert 'lang="gu"' in tag and 'dir="ltr"' in tag
    html = response.content.decode()
    # Each language in its own name and its own lang; the current one is not a link.
    current = 'class="ev-language-switcher__current" lang="gu" dir="ltr" aria-current="true"'
    assert current in html
    assert 'href="/" lang="en-GB" hreflang="en-GB"' in html
    assert 'aria-label="ભાષા પસંદ કરો"' in html  # the switcher's name, in Gujarati
    assert 'href="/gu/"' in html  # the NHS logo goes to the Gujarati home page


def test_urdu_page_is_right_to_left(client):
    translated_home("ur", "ہوم")
    tag = html_tag(client.get("/ur/").content)
    assert 'lang="ur"' in tag and 'dir="rtl"' in tag


def test_switcher_goes_to_the_same_page_in_the_other_language(client):
    translated_home("gu")
    consultation = consultation_page()
    page_translate(page=consultation.get_parent(), language_code="gu", strings={})
    gu = page_translate(
        page=consultation, language_code="gu", strings={consultation.title: "આરોગ્ય તપાસ"}
    )
    assert gu.url.startswith("/gu/")
    html = client.get(consultation.url).content.decode()
    assert f'href="{gu.url}" lang="gu"' in html
    back = client.get(gu.url).content.decode()
    assert f'href="{consultation.url}" lang="en-GB"' in back
    assert "આરોગ્ય તપાસ" in back


def test_an_untranslated_page_links_to_the_other_language_home(client):
    translated_home("gu")
    consultation = consultation_page()
    assert 'href="/gu/" lang="gu"' in client.get(consultation.url).content.decode()


def test_survey_steps_have_the_language_in_their_urls(client):
    translated_home("gu")
    survey = survey_page()
    gu_survey = page_translate(page=survey, language_code="gu", strings={})
    with translation.override("gu"):
        url = reverse("feedback:start", args=[gu_survey.pk])
    assert url == f"/gu/survey/{gu_survey.pk}/start/"
    response = client.post(url, {})
    assert response.status_code == 302
    assert response["Location"] == f"/gu/survey/{gu_survey.pk}/who/"
    page = client.get(response["Location"])
    assert 'lang="gu"' in html_tag(page.content)


def test_survey_upload_limit_holds_under_a_language_prefix():
    middleware = RequestSizeLimitMiddleware(lambda r: None)
    assert middleware.limit_for("/gu/survey/3/question/q/") == middleware.limit_for(
        "/survey/3/question/q/"
    )
    assert middleware.limit_for("/gu/survey/3/") > middleware.limit_for("/gu/")


def test_machine_translation_is_off_and_sends_nothing(settings):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    assert get_machine_translator() is None


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_translator_exports_and_imports_a_po_file(client, django_user_model):
    """wagtail-localize's own PO download and upload, in the Wagtail admin."""
    from wagtail_localize.models import Translation

    from tests.cms.factories import staff_user

    translated_home("gu")
    consultation = consultation_page()
    page_translate(page=consultation.get_parent(), language_code="gu", strings={})
    gu = page_translate(page=consultation, language_code="gu", strings={})
    translation_row = Translation.objects.get(
        source__object_id=consultation.translation_key, target_locale__language_code="gu"
    )
    client.force_login(staff_user())
    po = client.get(reverse("wagtail_localize:download_pofile", args=[translation_row.id]))
    assert po.status_code == 200
    text = po.content.decode()
    assert f'msgid "{consultation.title}"' in text
    edited = text.replace(
        f'msgid "{consultation.title}"\nmsgstr ""',
        f'msgid "{consultation.title}"\nmsgstr "આરોગ્ય તપાસ ૧"',
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation_row.id]),
        {
            "file": SimpleUploadedFile("gu.po", edited.encode(), "text/x-gettext-translation"),
            "next": "/admin/",
        },
    )
    assert upload.status_code == 302
    translation_row.save_target(publish=True)
    gu.refresh_from_db()
    assert gu.title == "આરોગ્ય તપાસ ૧"
