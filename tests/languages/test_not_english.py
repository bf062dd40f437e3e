"""Texts not in English go to a person: the English-only safeguarding screen never passes
them silently. The lead sees which language, and the flag says the screen could not read it."""

import pytest
from django.test import override_settings

from safeguarding.models import FlagMethod, FlagSeverity, SafeguardingFlag
from safeguarding.screen.categories import category_label
from tasks.tasks import tag_response
from tests.safeguarding.test_screening import BENIGN, submitted

pytestmark = pytest.mark.django_db

GUJARATI = "ડૉક્ટર ખૂબ સારા હતા, પણ મારે લાંબી રાહ જોવી પડી"
URDU = "ڈاکٹر بہت اچھے تھے لیکن مجھے انتظار کرنا پڑا"


@pytest.mark.parametrize(("text", "name"), [(GUJARATI, "Gujarati"), (URDU, "Urdu")])
@override_settings(SAFEGUARDING_NOTIFY_EMAILS=["safeguarding@nhs.example"])
def test_an_answer_in_another_language_is_sent_to_a_person(
    text, name, django_capture_on_commit_callbacks
):
    response = submitted(BENIGN[0], text)
    with django_capture_on_commit_callbacks(execute=True):
        tag_response(response.id)  # the tagging job screens too
    flag = SafeguardingFlag.objects.get()  # the English answer raised nothing
    assert flag.answer_id == response.answers.order_by("id").last().id
    assert flag.method == FlagMethod.LANGUAGE
    assert flag.get_method_display() == "Not in English: a person must read it"
    assert flag.severity == FlagSeverity.CONCERN
    assert flag.categories == ["not-english"]
    assert flag.phrases == [name]
    assert flag.excerpt == text
    assert category_label("not-english").startswith("Not in English")


def test_a_disclosure_in_english_still_wins_over_the_language_note():
    response = submitted("he hits me and i am scared")
    tag_response(response.id)
    flag = SafeguardingFlag.objects.get()
    assert flag.method != FlagMethod.LANGUAGE
    assert "not-english" not in flag.categories


def test_english_answers_raise_nothing():
    response = submitted(*BENIGN[:2])
    tag_response(response.id)
    assert not SafeguardingFlag.objects.exists()
