"""You said, we did in other languages (issue #15): an outcome is translated through
wagtail-localize in the admin, every public read shows each outcome once, in the reader's
language where a live translation exists and in English (marked as English) otherwise, the
email tells each person in the language they answered in, and a translation goes through the
experts by experience's check like the English."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, TaskState
from wagtail_localize.models import StringTranslation, Translation

from insight import services
from insight.models import Outcome, OutcomeExample, OutcomeNotification
from insight.selectors import outcomes_published, responses_to_notify
from languages.services import page_translate, snippet_translate
from tests.cms.factories import staff_user
from tests.languages.factories import translated_home
from tests.panel.factories import panel_member
from tests.panel.test_outcome_check import _to_the_panel

from .factories import tagged_response
from .test_outcomes import outcome_for, yswd_page

pytestmark = pytest.mark.django_db

GU = {
    "Longer annual health checks": "લાંબી વાર્ષિક આરોગ્ય તપાસ",
    "People said checks were rushed.": "લોકોએ કહ્યું કે તપાસ ઉતાવળમાં થઈ.",
    "Practices will offer 30-minute appointments.": "દવાખાનાં 30 મિનિટની મુલાકાત આપશે.",
    "Longer health checks": "લાંબી આરોગ્ય તપાસ",
    "You told us health checks are too quick.": "તમે અમને કહ્યું કે આરોગ્ય તપાસ ખૂબ ઝડપી છે.",
    "We are making health checks longer.": "અમે આરોગ્ય તપાસ લાંબી કરી રહ્યા છીએ.",
    "Primary care team": "પ્રાથમિક સંભાળ ટીમ",
}
GU_TITLE = GU["Longer health checks"]
GU_WE_DID = GU["We are making health checks longer."]


def gujarati(outcome: Outcome, *, publish: bool = True) -> Outcome:
    return snippet_translate(obj=outcome, language_code="gu", strings=GU, publish=publish)


def translated_site(world, *codes):
    """The consultation and its 'you said, we did' page in each language, as a translator
    would make them; returns {code: translated results page}."""
    page = yswd_page(world)
    pages = {}
    for code in codes:
        translated_home(code)
        page_translate(page=world.consultation.get_parent(), language_code=code, strings={})
        page_translate(page=world.consultation, language_code=code, strings={})
        pages[code] = page_translate(page=page, language_code=code, strings={})
    return page, pages


def test_staff_translate_an_outcome_and_publish_it_in_wagtail_localize(
    world, django_capture_on_commit_callbacks
):
    response = tagged_response(world.survey, "pledge-t9")
    english = outcome_for(world)
    OutcomeExample.objects.create(outcome=english, target=f"a:{response.answers.first().pk}")
    english.save_revision().publish()
    gu = Locale.objects.get(language_code="gu")
    editor = Client()
    editor.force_login(world.staff)  # the engagement team, not a superuser

    # "Translate" on the outcome in the snippet listing, then the language chosen.
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["insight", "outcome", english.pk]
    )
    listing = editor.get(reverse("wagtailsnippets_insight_outcome:list")).content.decode()
    assert submit in listing
    assert editor.get(submit).status_code == 200
    assert editor.post(submit, {"locales": [gu.pk]}).status_code == 302
    draft = Outcome.objects.get(locale=gu)
    assert draft.translation_key == english.translation_key and not draft.live
    # Only the words are translated: the rest is the same change, synchronised.
    assert draft.consultation_id == english.consultation_id and draft.status == english.status
    assert list(draft.pledges.all()) == [world.pledge]
    assert [e.target for e in draft.examples.all()] == [e.target for e in english.examples.all()]
    assert english.examples.get().pk != draft.examples.get().pk  # its own rows

    # The translator's words, as wagtail-localize's editor saves them; the PO file has them.
    tr = Translation.objects.get(source__object_id=english.translation_key, target_locale=gu)
    segments = tr.source.stringsegment_set.select_related("string", "context")
    assert {s.string.data for s in segments} == set(GU)
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=gu,
            context=segment.context,
            data=GU[segment.string.data],
        )
    po = editor.get(reverse("wagtail_localize:download_pofile", args=[tr.pk]))
    assert 'msgid "Longer health checks"' in po.content.decode()
    assert f'msgstr "{GU_TITLE}"' in po.content.decode()

    # Editing the Gujarati outcome is wagtail-localize's editor; Publish there puts it live.
    edit = reverse("wagtailsnippets_insight_outcome:edit", args=[draft.pk])
    assert editor.get(edit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(edit, {"action": "publish"}).status_code == 302
    draft.refresh_from_db()
    assert draft.live and (draft.easy_read_title, draft.easy_read_we_did) == (GU_TITLE, GU_WE_DID)
    english.refresh_from_db()
    assert english.live and english.easy_read_title == "Longer health checks"
    assert mail.outbox == []  # a translation going live does not email people again


def test_each_outcome_once_in_the_readers_language_or_english(world):
    both = outcome_for(world)
    gujarati(both)
    only_english = outcome_for(world, easy_read_title="Easy-read letters")
    draft_gu = outcome_for(world, easy_read_title="Quiet waiting rooms")
    snippet_translate(
        obj=draft_gu,
        language_code="gu",
        strings={"Quiet waiting rooms": "શાંત પ્રતીક્ષા ખંડ"},
        publish=False,  # not live yet: never shown
    )
    assert Outcome.objects.count() == 5

    with translation.override("gu"):
        views = outcomes_published(consultation_id=world.consultation.pk, language_code="gu")
    shown = {v.outcome.translation_key: v for v in views}
    assert len(views) == len(shown) == 3  # once each, never both languages
    assert shown[both.translation_key].outcome.easy_read_title == GU_TITLE
    assert shown[both.translation_key].lang == ""  # the page's own language
    for english in (only_english, draft_gu):
        view = shown[english.translation_key]
        assert view.outcome.pk == english.pk
        assert (view.lang, view.dir) == ("en-GB", "ltr")

    english_views = outcomes_published(consultation_id=world.consultation.pk)
    assert sorted(v.outcome.pk for v in english_views) == sorted(
        [both.pk, only_english.pk, draft_gu.pk]
    )
    assert all(v.lang == "" for v in english_views)
    # The same with a theme filter (the follow page's read): once each.
    themed = outcomes_published(
        consultation_id=world.consultation.pk, codes={"pledge-t9"}, language_code="gu"
    )
    assert len(themed) == 3
    # A language with no translations reads English; an unknown code reads English too.
    for code in ("ur", "xx"):
        views = outcomes_published(consultation_id=world.consultation.pk, language_code=code)
        assert sorted(v.outcome.pk for v in views) == sorted(v.outcome.pk for v in english_views)


def test_gujarati_and_urdu_pages_show_one_version_of_each_outcome(client, world):
    response = tagged_response(
        world.survey, "pledge-t9", text="Dr Patel rushed me, call me on 07700 900123 please"
    )
    outcome = outcome_for(world)
    OutcomeExample.objects.create(outcome=outcome, target=f"a:{response.answers.first().pk}")
    outcome.save_revision().publish()
    gujarati(outcome)
    english_page, pages = translated_site(world, "gu", "ur")
    assert pages["gu"].url.startswith("/gu/") and pages["ur"].url.startswith("/ur/")

    gu_html = client.get(pages["gu"].url).content.decode()
    assert GU_TITLE in gu_html and GU_WE_DID in gu_html
    assert "Longer health checks" not in gu_html and "We are making" not in gu_html
    assert gu_html.count('class="ev-point ev-outcome"') == 1
    assert "તમે કહ્યું:" in gu_html and "અમે હમણાં તે કરી રહ્યા છીએ" in gu_html  # its labels
    assert "[phone]" in gu_html and "07700" not in gu_html  # the example, redacted as ever

    # Not translated into Urdu: the English, marked as English, on a right-to-left page.
    ur_html = client.get(pages["ur"].url).content.decode()
    assert 'dir="rtl"' in ur_html
    assert '<h2 class="nhsuk-heading-m" lang="en-GB" dir="ltr">Longer health checks</h2>' in (
        ur_html
    )
    assert GU_TITLE not in ur_html and ur_html.count('class="ev-point ev-outcome"') == 1
    assert "آپ نے کہا:" in ur_html

    en_html = client.get(english_page.url).content.decode()
    assert "Longer health checks" in en_html and GU_TITLE not in en_html
    assert en_html.count('class="ev-point ev-outcome"') == 1


def test_follow_shows_the_outcome_in_the_language_they_answered_in(client, world):
    outcome = outcome_for(world)
    gujarati(outcome)
    mine = tagged_response(world.survey, "pledge-t9", confidence=0.95, language="gu")
    theirs = tagged_response(world.survey, "pledge-t9", confidence=0.95)

    page = client.post("/follow/", {"code": mine.reference}).content.decode()
    assert f'<h4 class="nhsuk-heading-s" lang="gu" dir="ltr">{GU_TITLE}</h4>' in page
    assert "Longer health checks" not in page
    page = Client().post("/follow/", {"code": theirs.reference}).content.decode()
    assert "Longer health checks" in page and GU_TITLE not in page


def test_people_are_emailed_once_each_in_their_language(world, django_capture_on_commit_callbacks):
    tagged_response(world.survey, "pledge-t9", wants_updates=True, contact_email="gu@example.org")
    gu_person = tagged_response(
        world.survey, "pledge-t9", wants_updates=True, contact_email="gu@example.org"
    )
    gu_person.language = "gu"  # their latest response was in Gujarati
    gu_person.save(update_fields=["language"])
    tagged_response(world.survey, "pledge-t9", wants_updates=True, contact_email="en@example.org")
    english = outcome_for(world, published=False)
    with django_capture_on_commit_callbacks(execute=True):
        gu = gujarati(english)  # the translation is live first: nobody is told yet
    assert gu.live and mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["en@example.org", "gu@example.org"]
    gu_mail = by_address["gu@example.org"]
    assert gu_mail.subject == f"અમે શું કરી રહ્યા છીએ: {GU_TITLE}"  # the frame in Gujarati too
    assert GU_WE_DID in gu_mail.body and "અમે આ કરી રહ્યા છીએ:" in gu_mail.body
    assert "આભાર. અમે સાંભળ્યું." in gu_mail.body and "Thank you" not in gu_mail.body
    assert "/follow/" in gu_mail.body
    assert by_address["en@example.org"].subject == "What we are doing: Longer health checks"
    assert "Thank you. We listened." in by_address["en@example.org"].body
    assert "We are making health checks longer." in by_address["en@example.org"].body
    assert GU_TITLE not in by_address["en@example.org"].body
    assert OutcomeNotification.objects.count() == 3

    # Told once across its translations: nothing is left to tell, whichever row asks.
    assert not responses_to_notify(outcome=gu).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.outcome_notify(outcome_id=gu.pk)
        services.outcome_notify(outcome_id=english.pk)
    assert len(mail.outbox) == 2


def test_a_translation_goes_through_the_experts_check_before_it_is_public(client, world):
    english = outcome_for(world)
    english.save_revision().publish()
    _, pages = translated_site(world, "gu")
    draft = gujarati(english, publish=False)  # saved by the translator, not published
    assert not draft.live
    assert "Longer health checks" in client.get(pages["gu"].url).content.decode()

    editor = staff_user(username="gu-editor")
    draft.get_workflow().start(draft, editor)
    moderator = Client()
    moderator.force_login(staff_user(username="moderator"))
    task_state = _to_the_panel(moderator, draft)
    member = Client()
    member.force_login(panel_member())
    check = member.get(f"/check/{task_state.pk}/").content.decode()
    # The panel reads the Gujarati words, marked as Gujarati, with Gujarati labels.
    assert f'<h1 lang="gu" dir="ltr">{GU_TITLE}</h1>' in check
    assert f'<h2 class="nhsuk-heading-m" lang="gu" dir="ltr">{GU_TITLE}</h2>' in check
    assert "તમે કહ્યું:" in check
    assert GU_TITLE not in client.get(pages["gu"].url).content.decode()  # still waiting

    done = member.post(
        f"/check/{task_state.pk}/",
        {
            f"answer-{f}": "yes"
            for f in ("easy_read_title", "easy_read_you_said", "easy_read_we_did")
        },
    )
    assert done.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    draft.refresh_from_db()
    assert draft.live
    public = client.get(pages["gu"].url).content.decode()
    assert GU_TITLE in public and "Longer health checks" not in public
    assert "શીખવાની અક્ષમતા ધરાવતા લોકોએ તપાસ્યું" in public  # checked, said in Gujarati


def test_staff_send_a_translation_to_the_experts_check_from_the_admin(client, world):
    """wagtail-localize's editor only keeps strings or publishes; "Send the translation to
    be checked" puts the translator's words into a draft revision and starts the check, and a
    live translation stays as it was until the check publishes the new words."""
    english = outcome_for(world)
    english.save_revision().publish()
    _, pages = translated_site(world, "gu")
    live = gujarati(english)  # live in Gujarati already
    gu = Locale.objects.get(language_code="gu")
    tr = Translation.objects.get(source__object_id=english.translation_key, target_locale=gu)
    # The translator changes one string in wagtail-localize's editor (translation memory).
    segment = tr.source.stringsegment_set.get(string__data="We are making health checks longer.")
    better = "ડૉક્ટરો તમારી આરોગ્ય તપાસ લાંબી કરશે."
    StringTranslation.objects.filter(translation_of=segment.string, locale=gu).update(data=better)

    editor = Client()
    editor.force_login(world.staff)
    listing = editor.get(reverse("wagtailsnippets_insight_outcome:list")).content.decode()
    url = reverse("wagtailsnippets_insight_outcome:check_translation", args=[live.pk])
    assert url in listing and "Send the translation to be checked" in listing
    english_url = reverse("wagtailsnippets_insight_outcome:check_translation", args=[english.pk])
    assert english_url not in listing  # the English is submitted from its own form
    page = editor.get(url).content.decode()
    assert "Send the Gujarati translation to be checked" in page
    assert editor.post(url).status_code == 302

    live.refresh_from_db()
    assert live.workflow_in_progress and live.live
    assert live.easy_read_we_did == GU_WE_DID  # the public still reads the live words
    public = client.get(pages["gu"].url).content.decode()
    assert GU_WE_DID in public and better not in public
    moderator = Client()
    moderator.force_login(staff_user(username="moderator"))
    task_state = _to_the_panel(moderator, live)
    member = Client()
    member.force_login(panel_member())
    assert better in member.get(f"/check/{task_state.pk}/").content.decode()
    member.post(
        f"/check/{task_state.pk}/",
        {
            f"answer-{f}": "yes"
            for f in ("easy_read_title", "easy_read_you_said", "easy_read_we_did")
        },
    )
    live.refresh_from_db()
    assert live.live and live.easy_read_we_did == better
    assert list(live.pledges.all()) == [world.pledge]  # synchronised fields kept
    public = client.get(pages["gu"].url).content.decode()
    assert better in public and "શીખવાની અક્ષમતા ધરાવતા લોકોએ તપાસ્યું" in public

    # Waiting already, or the English: nothing to send; said so, nothing changes.
    assert editor.post(english_url).status_code == 302
    assert not english.__class__.objects.get(pk=english.pk).workflow_in_progress
    # Staff who may not change outcomes cannot send one (Wagtail's "no permission").
    lead = Client()
    lead.force_login(staff_user(superuser=False, username="someone-else"))
    assert lead.post(url)["Location"] != reverse("wagtailsnippets_insight_outcome:list")
    live.refresh_from_db()
    assert not live.workflow_in_progress


def test_a_translation_drops_the_themes_its_english_drops(world):
    """wagtail-localize copies a many-to-many only when it is not empty: a theme the English
    no longer links would stay on the translation, and the follow page would show it for
    that theme. The translation follows the English whenever it is synced."""
    english = outcome_for(world)
    english.save_revision().publish()
    gu = gujarati(english)
    assert list(gu.pledges.all()) == [world.pledge]
    english.pledges.set([])
    english.save()
    english.save_revision().publish()
    gu = gujarati(english)  # "Sync translated snippets", as a translator would
    assert list(gu.pledges.all()) == []
    assert (
        outcomes_published(
            consultation_id=world.consultation.pk, codes={"pledge-t9"}, language_code="gu"
        )
        == []
    )
    english.pledges.set([world.other_pledge])
    english.save()
    english.save_revision().publish()
    gu = gujarati(english)
    assert list(gu.pledges.all()) == [world.other_pledge]


def test_theme_names_and_quotes_are_marked_with_their_own_language(client, world):
    """Found by trying issue #15 as a Gujarati or Urdu reader: "This is about:" listed the
    pledges in English and the quotes (people's words, as written) were not marked either,
    so on an Urdu page a screen reader read English as Urdu and the punctuation moved."""
    from languages.models import TermName

    english = tagged_response(world.survey, "pledge-t9", text="The nurse was kind to me today.")
    gujarati_words = "નર્સ મારી સાથે ખૂબ દયાળુ હતી."
    in_gujarati = tagged_response(world.survey, "pledge-t9", text=gujarati_words, language="gu")
    outcome = outcome_for(world)
    for response in (english, in_gujarati):
        OutcomeExample.objects.create(outcome=outcome, target=f"a:{response.answers.first().pk}")
    outcome.save_revision().publish()
    gujarati(outcome)
    TermName.objects.create(code="pledge-t9", language="gu", name="લાંબી તપાસનું વચન")
    _, pages = translated_site(world, "gu", "ur")

    ur_html = client.get(pages["ur"].url).content.decode()
    name = world.pledge.name
    assert f'<span lang="en-GB" dir="ltr">{name}</span>.' in ur_html  # no Urdu name yet
    assert '<span lang="en-GB" dir="ltr">The nurse was kind to me today.</span>' in ur_html
    assert f'<span lang="gu" dir="ltr">{gujarati_words}</span>' in ur_html

    gu_html = client.get(pages["gu"].url).content.decode()
    assert "લાંબી તપાસનું વચન." in gu_html and f">{name}<" not in gu_html  # named in Gujarati
    assert '<span lang="en-GB" dir="ltr">The nurse was kind to me today.</span>' in gu_html
