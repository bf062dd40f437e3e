"""Explaining hard words where they are used.

A :class:`Glossary` is made once per page render. The first time a glossary word appears on
the page it is wrapped in the ``.ev-term`` markup (word + explanation; reading-help.js turns
it into a button), later uses are left plain so the page does not repeat itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    explanation: str


class Glossary:
    """Hard words and their explanations, with the state of one page render."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self.entries = {e.term.lower(): e for e in entries if e.term.strip()}
        self._explained: set[str] = set()
        self._pattern = self._compile(self.entries)

    @classmethod
    def from_database(cls, language_code: str | None = None) -> Glossary:
        """The glossary in one language: the language being shown unless told (a Gujarati
        page explains the words of the Gujarati glossary). One query, as before."""
        from django.conf import settings
        from django.utils.translation import get_language
        from wagtail.coreutils import get_supported_content_language_variant

        from .models import GlossaryTerm

        try:
            code = get_supported_content_language_variant(language_code or get_language())
        except LookupError:
            code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        rows = GlossaryTerm.objects.filter(locale__language_code=code).values_list(
            "term", "explanation"
        )
        return cls(GlossaryEntry(term, explanation) for term, explanation in rows)

    @property
    def terms(self) -> list[str]:
        return [e.term for e in self.entries.values()]

    @staticmethod
    def _compile(entries: dict[str, GlossaryEntry]) -> re.Pattern[str] | None:
        if not entries:
            return None
        # Longest first, so "annual health check" wins over "health check"; plurals allowed,
        # the same way easyread.checks recognises glossary words.
        alternatives = "|".join(
            r"\s+".join(re.escape(part) for part in term.split())
            for term in sorted(entries, key=len, reverse=True)
        )
        return re.compile(rf"(?<!\w)({alternatives})(?:'?s|es)?(?!\w)", re.IGNORECASE)

    def _entry_for(self, word: str) -> GlossaryEntry | None:
        return self.entries.get(" ".join(word.lower().split()))

    def mark_up(self, text: str) -> SafeString:
        """Escape ``text`` and explain each glossary word the first time the page uses it."""
        if self._pattern is None:
            return escape(text)
        out: list[str] = []
        last = 0
        for match in self._pattern.finditer(text):
            entry = self._entry_for(match.group(1))
            if entry is None or entry.term.lower() in self._explained:
                continue
            self._explained.add(entry.term.lower())
            out.append(escape(text[last : match.start()]))
            out.append(
                format_html(
                    '<span class="ev-term"><dfn class="ev-term__word">{}</dfn> '
                    '<span class="ev-term__explanation">({})</span></span>',
                    match.group(0),
                    entry.explanation.strip().rstrip("."),
                )
            )
            last = match.end()
        out.append(escape(text[last:]))
        return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above
