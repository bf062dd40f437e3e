"""The not-English detector (pure, no Django): texts written for this test, before tuning."""

import pytest

from languages.detect import text_language

NOT_ENGLISH = [
    ("ડૉક્ટર ખૂબ સારા હતા, પણ મારે લાંબી રાહ જોવી પડી", "gu"),
    ("ਡਾਕਟਰ ਬਹੁਤ ਚੰਗੇ ਸਨ", "pa"),
    ("ڈاکٹر بہت اچھے تھے لیکن مجھے انتظار کرنا پڑا", "ur"),
    ("كان الطبيب لطيفا جدا", "ar"),
    ("Lekarz był bardzo miły, ale czekałam długo", "pl"),
    ("Dhakhtarka waa uu fiican yahay laakiin waan sugay", "so"),
]
ENGLISH = [
    "The doctor was very kind but I had to wait a long time.",
    "I did not get a letter about my health check",
    "ok",
    "Nurse Priya was lovely",
    "",
]


@pytest.mark.parametrize(("text", "code"), NOT_ENGLISH)
def test_other_languages_are_not_english(text, code):
    found = text_language(text)
    assert not found.english
    assert found.code == code


@pytest.mark.parametrize("text", ENGLISH)
def test_english_and_too_short_texts_are_english(text):
    assert text_language(text).english


def test_a_gujarati_answer_with_an_english_word_is_still_gujarati():
    assert text_language("મારા GP ખૂબ સારા હતા").code == "gu"
