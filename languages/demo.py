"""Demo content: the health-checks consultation and its survey in Gujarati and Urdu.

The words are in ``data/demo/<code>.json`` (English -> translation). They are drafts that a
fluent speaker from the community has not checked, so every page says "draft translation, to
be checked" until staff remove the mark.
"""

from __future__ import annotations

import json
from pathlib import Path

from wagtail.models import Locale

from .services import page_translate

DEMO_DIR = Path(__file__).resolve().parent / "data" / "demo"
DEMO_LANGUAGES = ("gu", "ur")
DRAFT_NOTE = "Demo content: draft translation, to be checked by a fluent speaker."


def demo_strings(code: str) -> dict[str, str]:
    data = json.loads((DEMO_DIR / f"{code}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def translations_ensure(consultation, report) -> None:
    """Translate the home page, the consultation list, the consultation and its children."""
    index = consultation.get_parent().specific
    home = index.get_parent().specific
    pages = [home, index, consultation, *consultation.get_children().specific()]
    for code in DEMO_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        strings = demo_strings(code)
        for page in pages:
            if page.get_translation_or_none(locale) is not None:
                continue
            page_translate(page=page, language_code=code, strings=strings, draft_note=DRAFT_NOTE)
            report.created.append(f"{code} translation of /{page.slug}/")
