"""Which language a piece of text is in, well enough to know when it is NOT English (pure).

The tagger and the safeguarding screen only understand English. A text in another language
must go to a person who reads it, never be silently untagged or unscreened. This looks at the
writing system first (Gujarati, Gurmukhi for Punjabi, Arabic script for Urdu and Arabic) and,
for Latin-script text, at short common words (``data/function_words.json``). It leans towards
"not English" when unsure on a longer text: a person reading an English text costs a minute,
an unscreened disclosure costs far more.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "data" / "function_words.json"
# Letters only Urdu uses among the Arabic-script languages here.
URDU_LETTERS = set("ٹڈڑںےۓہھگچپژک")
SCRIPTS = (
    ("gu", re.compile(r"[\u0A80-\u0AFF]")),
    ("pa", re.compile(r"[\u0A00-\u0A7F]")),
    ("arabic-script", re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")),
)
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
POLISH_LETTERS = set("ąćęłńśźżĄĆĘŁŃŚŹŻ")
# Fewer Latin words than this and the words cannot tell: counted as English (the screen runs).
MIN_WORDS = 4


@dataclass(frozen=True)
class Detected:
    code: str  # "en", "gu", "pa", "ur", "ar", "pl", "so" or "other"
    english: bool
    reason: str


@cache
def _words() -> dict[str, frozenset[str]]:
    data = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def text_language(text: str) -> Detected:
    """The language of ``text``, and whether the English-only tagger and screen can read it."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return Detected("en", True, "no words")
    for code, pattern in SCRIPTS:
        share = sum(1 for c in letters if pattern.match(c)) / len(letters)
        if share >= 0.3:
            if code == "arabic-script":
                code = "ur" if URDU_LETTERS & set(text) else "ar"
            return Detected(code, False, "written in its own alphabet")
    latin = sum(1 for c in letters if LATIN_LETTER.match(c)) / len(letters)
    if latin < 0.7:
        return Detected("other", False, "not written in the English alphabet")
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return Detected("en", True, "too short to tell")
    counts = {code: sum(1 for w in words if w in vocab) for code, vocab in _words().items()}
    if POLISH_LETTERS & set(text):
        counts["pl"] += 2
    best = max(counts, key=lambda c: (counts[c], c == "en"))
    if counts["en"] >= max(1, counts[best]) and counts["en"] / len(words) >= 0.1:
        return Detected("en", True, "common English words")
    if counts[best] == 0:
        return Detected("other", False, "no common English words")
    return Detected(best, False, "common words of another language")
