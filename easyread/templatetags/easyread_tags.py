from django import template
from django.utils.html import escape

register = template.Library()


@register.filter
def explain_terms(text, glossary=None):
    """Escape ``text`` and explain glossary words in it (first use on the page only)."""
    if glossary is None or not hasattr(glossary, "mark_up"):
        return escape(text)
    return glossary.mark_up(str(text))
