"""Easy-read checks as pure functions, shared by block clean(), the editor, commands and jobs.

Each check has a stable ``code`` (safe to store, filter on and translate) and a plain, kind
message that tells the editor what to do. Only a missing picture or missing alt text is an
ERROR (it blocks publishing); everything else is a WARNING shown next to the block, because
easy read is a judgement and editors must be able to overrule the rules of thumb.

Input is plain text: strip HTML first. Line breaks end sentences, so list items and headings
without full stops are checked one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from easyread.words import (
    NUMBER_WORDS,
    SCALE_WORDS,
    TOKEN_RE,
    count_syllables,
    count_words,
    data_words,
    is_easy_word,
    normalise,
    simpler_word,
)

__all__ = [
    "MAX_PAGE_WORDS",
    "MAX_POINT_PICTURES",
    "MAX_POINT_SENTENCES",
    "MAX_SENTENCE_WORDS",
    "SEVERITIES",
    "WARN_SENTENCE_WORDS",
    "Code",
    "Finding",
    "Severity",
    "check_page",
    "check_point",
    "check_text",
    "count_syllables",
    "count_words",
    "split_sentences",
]

WARN_SENTENCE_WORDS = 15  # more than this: "sentence-long"
MAX_SENTENCE_WORDS = 20  # more than this: "sentence-too-long" (still a warning)
MAX_POINT_SENTENCES = 3
MAX_POINT_PICTURES = 2
MAX_PAGE_WORDS = 1_000
_EXCERPT_CHARS = 80


class Severity(StrEnum):
    ERROR = "error"  # blocks publishing
    WARNING = "warning"  # shown to the editor, never blocks


class Code(StrEnum):
    """Stable identifiers for each check; never rename one, add a new code instead."""

    SENTENCE_LONG = "sentence-long"
    SENTENCE_TOO_LONG = "sentence-too-long"
    ONE_IDEA = "one-idea"
    PASSIVE_VOICE = "passive-voice"
    NUMBER_WORD = "number-word"
    PERCENT = "percent"
    BIG_NUMBER = "big-number"
    ACRONYM = "acronym"
    ALL_CAPS = "all-caps"
    HARD_WORD = "hard-word"
    PICTURE_MISSING = "picture-missing"
    ALT_TEXT_MISSING = "alt-text-missing"
    TOO_MANY_PICTURES = "too-many-pictures"
    TOO_MANY_SENTENCES = "too-many-sentences"
    PAGE_LONG = "page-long"


# The one place severity is decided: only picture problems block publishing.
SEVERITIES: dict[Code, Severity] = {
    code: Severity.ERROR
    if code in {Code.PICTURE_MISSING, Code.ALT_TEXT_MISSING}
    else Severity.WARNING
    for code in Code
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: what (code), how bad (severity), what to do (message) and where (excerpt).

    ``terms`` lists the exact words concerned (e.g. hard words) so the editor can highlight
    them or offer to add them to the glossary.
    """

    code: str
    severity: Severity
    message: str
    excerpt: str = ""
    terms: tuple[str, ...] = ()

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR


def _finding(code: Code, message: str, excerpt: str = "", terms: Iterable[str] = ()) -> Finding:
    return Finding(code.value, SEVERITIES[code], message, excerpt, tuple(terms))


def _excerpt(text: str) -> str:
    """Shorten long sentences at a word boundary; the start is enough to find it."""
    text = " ".join(text.split())
    if len(text) <= _EXCERPT_CHARS:
        return text
    return text[:_EXCERPT_CHARS].rsplit(" ", 1)[0] + "\u2026"


def _quote_list(words: Sequence[str]) -> str:
    quoted = [f"\u2018{word}\u2019" for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


# --- sentences -------------------------------------------------------------------------------

_LIST_MARKER_RE = re.compile(
    r"^\s*(?:[-*\u2022\u25aa\u25e6\u2023\u2013\u2014]|\(?\d{1,2}[.)]|\(?[a-zA-Z]\))\s+"
)
_BOUNDARY_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+")
_OPENERS = "\"'\u201c\u2018(["
# Words that end with a full stop but not a sentence ("Dr. Patel", "e.g. this").
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "mx", "dr", "prof", "st", "rev", "sr", "jr"})
_ABBREVIATIONS |= {"eg", "ie", "vs", "approx", "dept", "tel", "fig", "ref", "ext", "cf"}
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences.

    Line breaks always end a sentence (lists and headings often have no full stop) and list
    markers ("- ", "1. ", "a) ") are dropped. A full stop ends a sentence only before a
    capital letter or digit, and not after an abbreviation ("Dr.", "e.g.") or an initial;
    "3.5" and "nhs.uk" are safe because there is no space after the dot.
    """
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = _LIST_MARKER_RE.sub("", raw_line, count=1).strip()
        sentences.extend(s for s in _split_line(line) if TOKEN_RE.search(s))
    return sentences


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(line):
        rest = line[match.end() :].lstrip(_OPENERS)
        if not rest:
            break
        punctuation = match.group().strip()
        if "?" not in punctuation and "!" not in punctuation:
            if not (rest[0].isupper() or rest[0].isdigit()):
                continue
            if _ends_with_abbreviation(line[start : match.start()], rest):
                continue
        parts.append(line[start : match.end()].strip())
        start = match.end()
    parts.append(line[start:].strip())
    return [part for part in parts if part]


def _ends_with_abbreviation(before: str, rest: str) -> bool:
    found = _LAST_WORD_RE.search(before)
    if not found:
        return False
    word = found.group(1)
    if "." in word:  # "e.g", "a.m", "U.K"; but not a link like "nhs.uk"
        return all(len(segment) <= 2 for segment in word.split("."))
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    if word.lower() in {"no", "nos"}:  # "No. 5", but "I said no. Then..."
        return rest[0].isdigit()
    return word.lower() in _ABBREVIATIONS


# --- text preparation ------------------------------------------------------------------------

_LINK_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|info)\b(?:/\S*)?",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(r"(?<![\w+])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w)")


def _placeholder(match: re.Match[str]) -> str:
    """One word that no check reacts to, padded so positions still match the original."""
    return "0".ljust(len(match.group()))


def _prepare(sentence: str) -> str:
    """Straight quotes; links, emails and phone numbers become 1 neutral word. Same length."""
    text = normalise(sentence)
    text = _LINK_RE.sub(_placeholder, text)
    return _PHONE_RE.sub(_placeholder, text)


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int
    first: bool  # first word of the sentence, so its capital letter means nothing
    whole: str  # the whole hyphenated word this is part of ("twenty-five")


def _words(text: str) -> list[_Word]:
    """Words with hyphenated words split into parts ("NHS-funded" -> "NHS", "funded")."""
    words: list[_Word] = []
    for match in TOKEN_RE.finditer(text):
        offset = match.start()
        for part in match.group().split("-"):
            if part:
                words.append(_Word(part, offset, offset + len(part), not words, match.group()))
            offset += len(part) + 1
    return words


# --- glossary --------------------------------------------------------------------------------


def _normalise_glossary(glossary: Iterable[str]) -> tuple[str, ...]:
    terms = {" ".join(normalise(term).lower().split()) for term in glossary}
    return tuple(sorted(term for term in terms if term))


@lru_cache(maxsize=64)
def _glossary_re(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all terms, longest first, allowing plurals ("GPs" for "GP")."""
    if not terms:
        return None
    alternatives = (
        r"\s+".join(re.escape(part) for part in term.split())
        for term in sorted(terms, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?:'?s|es)?(?!\w)", re.IGNORECASE)


def _glossary_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    pattern = _glossary_re(terms)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _covered(word: _Word, spans: list[tuple[int, int]]) -> bool:
    return any(start <= word.start and word.end <= end for start, end in spans)


# --- sentence checks -------------------------------------------------------------------------


def _check_length(sentence: str, text: str) -> list[Finding]:
    n = count_words(text)
    if n > MAX_SENTENCE_WORDS:
        message = (
            f"This sentence has {n} words. That is too long for easy read. "
            f"Split it into short sentences of {WARN_SENTENCE_WORDS} words or fewer."
        )
        return [_finding(Code.SENTENCE_TOO_LONG, message, _excerpt(sentence))]
    if n > WARN_SENTENCE_WORDS:
        message = (
            f"This sentence has {n} words. Easy read sentences should have "
            f"{WARN_SENTENCE_WORDS} words or fewer. Try to make it shorter."
        )
        return [_finding(Code.SENTENCE_LONG, message, _excerpt(sentence))]
    return []


_COMMA_RE = re.compile(r"(?<!\d),|,(?!\d)")
_COLON_RE = re.compile(r"(?<!\d):|:(?!\d)")  # not "10:30"
_SPACED_DASH_RE = re.compile(r"(\S*)\s+[-\u2013]+\s+(\S*)")


def _has_dash(text: str) -> bool:
    if "\u2014" in text or "--" in text:
        return True
    # A spaced hyphen or en dash joins two ideas, unless it is a range: "9am - 5pm".
    return any(
        not (re.search(r"\d", m.group(1)) and re.search(r"\d", m.group(2)))
        for m in _SPACED_DASH_RE.finditer(text)
    )


def _check_one_idea(sentence: str, text: str) -> list[Finding]:
    reasons = []
    commas = len(_COMMA_RE.findall(text))
    if commas >= 2:
        reasons.append(f"{commas} commas")
    if ";" in text:
        reasons.append("a semicolon")
    # A colon at the very end introduces a list, which is good easy-read practice.
    if _COLON_RE.search(text.rstrip().removesuffix(":")):
        reasons.append("a colon")
    if _has_dash(text):
        reasons.append("a dash")
    if not reasons:
        return []
    has = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
    message = (
        f"This sentence has {has}. It may have more than 1 idea. "
        "Try to have 1 idea in each sentence: split it up, or use a list."
    )
    return [_finding(Code.ONE_IDEA, message, _excerpt(sentence))]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BE = _wordset("am is are was were be been being isn't aren't wasn't weren't")
_GET = _wordset("get gets got gotten getting")
_ADVERBS = _wordset(
    "not never always often also still just already usually sometimes all then now only "
    "really soon being"
)
_IRREGULAR_PARTICIPLES = data_words("irregular_participles.txt")
# "-ed" words that are not past participles.
_NOT_PARTICIPLES = data_words("not_participles.txt")
_AGREED_LIKE = frozenset({"agreed", "freed", "guaranteed", "decreed", "refereed"})
# Adjectives that look like participles: "I am tired" is not passive.
_ADJECTIVES = data_words("participle_adjectives.txt")
# With "get", these make everyday phrases rather than passives: "get started", "get changed".
_GET_IDIOMS = frozenset({"started", "changed", "used", "ready", "better", "worse", "rid"})


def _is_participle(word: str) -> bool:
    if word in _IRREGULAR_PARTICIPLES:
        return True
    if not word.endswith("ed") or len(word) < 4 or word in _NOT_PARTICIPLES:
        return False
    return not word.endswith("eed") or word in _AGREED_LIKE


def _is_be(word: str) -> bool:
    return word in _BE or word.endswith(("'m", "'re"))


def _check_passive(sentence: str, text: str, words: list[_Word]) -> list[Finding]:
    lower = [w.text.lower() for w in words]
    for i, word in enumerate(lower):
        is_get = word in _GET
        if not (is_get or _is_be(word)):
            continue
        j = i + 1
        while j < len(lower) and j - i <= 3 and (lower[j] in _ADVERBS or lower[j].endswith("ly")):
            j += 1
        if j >= len(lower):
            break
        candidate = lower[j]
        if candidate in _ADJECTIVES or (is_get and candidate in _GET_IDIOMS):
            continue
        if _is_participle(candidate):
            phrase = sentence[words[i].start : words[j].end]
            message = (
                f"\u2018{phrase}\u2019 may be passive. Say who does the action, for example "
                "\u2018The nurse will call you\u2019, not \u2018You will be called\u2019."
            )
            return [_finding(Code.PASSIVE_VOICE, message, phrase, [phrase])]
    return []


_PERCENT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)|%|\bper\s?cent(?:age)?s?\b", re.I)
# A whole number, with thousands commas; not part of a code like "B1000" or "LE1".
_NUMBER_RE = re.compile(r"(?<![\w.,])([£$€]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w]|[.,]\d)")


def _check_numbers(text: str, words: list[_Word]) -> list[Finding]:
    return [
        *_check_number_words(words),
        *_check_percent(text),
        *_check_big_numbers(text),
    ]


def _check_number_words(words: list[_Word]) -> list[Finding]:
    """Number words should be digits. "one" is left alone: it is mostly "no one", "the one"."""
    found: list[str] = []
    for i, word in enumerate(words):
        lower = word.text.lower()
        if lower not in NUMBER_WORDS or lower == "one":
            continue
        if lower in SCALE_WORDS:
            # "1 thousand" is the easy-read way; "a thousand" and "two hundred" are not.
            before = words[i - 1].text.lower() if i else ""
            if before not in NUMBER_WORDS and before != "a":
                continue
        if word.whole.lower() not in (f.lower() for f in found):
            found.append(word.whole)
    if not found:
        return []
    example = next((w.lower() for w in found if _number_value(w)), None)
    if example:
        tip = f"For example, write {_number_value(example)}, not {example}."
    else:
        tip = f"For example, write 1 {found[0].lower()}, not a {found[0].lower()}."
    message = f"Write numbers as digits, because they are easier to read. {tip}"
    return [_finding(Code.NUMBER_WORD, message, ", ".join(found), found)]


def _number_value(word: str) -> int | None:
    """Value of "twelve" or "twenty-five"; None for scale words and non-numbers."""
    parts = word.lower().split("-")
    if all(part in NUMBER_WORDS and part not in SCALE_WORDS for part in parts):
        return sum(NUMBER_WORDS[part] for part in parts)
    return None


def _check_percent(text: str) -> list[Finding]:
    match = _PERCENT_RE.search(text)
    if not match:
        return []
    number = match.group(1)
    if number:
        value = float(number)
        ratio = 100 / value if value else 0
        if value == 100:
            say = "all"
        elif ratio and ratio == int(ratio) and ratio > 1:
            say = f"1 in {int(ratio)}"
        else:
            say = f"{number} out of 100"
        message = (
            f"Percentages are hard to understand. Instead of {number}%, "
            f"say \u2018{say}\u2019, or use words like \u2018most\u2019 or \u2018a few\u2019."
        )
    else:
        message = (
            "Percentages are hard to understand. Say \u2018out of 100\u2019 or "
            "\u2018in every 10\u2019, or use words like \u2018most\u2019 or \u2018a few\u2019."
        )
    return [_finding(Code.PERCENT, message, match.group(), [match.group()])]


def _say_big_number(currency: str, value: int) -> str:
    unit, name = (1_000_000, "million") if value >= 1_000_000 else (1_000, "thousand")
    whole, rest = divmod(value, unit)
    return f"{currency}{whole} {name}" if not rest else f"more than {currency}{whole} {name}"


def _check_big_numbers(text: str) -> list[Finding]:
    """Numbers of 1,000 or more, except years.

    A 4-digit number from 1900 to 2099 with no comma and no currency sign is taken to be a
    year ("in 2024"): years are easy to read and common in easy read. "2000 people" is
    missed by this, which is the lesser evil. Numbers starting with 0 are codes, not amounts.
    """
    found: list[tuple[str, str, int]] = []
    for match in _NUMBER_RE.finditer(text):
        currency, digits = match.groups()
        if digits.startswith("0"):
            continue
        value = int(digits.replace(",", ""))
        is_year = len(digits) == 4 and 1900 <= value <= 2099 and not currency
        if value >= 1_000 and not is_year:
            found.append((match.group(), currency, value))
    if not found:
        return []
    shown, currency, value = found[0]
    message = (
        f"Big numbers are hard to understand. Instead of {shown}, you could say "
        f"\u2018{_say_big_number(currency, value)}\u2019, or use a picture to show how many."
    )
    terms = [term for term, _, _ in found]
    return [_finding(Code.BIG_NUMBER, message, ", ".join(terms), terms)]


# Short forms so well known that explaining them would be odd.
_KNOWN_SHORT_FORMS = frozenset({"OK", "TV"})


def _capital_core(word: str) -> str | None:
    """The word without a plural "s" if it is in capitals ("GPs" -> "GP"), else None."""
    if word.islower() or word[1:].islower():
        return None  # fast path: "word", "Word"
    core = re.sub(r"'?s$", "", word) if len(word) > 2 else word
    letters = [c for c in core if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return core
    return None


def _check_capitals(words: list[_Word], spans: list[tuple[int, int]]) -> list[Finding]:
    acronyms: list[str] = []
    shouting: list[str] = []
    for word in words:
        core = _capital_core(word.text)
        if not core or core in _KNOWN_SHORT_FORMS or _covered(word, spans):
            continue
        is_word = core.isalpha() and len(core) >= 3 and is_easy_word(core.lower())
        bucket = shouting if is_word else acronyms
        if word.text not in bucket:
            bucket.append(word.text)
    findings = []
    if acronyms:
        one = len(acronyms) == 1
        message = (
            f"Explain what {_quote_list(acronyms)} {'means' if one else 'mean'}, or add "
            f"{'it' if one else 'them'} to the glossary. Many people do not know short forms."
        )
        findings.append(_finding(Code.ACRONYM, message, ", ".join(acronyms), acronyms))
    if shouting:
        message = (
            f"{_quote_list(shouting)} {'is' if len(shouting) == 1 else 'are'} in capital "
            "letters, which are harder to read. Use small letters, and bold if it needs to "
            "stand out. If it is a short form, explain it or add it to the glossary."
        )
        findings.append(_finding(Code.ALL_CAPS, message, ", ".join(shouting), shouting))
    return findings


def _check_hard_words(words: list[_Word], spans: list[tuple[int, int]]) -> list[Finding]:
    """Words that are long or uncommon and not explained in the glossary.

    Skipped: numbers, single letters, words in capitals (the capitals check covers them) and
    capitalised words mid-sentence, which are names of people and places ("Leicester").
    """
    hard: list[str] = []
    for word in words:
        text = word.text
        if (
            len(text) < 2
            or any(c.isdigit() for c in text)
            or _capital_core(text)
            or (text[0].isupper() and not word.first)
            or text.lower() in NUMBER_WORDS
            or text.lower().startswith("percent")  # the percent check explains these
            or _covered(word, spans)
            or is_easy_word(text)
        ):
            continue
        if text.lower() not in (h.lower() for h in hard):
            hard.append(text)
    if not hard:
        return []
    swaps = [(word, swap) for word in hard if (swap := simpler_word(word))]
    if len(hard) == 1:
        message = f"\u2018{hard[0]}\u2019 may be hard to understand. "
        message += (
            f"Try \u2018{swaps[0][1]}\u2019 instead."
            if swaps
            else "Use an easier word, or add it to the glossary and explain what it means."
        )
    else:
        message = f"These words may be hard to understand: {', '.join(hard)}. "
        message += "Use easier words, or add them to the glossary and explain what they mean."
        if swaps:
            message += " Try " + "; ".join(
                f"\u2018{swap}\u2019 for \u2018{word}\u2019" for word, swap in swaps
            )
            message += "."
    return [_finding(Code.HARD_WORD, message, ", ".join(hard), hard)]


def _check_sentence(sentence: str, terms: tuple[str, ...]) -> list[Finding]:
    text = _prepare(sentence)
    words = _words(text)
    spans = _glossary_spans(text, terms)
    return [
        *_check_length(sentence, text),
        *_check_one_idea(sentence, text),
        *_check_passive(sentence, text, words),
        *_check_numbers(text, words),
        *_check_capitals(words, spans),
        *_check_hard_words(words, spans),
    ]


# --- public API ------------------------------------------------------------------------------


def check_text(text: str, *, glossary: Iterable[str] = ()) -> list[Finding]:
    """All sentence and word checks, sentence by sentence, in reading order.

    Glossary terms (any case, several words allowed, plurals included) are exempt from the
    short-form, capitals and hard-word checks: the glossary is where they get explained.
    """
    terms = _normalise_glossary(glossary)
    return [f for sentence in split_sentences(text) for f in _check_sentence(sentence, terms)]


def check_point(
    *,
    sentences: Sequence[str],
    pictures: int,
    alt_texts: Sequence[str | None] = (),
    decorative: Sequence[bool] = (),
    glossary: Iterable[str] = (),
) -> list[Finding]:
    """Check one easy-read point: 1 picture (or 2) beside 1 to 3 short sentences.

    ``alt_texts[i]`` and ``decorative[i]`` describe picture ``i``; missing entries mean "no
    alt text" and "not decorative". ``sentences`` may hold whole paragraphs: they are split.
    """
    if pictures < 0 or len(alt_texts) > pictures or len(decorative) > pictures:
        raise ValueError("alt_texts and decorative must not describe more than `pictures`")
    findings: list[Finding] = []
    if pictures == 0:
        message = (
            "Add a picture to this point. In easy read every point needs a picture "
            "that shows what the words mean."
        )
        findings.append(_finding(Code.PICTURE_MISSING, message))
    for i in range(pictures):
        alt = alt_texts[i] if i < len(alt_texts) else None
        is_decorative = decorative[i] if i < len(decorative) else False
        if not is_decorative and not (alt or "").strip():
            message = (
                f"Picture {i + 1} has no alt text. Say in a few words what the picture shows, "
                "so people who use screen readers get the same message. If it is only "
                "decoration, mark it as decorative."
            )
            findings.append(_finding(Code.ALT_TEXT_MISSING, message, f"Picture {i + 1}"))
    if pictures > MAX_POINT_PICTURES:
        message = (
            f"This point has {pictures} pictures. Use 1 or 2 pictures, "
            "so it is clear which picture goes with the words."
        )
        findings.append(_finding(Code.TOO_MANY_PICTURES, message))
    split = [s for text in sentences for s in split_sentences(text)]
    if len(split) > MAX_POINT_SENTENCES:
        message = (
            f"This point has {len(split)} sentences. Use 1 to {MAX_POINT_SENTENCES} short "
            "sentences in each point, and start a new point for the next idea."
        )
        excerpt = _excerpt(split[MAX_POINT_SENTENCES])
        findings.append(_finding(Code.TOO_MANY_SENTENCES, message, excerpt))
    terms = _normalise_glossary(glossary)
    findings.extend(f for sentence in split for f in _check_sentence(sentence, terms))
    return findings


def check_page(texts: Sequence[str]) -> list[Finding]:
    """Page-level checks on all the text of a page (use check_point/check_text per block)."""
    total = sum(count_words(text) for text in texts)
    if total <= MAX_PAGE_WORDS:
        return []
    message = (
        f"This page has {total:,} words. Easy read pages should have {MAX_PAGE_WORDS:,} "
        "words or fewer. Split it into 2 pages, or leave out what people do not need to know."
    )
    return [_finding(Code.PAGE_LONG, message)]
