"""Feedback not in English, as the engagement team meets it in the Wagtail admin: the tagger
does not tag it but marks it "Not in English (Gujarati)" on the review screen; staff request a
translation (recorded) and enter it (translator, who, when; audited); the English is then
tagged and screened by the same job as any text, and the original is kept. A disclosure that
only the translation shows is flagged, and the text is held back from insight again."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.models import AuditAction, AuditEvent
from cms.roles import Role
from feedback import services as feedback_services
from feedback.models import Answer, Response, ResponseStatus
from insight.filters import Filters, insight_answers
from languages.models import TextTranslation, TranslationStatus
from safeguarding import services as safeguarding_services
from safeguarding.models import FlagMethod, SafeguardingFlag
from tasks.models import Tag
from tasks.tasks import tag_response
from tests.feedback.factories import ResponseFactory, staff_user, survey_page
from tests.tasks.test_tagging_admin import QUESTIONS

pytestmark = pytest.mark.django_db

GUJARATI = "ડૉક્ટર ખૂબ સારા હતા, પણ મારે મારી વાર્ષિક આરોગ્ય તપાસ માટે લાંબી રાહ જોવી પડી"
ENGLISH = (
    "The doctor was very good, but I had to wait a long time for my annual health check "
    "and nobody explained the results to me."
)
DISCLOSURE = "My brother hits me at home and I am scared to go back there."


@pytest.fixture
def staff(client, django_user_model):
    user = staff_user(django_user_model)
    client.force_login(user)
    return user


def gujarati_answer(django_capture_on_commit_callbacks) -> Answer:
    """A Gujarati answer sent through the Gujarati survey, and the tagging job run on it."""
    survey = survey_page(questions=QUESTIONS)
    response = ResponseFactory(survey=survey, language="gu")
    answer = response.answers.create(
        question_id=survey.questions[0].id,
        question_type="long_text",
        value={"text": GUJARATI},
        text=GUJARATI,
    )
    Response.objects.filter(pk=response.pk).update(
        status=ResponseStatus.SUBMITTED, submitted_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        tag_response(response.pk)  # tags and screens
    return answer


def test_a_text_not_in_english_is_marked_for_a_person_then_translated_tagged_and_screened(
    client, staff, django_capture_on_commit_callbacks
):
    answer = gujarati_answer(django_capture_on_commit_callbacks)
    # The English-only tagger did not guess: the text is recorded for a person instead.
    assert not Tag.objects.filter(answer=answer).exists()
    waiting = TextTranslation.objects.get()
    assert (waiting.target, waiting.language, waiting.status) == (
        f"a:{answer.pk}",
        "gu",
        TranslationStatus.NEEDED,
    )
    # ...and the safeguarding screen's "not in English" concern names the language.
    flag = SafeguardingFlag.objects.get(answer=answer)
    assert flag.method == FlagMethod.LANGUAGE and flag.phrases == ["Gujarati"]

    review = client.get("/admin/tagging/review/").content.decode()
    assert "Not in English (Gujarati)" in review
    assert GUJARATI in review and 'lang="gu"' in review
    assert f"/admin/translations/{waiting.pk}/request/" in review

    # Request a translation: who and when are recorded.
    done = client.post(
        f"/admin/translations/{waiting.pk}/request/", {"next": "/admin/tagging/review/"}
    )
    assert done.status_code == 302 and done["Location"] == "/admin/tagging/review/"
    waiting.refresh_from_db()
    assert waiting.status == TranslationStatus.REQUESTED
    assert waiting.requested_by == staff and waiting.requested_at is not None
    listed = client.get("/admin/translations/").content.decode()
    assert "Requested by erin" in listed and "Not in English (Gujarati)" in listed

    # A blank translation is refused clearly, and what was typed is kept.
    page = client.get(f"/admin/translations/{waiting.pk}/")
    assert page.status_code == 200 and GUJARATI in page.content.decode()
    refused = client.post(
        f"/admin/translations/{waiting.pk}/", {"text": "  ", "translator_name": "Priya Shah"}
    )
    body = refused.content.decode()
    assert refused.status_code == 400
    assert "There is a problem" in body and 'href="#id_text">Enter the English translation' in body
    assert 'value="Priya Shah"' in body

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(
            f"/admin/translations/{waiting.pk}/",
            {"text": ENGLISH, "translator_name": "Priya Shah (interpreter)"},
        )
    assert saved.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == TranslationStatus.TRANSLATED
    assert (waiting.text, waiting.translator_name) == (ENGLISH, "Priya Shah (interpreter)")
    assert waiting.entered_by == staff and waiting.translated_at is not None
    answer.refresh_from_db()
    assert answer.text == GUJARATI  # the original is kept
    # The same job tagged the English: its evidence is words of the translation.
    tags = list(Tag.objects.filter(answer=answer))
    assert tags, "the translation was not tagged"
    assert all(t.evidence == "" or t.evidence.lower() in ENGLISH.lower() for t in tags), [
        t.evidence for t in tags
    ]
    # Screened: nothing in the English, so only the language concern (unchanged) remains.
    assert list(SafeguardingFlag.objects.values_list("method", flat=True)) == [FlagMethod.LANGUAGE]
    # No longer waiting; the review screen shows the English beside the marked original.
    assert "No feedback is waiting" in client.get("/admin/translations/").content.decode()
    review = client.get("/admin/tagging/review/").content.decode()
    assert "English translation" in review and "Translated by Priya Shah" in review
    assert ENGLISH in review and GUJARATI in review
    actions = set(
        AuditEvent.objects.filter(target=waiting.target, user=staff).values_list(
            "action", flat=True
        )
    )
    assert {
        AuditAction.REQUEST_TRANSLATION,
        AuditAction.ENTER_TRANSLATION,
        AuditAction.VIEW_TRANSLATION,
    } <= actions


def test_a_disclosure_only_the_translation_shows_is_flagged_and_held_from_insight(
    client, staff, django_user_model, django_capture_on_commit_callbacks
):
    answer = gujarati_answer(django_capture_on_commit_callbacks)
    flag = SafeguardingFlag.objects.get(answer=answer)
    # The lead cannot read Gujarati but releases the concern; the answer reaches insight.
    lead = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    safeguarding_services.flag_release(flag_id=flag.pk, user=lead)
    gujarati = Filters(language="gu")
    assert insight_answers().filter(gujarati.responses("response__"), pk=answer.pk).exists()

    waiting = TextTranslation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/translations/{waiting.pk}/",
            {"text": DISCLOSURE, "translator_name": "Leicester interpreting service"},
        )
    flag.refresh_from_db()
    assert flag.method != FlagMethod.LANGUAGE and "not-english" not in flag.categories
    assert flag.excerpt == DISCLOSURE
    assert flag.released_at is None  # held again: never in quotes or insight until released
    assert not insight_answers().filter(pk=answer.pk).exists()
    client.force_login(lead)  # the lead's page shows the original, marked, and the English
    page = client.get(reverse("safeguarding_admin:flag", args=[flag.pk])).content.decode()
    assert "Not in English (Gujarati)" in page and GUJARATI in page
    assert "English translation by Leicester interpreting service" in page


def test_anonymising_a_response_removes_its_translation(staff, django_capture_on_commit_callbacks):
    answer = gujarati_answer(django_capture_on_commit_callbacks)
    waiting = TextTranslation.objects.get()
    from languages.services import translation_enter

    translation_enter(
        translation_id=waiting.pk, text=ENGLISH, translator_name="Priya Shah", user=staff
    )
    feedback_services.response_anonymise(response=answer.response)
    assert not TextTranslation.objects.exists()
