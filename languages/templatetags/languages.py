"""``{% html_lang %}``, ``{% html_dir %}`` and ``{% language_switcher %}`` for the site shell."""

from django import template

from ..catalogue import default
from ..selectors import current_language, switcher_links

register = template.Library()


@register.simple_tag
def html_lang() -> str:
    """The <html lang> for the language being shown ('en-GB', 'gu', 'ur')."""
    return current_language().html_lang


@register.simple_tag
def html_dir() -> str:
    """'rtl' for Urdu and Arabic, else 'ltr'."""
    return current_language().dir


@register.inclusion_tag("languages/switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    page = context.get("page") or context.get("survey") or context.get("self")
    if page is not None and not hasattr(page, "get_translations"):
        page = None
    return {"links": switcher_links(page)}


@register.simple_tag
def home_url() -> str:
    """The home page in the language being shown: '/' for English, '/gu/' for Gujarati."""
    lang = current_language()
    return "/" if lang.code == default().code else f"/{lang.code}/"
