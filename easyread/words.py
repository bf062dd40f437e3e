"""Word-level helpers for the easy-read checks: tokens, syllables and the shipped word lists.

Kept free of Django so block clean(), the editor, commands and jobs all share one set of rules.
The word lists live in ``easyread/data`` and are read once, lazily, so importing is cheap and
checking a page never touches the disk twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")

# A word is letters/digits joined by apostrophes, "&" or hyphens ("don't", "LD&A", "x-ray");
# "," and "." join only digits, so "1,000" and "3.5" stay one word.
TOKEN_RE = re.compile(r"\w+(?:(?:['&-]|(?<=\d)[.,](?=\d))\w+)*")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2032": "'"})

NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})


def normalise(text: str) -> str:
    """Use straight apostrophes, so curly and straight "don't" are one word (keeps the length)."""
    return text.translate(_QUOTES)


def iter_tokens(text: str) -> Iterator[re.Match[str]]:
    """Words in ``text`` with their positions, so callers can match them to glossary spans."""
    return TOKEN_RE.finditer(normalise(text))


def count_words(text: str) -> int:
    """Number of words, counting "1,000", "don't" and "easy-read" as one word each."""
    return sum(1 for _ in iter_tokens(text))


# --- syllables -----------------------------------------------------------------------------

# Common words the rules below get wrong; checked first.
_SYLLABLE_EXCEPTIONS: dict[str, int] = {
    "area": 3,
    "areas": 3,
    "idea": 3,
    "ideas": 3,
    "create": 2,
    "created": 3,
    "creates": 2,
    "creating": 3,
    "creative": 3,
    "react": 2,
    "reaction": 3,
    "reality": 4,
    "theatre": 3,
    "people": 2,
    "peoples": 2,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "everybody": 4,
    "everywhere": 3,
    "evening": 2,
    "evenings": 2,
    "business": 2,
    "maybe": 2,
    "quiet": 2,
    "science": 2,
    "museum": 3,
    "friend": 1,
    "friends": 1,
    "friendly": 2,
    "wherever": 3,
    "naked": 2,
    "wicked": 2,
    "recipe": 3,
    "cafe": 2,
    "society": 4,
    "poem": 2,
    "poet": 2,
    "lion": 2,
    "lions": 2,
    "poems": 2,
    "someone": 2,
    "anyone": 3,
    "everyday": 3,
    "elsewhere": 2,
    "behaviour": 3,
    "behavior": 3,
}
# Short words ending in a silent "e" that start compounds ("someone", "homework", "careful").
_COMPOUND_HEADS = (
    "some",
    "home",
    "care",
    "life",
    "time",
    "house",
    "whole",
    "where",
    "there",
    "here",
    "fire",
    "side",
    "base",
    "hope",
    "name",
    "place",
    "stone",
    "store",
    "space",
    "make",
    "take",
    "note",
    "like",
    "love",
    "wine",
    "bike",
    "phone",
    "eye",
    "one",
    "more",
    "face",
    "game",
    "safe",
    "wide",
    "guide",
    "frame",
    "wire",
)
_VOWELS = "aeiouy"
_VOWEL_GROUP_RE = re.compile(r"[aeiouy]+")
_SILENT_E_SUFFIX_RE = re.compile(r"(?<=[^aeiouy])e(?:ly|ful|ments?|ness|less|ty)$")
# Vowel pairs that are usually two syllables ("media", "radio", "video", "usual", "medium").
_HIATUS_RES = (
    re.compile(r"(?<![cstl])ia(?!ge)|(?<=[cst])iat"),
    re.compile(r"(?<![cstxglnh])io"),
    re.compile(r"(?<!g)eo(?!u)|^geo"),
    re.compile(r"(?<![qg])ua"),
    re.compile(r"iu|uou"),
    re.compile(r"(?<![cst])(?<!fr)ie(?=[nt])|^scie"),
    re.compile(r"^(?:cr|r)ea(?=t|ct|li[sz])|^thea(?=t)"),
)


@lru_cache(maxsize=16384)
def count_syllables(word: str) -> int:
    """Estimate syllables with spelling rules (no dictionary), good enough to spot long words.

    Measured against the CMU Pronouncing Dictionary it agrees on most common words; it is
    only used to build the word list and for words that are not on it.
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if w in _SYLLABLE_EXCEPTIONS:
        return _SYLLABLE_EXCEPTIONS[w]
    for head in _COMPOUND_HEADS:
        rest = w[len(head) :]
        if w.startswith(head) and len(rest) >= 3 and rest[0] not in _VOWELS:
            return count_syllables(head) + count_syllables(rest)
    match = _SILENT_E_SUFFIX_RE.search(w)
    if match and _VOWEL_GROUP_RE.search(w[: match.start()]):
        return count_syllables(w[: match.start() + 1]) + 1
    return max(1, _count_core(w))


def _count_core(w: str) -> int:
    extra = 0
    if w.endswith("es") and len(w) > 3 and not w.endswith(("ies", "ees")):
        stem = w[:-2]
        sibilant = stem.endswith(("s", "x", "z", "ch", "sh")) or w.endswith(("ces", "ges"))
        return _count_core(w[:-1]) + (1 if sibilant else 0)
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is", "ies")):
        return _count_core(w[:-1])
    if re.search(r"(?:[^aeiou]|qu)ire[sd]?$", w):
        extra += 1  # "fire", "tired", "entire"
    if w.endswith("ically"):
        extra -= 1  # "basically" is "ba-sic-ly"
    if w.endswith("gue") and w[-4] != "r":
        w = w[:-2]  # "league", "colleague"; but "argue"
    if w.endswith("ed") and len(w) > 3:
        before = w[-3]
        # "hundred", "settled": the "-ed" after a consonant cluster is its own syllable.
        cluster = before in "lr" and w[-4] not in _VOWELS + "lr"
        if before == "y" or (before not in "td" + _VOWELS and not cluster):
            w = w[:-2]
    if w.endswith("ing") and len(w) > 4:
        before = w[-4]
        if before in "aeiou" or (before == "y" and w[-5] not in _VOWELS):
            extra += 1
    if w.endswith("ism"):
        extra += 1
    if w.endswith(("ier", "iest")) and len(w) > 4:
        extra += 1
    if w.endswith("e") and len(w) > 2 and not w.endswith("ee"):
        keep = w[-2] in "lr" and w[-3] not in _VOWELS  # "table", "centre"
        if not keep and _VOWEL_GROUP_RE.search(w[:-1]):
            w = w[:-1]
    w = w.replace("qu", "q_")
    w = re.sub(r"^y", "_", w)
    w = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "_", w)
    count = len(_VOWEL_GROUP_RE.findall(w))
    count += sum(len(pattern.findall(w)) for pattern in _HIATUS_RES)
    return count + extra


# --- word lists ----------------------------------------------------------------------------


def _read_lines(name: str) -> Iterator[str]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].strip()
            if line:
                yield line


def data_words(name: str) -> frozenset[str]:
    """A word list from easyread/data/: words separated by spaces or lines, "#" comments."""
    return frozenset(word for line in _read_lines(name) for word in line.split())


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The shipped easy-word list (lower case). Loaded once, on first use."""
    return frozenset(line.lower() for line in _read_lines("easy_words.txt"))


@lru_cache(maxsize=1)
def simpler_words() -> dict[str, str]:
    """Formal words mapped to an everyday swap ("assist" -> "help"), for friendlier messages."""
    pairs = (line.split("\t", 1) for line in _read_lines("simpler_words.tsv"))
    return {hard.strip().lower(): easy.strip() for hard, easy in pairs}


_CONTRACTIONS = ("n't", "'re", "'ve", "'ll", "'d", "'m", "'s", "s'")
# (suffix, replacement) pairs tried to find the dictionary form of an inflected word.
_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("ier", "y"),
    ("iest", "y"),
    ("ily", "y"),
    ("iness", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("est", "e"),
    ("ly", ""),
    ("ness", ""),
    ("ful", ""),
    ("less", ""),
)


def base_forms(word: str) -> tuple[str, ...]:
    """The word and likely dictionary forms of it: "carers" -> "carer", "stopped" -> "stop".

    Over-generating is fine: a form only counts if it is on the easy-word list.
    """
    w = normalise(word).lower()
    forms = [w]
    for ending in _CONTRACTIONS:
        if w.endswith(ending) and len(w) > len(ending) + 1:
            w = w[: -len(ending)]
            forms.append(w)
            break
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            stem = w[: -len(suffix)]
            if suffix == "s" and stem.endswith("s"):
                continue
            forms.append(stem + replacement)
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                forms.append(stem[:-1])  # "stopped" -> "stop", "bigger" -> "big"
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=32768)
def is_easy_word(word: str) -> bool:
    """True if the word, a dictionary form of it, or each part of a hyphenated word is easy."""
    words = easy_words()
    if any(form in words for form in base_forms(word)):
        return True
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1:
        return all(part.isdigit() or is_easy_word(part) for part in parts)
    return False


def simpler_word(word: str) -> str | None:
    """An everyday word to use instead, if we know one ("purchase" -> "buy")."""
    swaps = simpler_words()
    for form in base_forms(word):
        if form in swaps:
            return swaps[form]
    return None
