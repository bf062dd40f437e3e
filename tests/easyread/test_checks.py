"""Tests for the pure easy-read checks (no Django, no database)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from easyread import words
from easyread.checks import (
    MAX_PAGE_WORDS,
    SEVERITIES,
    Code,
    Finding,
    Severity,
    check_page,
    check_point,
    check_text,
    count_syllables,
    split_sentences,
)


def codes(text: str, **kwargs) -> list[str]:
    return [f.code for f in check_text(text, **kwargs)]


def only(text: str, code: Code, **kwargs) -> list[Finding]:
    return [f for f in check_text(text, **kwargs) if f.code == code]


REALISTIC = """\
Your annual health check
If you have a learning disability, you can have a health check every year.
This is called an annual health check.
It is for people aged 14 and over.
Your doctor or nurse will check your weight and your blood pressure.
They will ask how you are feeling.
You can bring someone with you, like a carer or a friend.
Ask your doctor's surgery to book a time for you.
If you need help, tell the staff. They can give you a longer appointment.
You can ask for an easy read letter.
Going to hospital
Take your hospital passport with you.
It tells the staff what you like and what you do not like.
The nurses and doctors will look after you.
If you do not understand, ask them to say it again.
You can call us on 0116 225 6000 or visit www.nhs.uk.
"""
GLOSSARY = ["annual health check", "hospital passport"]


# --- severities and shape -----------------------------------------------------------------


def test_only_picture_and_alt_text_problems_are_errors():
    errors = {code for code, severity in SEVERITIES.items() if severity is Severity.ERROR}
    assert errors == {Code.PICTURE_MISSING, Code.ALT_TEXT_MISSING}
    assert set(SEVERITIES) == set(Code)


def test_codes_are_stable_kebab_case_strings():
    assert all(code.value == code.value.lower() and " " not in code.value for code in Code)
    assert Code.SENTENCE_LONG == "sentence-long"
    assert Code.SENTENCE_TOO_LONG == "sentence-too-long"


def test_text_findings_are_all_warnings_with_plain_messages():
    text = (
        "Commissioning twelve multidisciplinary interventions for 45% of the NHS budget "
        "of £1,500,000, which was agreed; is hard, slow, and dull."
    )
    findings = check_text(text)
    assert {f.code for f in findings} >= {
        Code.SENTENCE_LONG,
        Code.ONE_IDEA,
        Code.PASSIVE_VOICE,
        Code.NUMBER_WORD,
        Code.PERCENT,
        Code.BIG_NUMBER,
        Code.ACRONYM,
        Code.HARD_WORD,
    }
    for finding in findings:
        assert finding.severity is Severity.WARNING
        assert not finding.blocking
        assert finding.message.endswith(".")
        assert finding.excerpt
        assert len(finding.excerpt) <= 81


def test_finding_is_immutable():
    finding = check_text("Call the NHS.")[0]
    with pytest.raises(AttributeError):
        finding.code = "other"  # type: ignore[misc]


def test_module_does_not_import_django():
    code = (
        "import sys, easyread.checks; sys.exit(any(m.startswith('django') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- sentence splitting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I like tea. I like cake.", ["I like tea.", "I like cake."]),
        ("Is it free? Yes! It is.", ["Is it free?", "Yes!", "It is."]),
        ("Dr. Patel will see you.", ["Dr. Patel will see you."]),
        (
            "See Mrs. Khan and Dr Shah. They are kind.",
            ["See Mrs. Khan and Dr Shah.", "They are kind."],
        ),
        ("Bring things, e.g. Your letter.", ["Bring things, e.g. Your letter."]),
        (
            "Bring things e.g. your letter. Then sit.",
            ["Bring things e.g. your letter.", "Then sit."],
        ),
        ("It costs 3.5 pounds. That is cheap.", ["It costs 3.5 pounds.", "That is cheap."]),
        ("Visit nhs.uk. Then rest.", ["Visit nhs.uk.", "Then rest."]),
        ("Go to room No. 5 today.", ["Go to room No. 5 today."]),
        ("I said no. We left.", ["I said no.", "We left."]),
        ("J. Smith is here.", ["J. Smith is here."]),
        ("I went home. then I slept.", ["I went home. then I slept."]),
        (
            "She said \u201cHello.\u201d Then she left.",
            ["She said \u201cHello.\u201d", "Then she left."],
        ),
        (
            "Things you need\n- your letter\n- a drink",
            ["Things you need", "your letter", "a drink"],
        ),
        (
            "1. Book a time\n2) Go to the surgery\na) Sit down",
            ["Book a time", "Go to the surgery", "Sit down"],
        ),
        ("\u2022 Tea\n* Cake\n\n\n", ["Tea", "Cake"]),
        ("Line one\r\nLine two", ["Line one", "Line two"]),
        ("", []),
        ("  \n - \n", []),
        ("Wait... What now?", ["Wait...", "What now?"]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


# --- sentence length ------------------------------------------------------------------------


def sentence_of(n: int) -> str:
    return " ".join(["cat"] * n) + "."


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, []),
        (15, []),
        (16, [Code.SENTENCE_LONG]),
        (20, [Code.SENTENCE_LONG]),
        (21, [Code.SENTENCE_TOO_LONG]),
        (40, [Code.SENTENCE_TOO_LONG]),
    ],
)
def test_sentence_length(n, expected):
    assert codes(sentence_of(n)) == expected


def test_sentence_length_message_and_counting():
    [finding] = check_text(sentence_of(22))
    assert "22 words" in finding.message
    assert "15 words or fewer" in finding.message
    assert finding.severity is Severity.WARNING
    # "1,000", "don't" and "easy-read" are 1 word each; a link is 1 word.
    assert codes("I don't want 1,000 easy-read cats from www.example.com/a/b/c today.") == [
        Code.BIG_NUMBER
    ]


def test_long_excerpt_is_shortened_at_a_word():
    [finding] = check_text(sentence_of(30))
    assert finding.excerpt.endswith("\u2026")
    assert finding.excerpt.startswith("cat cat")


# --- one idea per sentence ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Bring tea, cake, and milk.", "2 commas"),
        ("We help; we listen.", "a semicolon"),
        ("Bring this: your letter.", "a colon"),
        ("We help - and we listen.", "a dash"),
        ("We help \u2013 and we listen.", "a dash"),
        ("We help\u2014and we listen.", "a dash"),
        ("We help -- and we listen.", "a dash"),
    ],
)
def test_one_idea_flags(text, reason):
    [finding] = only(text, Code.ONE_IDEA)
    assert reason in finding.message
    assert finding.excerpt == text


@pytest.mark.parametrize(
    "text",
    [
        "Bring tea, cake and milk.",
        "We have 1,000,000 cats.",  # digit commas are not commas
        "The meeting is at 10:30.",
        "You can bring:",  # a colon that starts a list is good practice
        "We are open 9am - 5pm.",  # a range, not a dash
        "We are open Monday\u2013Friday.",
        "Fill in the well-being form.",
    ],
)
def test_one_idea_passes(text):
    assert only(text, Code.ONE_IDEA) == []


def test_one_idea_lists_all_reasons_in_one_finding():
    [finding] = only(
        "You can: see a nurse; get help, ask, or go - it is up to you.", Code.ONE_IDEA
    )
    assert "2 commas, a semicolon, a colon and a dash" in finding.message


# --- passive voice --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("You will be told by the nurse.", "be told"),
        ("You were given a letter.", "were given"),
        ("The letter was sent to you.", "was sent"),
        ("Your care is being reviewed.", "is being reviewed"),
        ("They were not told.", "were not told"),
        ("Your views are really valued.", "are really valued"),
        ("You are invited.", "are invited"),
        ("You\u2019re invited to the party.", "You\u2019re invited"),
        ("It has been agreed.", "been agreed"),
        ("I got paid.", "got paid"),
        ("Help is needed.", "is needed"),
    ],
)
def test_passive_voice_flags(text, phrase):
    [finding] = only(text, Code.PASSIVE_VOICE)
    assert finding.excerpt == phrase
    assert phrase in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "I am tired.",
        "I'm worried.",
        "We are going home.",
        "She is a nurse.",
        "I was born in 1990.",
        "The shop is closed.",
        "This is called an annual health check.",
        "You are allowed to bring a friend.",
        "Get dressed.",
        "You will get used to it.",
        "It is red.",
        "The nurse told you.",
        "We need help.",
    ],
)
def test_passive_voice_passes(text):
    assert only(text, Code.PASSIVE_VOICE) == []


def test_passive_voice_one_finding_per_sentence():
    assert len(only("You were told and you were given a letter.", Code.PASSIVE_VOICE)) == 1


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms", "tip"),
    [
        ("Twelve people came.", ("Twelve",), "write 12, not twelve"),
        ("Thirty people came.", ("Thirty",), "write 30, not thirty"),
        ("Twenty-five people came.", ("Twenty-five",), "write 25, not twenty-five"),
        ("Two or three people came.", ("Two", "three"), "write 2, not two"),
        ("About a thousand people came.", ("thousand",), "write 1 thousand, not a thousand"),
    ],
)
def test_number_words_flag(text, terms, tip):
    [finding] = only(text, Code.NUMBER_WORD)
    assert finding.terms == terms
    assert tip in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "12 people came.",
        "About 1 thousand people came.",
        "Thousands of people came.",
        "No one came.",  # "one" is mostly a pronoun, so it is left alone
        "Someone came often.",
    ],
)
def test_number_words_pass(text):
    assert only(text, Code.NUMBER_WORD) == []


@pytest.mark.parametrize(
    ("text", "say"),
    [
        ("It is 25%.", "1 in 4"),
        ("It is 50 %.", "1 in 2"),
        ("It is 10 percent.", "1 in 10"),
        ("It is 20 per cent.", "1 in 5"),
        ("It is 45%.", "45 out of 100"),
        ("It is 100%.", "all"),
        ("A percentage of people.", "out of 100"),
    ],
)
def test_percent_flags(text, say):
    [finding] = only(text, Code.PERCENT)
    assert say in finding.message
    assert Code.HARD_WORD not in codes(text)


@pytest.mark.parametrize(
    ("text", "say"),
    [
        ("We have 1,000 beds.", "1 thousand"),
        ("We have 1000 beds.", "1 thousand"),
        ("We have 12,500 beds.", "more than 12 thousand"),
        ("We have 2,000 beds.", "2 thousand"),  # a comma means an amount, not a year
        ("It cost \u00a32024.", "more than \u00a32 thousand"),  # money, not a year
        ("In 2100 it ends.", "more than 2 thousand"),
        ("In 1899 it began.", "more than 1 thousand"),
        ("It cost \u00a31,500,000.", "more than \u00a31 million"),
        ("We saw 3,000,000 people.", "3 million"),
    ],
)
def test_big_numbers_flag(text, say):
    [finding] = only(text, Code.BIG_NUMBER)
    assert f"\u2018{say}\u2019" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "We have 999 beds.",
        "It is 3.5 miles.",
        "In 2024 we met.",  # years 1900-2099 are fine
        "In 1999 I moved.",
        "The plan for 2024/25 is ready.",
        "Call 0116 225 6000.",
        "Call 07700 900123.",
        "Go to ward B1000.",
        "The postcode is LE1 6TH.",
    ],
)
def test_big_numbers_pass(text):
    assert only(text, Code.BIG_NUMBER) == []


def test_all_big_numbers_in_one_finding():
    [finding] = only("We have 1,000 beds and 2,500 chairs.", Code.BIG_NUMBER)
    assert finding.terms == ("1,000", "2,500")


# --- acronyms and capitals ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("See your GP.", ("GP",)),
        ("The NHS can help.", ("NHS",)),
        ("Use the LD&A hub.", ("LD&A",)),
        ("Ask about your CETR.", ("CETR",)),
        ("Go to A&E.", ("A&E",)),
        ("Ask your GPs.", ("GPs",)),
        ("This is NHS-funded.", ("NHS",)),
        ("Your GP and the NHS can help.", ("GP", "NHS")),
    ],
)
def test_acronyms_flag(text, terms):
    [finding] = only(text, Code.ACRONYM)
    assert finding.terms == terms
    assert "glossary" in finding.message


@pytest.mark.parametrize(
    "text",
    ["I am here.", "A man came.", "I am OK.", "Watch TV.", "We met Sarah in Leicester."],
)
def test_acronyms_pass(text):
    assert only(text, Code.ACRONYM) == []
    assert only(text, Code.ALL_CAPS) == []


def test_all_capital_words_are_flagged_separately():
    [finding] = only("PLEASE come to the MEETING.", Code.ALL_CAPS)
    assert finding.terms == ("PLEASE", "MEETING")
    assert "capital letters" in finding.message
    assert only("PLEASE come to the MEETING.", Code.ACRONYM) == []


@pytest.mark.parametrize(
    ("text", "glossary"),
    [
        ("See your GP.", ["GP"]),
        ("See your GP.", ["gp"]),  # any case
        ("Ask your GPs.", ["GP"]),  # plurals
        ("Ask about your CETR.", ["CETR", "other"]),
        ("Use the LD&A hub.", ["LD&A"]),
        ("Ask about your CETR.", (term for term in ["CETR"])),  # any iterable
    ],
)
def test_glossary_exempts_acronyms(text, glossary):
    assert codes(text, glossary=glossary) == []


# --- hard words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["commissioning", "multidisciplinary", "intervention", "safeguarding", "annual"]
)
def test_hard_words_flag(word):
    [finding] = only(f"We talked about {word} today.", Code.HARD_WORD)
    assert finding.terms == (word,)
    assert finding.excerpt == word


@pytest.mark.parametrize(
    "text",
    [
        "You can see your doctor every year.",
        "The nurse will help you at home.",
        "Your carer can come to the hospital with you.",
        "Bring your tablets and medicine to your appointment.",
        "We visited the carers on Monday and Tuesday in January.",
        "Tell us what you think about the easy read letter.",
        "I don't know, but we're happy to help.",
        "Your family and friends are important.",
        "The doctors stopped the bleeding and everybody was happier.",
        "We met Sarah and Priya in Leicestershire.",  # names mid-sentence are skipped
    ],
)
def test_simple_sentences_have_no_hard_words(text):
    assert only(text, Code.HARD_WORD) == []


def test_hard_words_one_finding_per_sentence_with_all_words():
    [finding] = only("Commissioning a multidisciplinary intervention is hard.", Code.HARD_WORD)
    assert finding.terms == ("Commissioning", "multidisciplinary", "intervention")
    assert "glossary" in finding.message


def test_hard_word_message_suggests_a_simpler_word():
    [finding] = only("We will assist you.", Code.HARD_WORD)
    assert "\u2018help\u2019" in finding.message
    [finding] = only("We will ensure you receive it.", Code.HARD_WORD)
    assert "\u2018make sure\u2019 for \u2018ensure\u2019" in finding.message


@pytest.mark.parametrize(
    ("text", "glossary"),
    [
        ("We talked about commissioning.", ["Commissioning"]),
        ("You can have an annual health check.", ["annual health check"]),
        ("You can have 2 annual health checks.", ["Annual Health Check"]),
        ("You can have an annual  health check.", ["annual health"]),
    ],
)
def test_glossary_exempts_hard_words(text, glossary):
    assert only(text, Code.HARD_WORD, glossary=glossary) == []


def test_multiword_glossary_term_only_covers_the_phrase():
    text = "An annual health check is annual."
    [finding] = only(text, Code.HARD_WORD, glossary=["annual health check"])
    assert finding.terms == ("annual",)


# --- points ---------------------------------------------------------------------------------


def point(**kwargs) -> list[Finding]:
    defaults = {
        "sentences": ["You can see your doctor."],
        "pictures": 1,
        "alt_texts": ["A doctor"],
    }
    return check_point(**{**defaults, **kwargs})


def test_good_point_has_no_findings():
    assert point() == []


def test_point_without_picture_is_an_error():
    [finding] = point(pictures=0, alt_texts=[])
    assert finding.code == Code.PICTURE_MISSING
    assert finding.severity is Severity.ERROR
    assert finding.blocking


@pytest.mark.parametrize("alt", [None, "", "   "])
def test_picture_without_alt_text_is_an_error(alt):
    [finding] = point(alt_texts=[alt])
    assert finding.code == Code.ALT_TEXT_MISSING
    assert finding.severity is Severity.ERROR
    assert finding.excerpt == "Picture 1"


def test_missing_alt_text_entries_count_as_missing():
    findings = point(pictures=2, alt_texts=["A doctor"])
    assert [(f.code, f.excerpt) for f in findings] == [(Code.ALT_TEXT_MISSING, "Picture 2")]


def test_decorative_picture_needs_no_alt_text():
    assert point(pictures=2, alt_texts=["A doctor", ""], decorative=[False, True]) == []


def test_more_than_two_pictures_is_a_warning():
    findings = point(pictures=3, alt_texts=["a", "b", "c"])
    assert [(f.code, f.severity) for f in findings] == [(Code.TOO_MANY_PICTURES, Severity.WARNING)]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["I eat.", "I sleep.", "I walk."], []),
        (["I eat. I sleep. I walk."], []),
        (["I eat. I sleep.", "I walk. I run."], [Code.TOO_MANY_SENTENCES]),
    ],
)
def test_sentences_per_point(sentences, expected):
    assert [f.code for f in point(sentences=sentences)] == expected


def test_point_runs_text_checks_on_each_sentence_after_point_checks():
    findings = point(pictures=0, alt_texts=[], sentences=["See your GP.", "Ask about your CETR."])
    assert [f.code for f in findings] == [Code.PICTURE_MISSING, Code.ACRONYM, Code.ACRONYM]
    assert point(sentences=["See your GP."], glossary=["GP"]) == []


def test_point_rejects_more_alt_texts_than_pictures():
    with pytest.raises(ValueError):
        point(pictures=1, alt_texts=["a", "b"])


# --- pages ----------------------------------------------------------------------------------


def test_page_word_limit():
    block = " ".join(["word"] * 500)
    assert check_page([block, block]) == []  # exactly 1,000
    [finding] = check_page([block, block, "one more"])
    assert finding.code == Code.PAGE_LONG
    assert finding.severity is Severity.WARNING
    assert "1,002 words" in finding.message
    assert f"{MAX_PAGE_WORDS:,} words or fewer" in finding.message


def test_empty_page():
    assert check_page([]) == []


# --- word helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),
        ("the", 1),
        ("nurse", 1),
        ("helped", 1),
        ("wanted", 2),
        ("doctor", 2),
        ("table", 2),
        ("places", 2),
        ("every", 2),
        ("people", 2),
        ("someone", 2),
        ("being", 2),
        ("trying", 2),
        ("lovely", 2),
        ("hospital", 3),
        ("family", 3),
        ("medicine", 3),
        ("radio", 3),
        ("usual", 3),
        ("hundred", 2),
        ("appointment", 3),
        ("autism", 3),
        ("intervention", 4),
        ("commissioning", 4),
        ("information", 4),
        ("disability", 5),
        ("multidisciplinary", 7),
        ("", 0),
    ],
)
def test_count_syllables(word, expected):
    assert count_syllables(word) == expected


def test_easy_word_list_is_generous_and_shipped():
    easy = words.easy_words()
    assert len(easy) > 5_000
    for word in ["doctor", "nurse", "hospital", "help", "home", "carer", "monday", "january"]:
        assert word in easy
    for word in ["commissioning", "intervention", "ensure", "assist", "retarded"]:
        assert word not in easy
    assert words.easy_words() is easy  # loaded once


@pytest.mark.parametrize(
    ("word", "easy"),
    [
        ("carers", True),
        ("appointments", True),
        ("stopped", True),
        ("happier", True),
        ("families", True),
        ("don't", True),
        ("don\u2019t", True),
        ("well-being", True),
        ("assisted", False),
        ("commissioners", False),
    ],
)
def test_is_easy_word_handles_inflections(word, easy):
    assert words.is_easy_word(word) is easy


# --- the whole thing ------------------------------------------------------------------------


def test_realistic_easy_read_text_has_no_findings():
    assert check_text(REALISTIC, glossary=GLOSSARY) == []


def test_realistic_points_have_no_findings():
    points = [
        ["If you have a learning disability, you can have a health check every year."],
        ["This is called an annual health check.", "It is for people aged 14 and over."],
        ["If you need help, tell the staff. They can give you a longer appointment."],
    ]
    for sentences in points:
        findings = check_point(
            sentences=sentences, pictures=1, alt_texts=["A nurse"], glossary=GLOSSARY
        )
        assert findings == []
