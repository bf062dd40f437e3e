"""Text normalisation shared by the rules and the model.

Both parts must see the same tokens, or a phrase the rules accept could look foreign to the
model. Everything here is cheap, deterministic and never raises on odd input.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Long letters add little signal but cost time in the char n-gram vectoriser.
MAX_CHARS = 3000

_A_AND_E = re.compile(r"\ba\s*[&+]\s*e\b")
_AMP = re.compile(r"&")
_APOS = re.compile(r"['\u2018\u2019`]")
_TOKEN = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")
_VOWELS = frozenset("aeiou")


def normalise(text: str | None) -> str:
    """Lower-case, NFKC-fold, cap length and spell out '&' so 'A&E' equals 'a and e'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)[: MAX_CHARS * 2]).lower()
    text = _A_AND_E.sub(" a and e ", text)
    text = _AMP.sub(" and ", text)
    text = _APOS.sub("", text)  # "can't" -> "cant", "doctor's" -> "doctors"
    return _SPACE.sub(" ", text).strip()[:MAX_CHARS]


def words(normalised: str) -> list[str]:
    """Word tokens (letters/digits) of already-normalised text."""
    return _TOKEN.findall(normalised)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light suffix stripping so 'checks', 'checked' and 'checking' meet at 'check'.

    Deliberately crude (no dictionary): it only has to be consistent, because keyword phrases
    and texts go through the same function, and misspellings are handled by fuzzy matching.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if not _VOWELS.intersection(base):
                return word
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # stopped -> stop
            return base.removesuffix("e")
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxz":
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def stems(normalised: str) -> list[str]:
    """Stemmed word tokens of already-normalised text."""
    return [stem(w) for w in words(normalised)]


def has_content(normalised: str) -> bool:
    """True when the text has at least one letter or digit (emoji-only or blank is 'no')."""
    return bool(_TOKEN.search(normalised))
