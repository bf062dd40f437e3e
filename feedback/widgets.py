"""A searchable list of feedback texts for staff forms (outcomes pick their examples here).

The field still stores a text's target (``a:123`` / ``c:45``), but nobody types ids: the input
offers the newest answers and contributions by name ("Answer 123") with a redacted start of
their words, and the browser filters the list as you type any word of either. Plain HTML
(``<datalist>``), so it works with the keyboard and screen readers and needs no script.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django import forms
from django.utils.html import format_html, format_html_join

from .redaction import redact
from .selectors import text_search

OPTIONS = 150  # the newest texts offered; older ones are found by typing their name
LABEL_CHARS = 90


def text_choices(
    limit: int = OPTIONS, hidden: Callable[[Iterable[str]], set[str]] | None = None
) -> list[tuple[str, str]]:
    """(target, "Answer 123: redacted words…") for the newest texts, less those ``hidden``
    names (a higher app's rule, e.g. texts held by safeguarding, which feedback cannot ask)."""
    refs = text_search(limit=limit)
    leave_out = hidden([ref.target for ref in refs]) if hidden else set()
    out = []
    for ref in refs:
        if ref.target in leave_out:
            continue
        words = redact(" ".join(ref.text.split())).text
        words = words if len(words) <= LABEL_CHARS else words[: LABEL_CHARS - 1] + "…"
        out.append((ref.target, f"{ref.name}: {words}"))
    return out


class TextPicker(forms.TextInput):
    """A text input with a list of texts to choose from (value: the text's target).
    ``hidden(targets) -> set`` names texts never to offer."""

    def __init__(self, attrs=None, hidden: Callable[[Iterable[str]], set[str]] | None = None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.hidden = hidden

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or name}-texts"
        attrs["list"] = list_id
        field = super().render(name, value, attrs, renderer)
        choices = text_choices(hidden=self.hidden)
        options = format_html_join("", '<option value="{}">{}</option>', choices)
        return format_html('{}<datalist id="{}">{}</datalist>', field, list_id, options)
