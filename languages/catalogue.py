"""The site's languages, read from ``data/languages.json`` (pure: no Django inside).

Settings build ``LANGUAGES`` and ``WAGTAIL_CONTENT_LANGUAGES`` from it, the switcher and the
``<html lang dir>`` read it, so adding a language is one line in the data file (plus its
message catalogue in ``languages/locale``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "languages.json"


@dataclass(frozen=True)
class Language:
    code: str
    html_lang: str
    name: str
    name_local: str
    bidi: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.bidi else "ltr"


@cache
def languages() -> tuple[Language, ...]:
    """Every language, the default (English) first."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))["languages"]
    return tuple(Language(**row) for row in rows)


def default() -> Language:
    return languages()[0]


def get(code: str | None) -> Language:
    """The language for a code such as 'ur' or 'en-gb' (or 'en'); English when unknown."""
    code = (code or "").lower()
    for lang in languages():
        if lang.code == code:
            return lang
    base = code.split("-")[0]
    for lang in languages():
        if lang.code.split("-")[0] == base:
            return lang
    return default()


def django_languages() -> list[tuple[str, str]]:
    """For ``settings.LANGUAGES`` and ``WAGTAIL_CONTENT_LANGUAGES``."""
    return [(lang.code, lang.name) for lang in languages()]


def bidi_codes() -> list[str]:
    """For ``settings.LANGUAGES_BIDI``."""
    return [lang.code for lang in languages() if lang.bidi]


def without_language_prefix(path: str) -> str:
    """'/gu/survey/3/' -> '/survey/3/'; paths without a known prefix are returned as they are."""
    parts = path.split("/", 2)
    prefixed = {lang.code for lang in languages()} - {default().code}
    if len(parts) >= 2 and parts[1] in prefixed:
        return "/" + (parts[2] if len(parts) > 2 else "")
    return path
