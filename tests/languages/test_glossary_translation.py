"""The glossary is a translatable snippet: staff send a hard word for translation with
wagtail-localize's "Translate" in the admin, the translator's words are saved with it, and a
page in Gujarati explains the Gujarati word while English pages keep the English one."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from cms.roles import Role
from easyread.findings import glossary_terms
from easyread.glossary import Glossary
from easyread.models import GlossaryTerm
from tests.feedback.factories import staff_user

pytestmark = pytest.mark.django_db


def test_a_hard_word_is_translated_through_wagtail_localize(client, django_user_model):
    english = GlossaryTerm.objects.create(
        term="health check", explanation="A visit to check you are well."
    )
    gujarati = Locale.objects.get(language_code="gu")
    client.force_login(staff_user(django_user_model, role=Role.EDITOR))
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["easyread", "glossaryterm", english.pk],
    )
    assert client.get(url).status_code == 200
    sent = client.post(url, {"locales": [gujarati.pk]})
    assert sent.status_code == 302
    draft = GlossaryTerm.objects.get(locale=gujarati)
    assert draft.translation_key == english.translation_key

    # The translator's words, as wagtail-localize's editor saves them, then published.
    translation = Translation.objects.get(target_locale=gujarati)
    words = {"health check": "આરોગ્ય તપાસ", "A visit to check you are well.": "તમે ઠીક છો"}
    for segment in translation.source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=gujarati,
            context=segment.context,
            data=words[segment.string.data],
        )
    translation.save_target(publish=True)
    draft.refresh_from_db()
    assert (draft.term, draft.explanation) == ("આરોગ્ય તપાસ", "તમે ઠીક છો")

    # Each language's pages explain their own words; the same word may exist in both.
    assert Glossary.from_database("gu").terms == ["આરોગ્ય તપાસ"]
    english_terms = Glossary.from_database("en-gb").terms
    assert "health check" in english_terms and "આરોગ્ય તપાસ" not in english_terms
    assert Glossary.from_database().terms == english_terms  # the language shown: English
    # The easy-read checks of a Gujarati page know the Gujarati word as explained.
    assert glossary_terms(gujarati.pk) == ["આરોગ્ય તપાસ"]
    explained = str(Glossary.from_database("gu").mark_up("મારી આરોગ્ય તપાસ સારી હતી"))
    assert "તમે ઠીક છો" in explained
