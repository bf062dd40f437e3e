"""Reference codes: unguessable (>= 40 bits from secrets), easy to read aloud, unique."""

import math

import pytest

from feedback import reference
from feedback.reference import (
    ALPHABET,
    ENTROPY_BITS,
    reference_display,
    reference_generate,
    reference_normalise,
)
from feedback.services import response_start
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db


def test_alphabet_leaves_out_characters_people_confuse():
    for confusable in "0O1I":
        assert confusable not in ALPHABET
    assert len(set(ALPHABET)) == len(ALPHABET) == 32


def test_codes_carry_at_least_40_bits_of_randomness_from_secrets(monkeypatch):
    assert ENTROPY_BITS >= 40
    assert math.isclose(ENTROPY_BITS, len(reference_generate()) * math.log2(len(ALPHABET)))
    calls = []
    real_choice = reference.secrets.choice
    monkeypatch.setattr(
        reference.secrets, "choice", lambda seq: calls.append(1) or real_choice(seq)
    )
    reference_generate()
    assert len(calls) == reference.LENGTH


def test_codes_use_only_the_alphabet_and_are_distinct():
    codes = {reference_generate() for _ in range(20_000)}
    assert len(codes) == 20_000
    assert all(set(code) <= set(ALPHABET) and len(code) == 10 for code in codes)


def test_display_groups_for_reading_aloud_and_typing_back_is_forgiving():
    assert reference_display("K7QHM3XW9C") == "K7QH-M3XW-9C"
    assert reference_normalise("k7qh m3xw 9c") == "K7QHM3XW9C"
    assert reference_normalise(" K7QH-M3XW-9C ") == "K7QHM3XW9C"
    assert reference_normalise("K7QH-M3XW-90") is None  # 0 is never in a code
    assert reference_normalise("K7QH") is None
    assert reference_normalise("") is None


def test_each_response_gets_a_unique_reference_even_when_one_clashes(monkeypatch):
    survey = survey_page()
    first = response_start(survey=survey)
    codes = iter([first.reference, "ABCDEFGHJK"])
    monkeypatch.setattr("feedback.services.reference_generate", lambda: next(codes))
    second = response_start(survey=survey)
    assert second.reference == "ABCDEFGHJK"
    assert first.reference != second.reference
