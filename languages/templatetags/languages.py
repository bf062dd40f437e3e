"""``{% html_lang %}``, ``{% html_dir %}`` and ``{% language_switcher %}`` for the site shell."""

from django import template

from ..catalogue import default
from ..selectors import current_language, draft_translation, english_version_url, switcher_links

register = template.Library()


@register.simple_tag
def html_lang() -> str:
    """The <html lang> for the language being shown ('en-GB', 'gu', 'ur')."""
    return current_language().html_lang


@register.simple_tag
def html_dir() -> str:
    """'rtl' for Urdu and Arabic, else 'ltr'."""
    return current_language().dir


def _page(context):
    page = context.get("page") or context.get("survey") or context.get("self")
    return page if page is not None and hasattr(page, "get_translations") else None


@register.inclusion_tag("languages/switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"links": switcher_links(_page(context))}


@register.inclusion_tag("languages/draft_notice.html", takes_context=True)
def draft_translation_notice(context) -> dict:
    """The "draft translation, to be checked" notice on a translated page not checked yet."""
    page = _page(context)
    if not draft_translation(page):
        return {"show": False}
    return {"show": True, "english_url": english_version_url(page)}


@register.simple_tag
def home_url() -> str:
    """The home page in the language being shown: '/' for English, '/gu/' for Gujarati."""
    lang = current_language()
    return "/" if lang.code == default().code else f"/{lang.code}/"
