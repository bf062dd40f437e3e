"""Reads for the language switcher: where each language's version of this page is."""

from __future__ import annotations

from django.utils import translation
from wagtail.models import Page

from cms.models.pages import TermShown

from .catalogue import Language, get, languages


def current_language() -> Language:
    return get(translation.get_language())


def _homes() -> dict[str, Page]:
    """Each language's live home page (the translations of the site's root), by code."""
    homes = Page.objects.filter(depth=2).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def switcher_links(page: Page | None) -> list[dict]:
    """One entry per language that has pages: its own name, its code, its direction and the
    URL of this page in it (or of its home page when this page is not translated yet).

    Plain links (no JavaScript, no form), so the switcher works with a keyboard and
    without scripts; each carries its own ``lang`` so screen readers say it right.
    """
    homes = _homes()
    translations: dict[str, str] = {}
    if page is not None and getattr(page, "pk", None):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            if other.url:
                translations[other.locale.language_code] = other.url
    current = current_language()
    links = []
    for lang in languages():
        home = homes.get(lang.code)
        if home is None:
            continue
        url = translations.get(lang.code) or home.url
        if not url:
            continue
        links.append(
            {
                "code": lang.code,
                "html_lang": lang.html_lang,
                "name_local": lang.name_local,
                "name": lang.name,
                "dir": lang.dir,
                "url": url,
                "current": lang.code == current.code,
                "translated": lang.code in translations or page is None,
            }
        )
    return links if len(links) > 1 else []


def draft_translation(page) -> bool:
    """True when ``page`` is a translation not yet checked by a fluent speaker."""
    from .models import DraftTranslation

    if page is None or not getattr(page, "pk", None):
        return False
    return DraftTranslation.objects.filter(page_id=page.pk).exists()


def english_version_url(page) -> str:
    """The URL of ``page`` in English, for "read it in English"; "" when there is none."""
    from wagtail.models import Locale

    if page is None or not hasattr(page, "get_translation_or_none"):
        return ""
    original = page.get_translation_or_none(Locale.get_default())
    return (original.url or "") if original is not None and original.live else ""


# --- Feedback not in English ----------------------------------------------------------------


def translations_open(*, limit: int = 50) -> tuple[list, int]:
    """Texts not in English that nobody has translated yet (the requested ones first, oldest
    first), each with its text reference (``ref``), and how many there are: three queries."""
    from feedback.selectors import text_refs

    from .models import TextTranslation, TranslationStatus

    open_ = TextTranslation.objects.exclude(status=TranslationStatus.TRANSLATED)
    total = open_.count()
    rows = list(open_.select_related("requested_by").order_by("-status", "found_at", "id")[:limit])
    refs = text_refs(t.target for t in rows)
    for row in rows:
        row.ref = refs.get(row.target)
    return [r for r in rows if r.ref is not None], total


def translations_for(targets) -> dict:
    """The translation record of each of these texts that has one (one query)."""
    from .models import TextTranslation

    return {
        t.target: t
        for t in TextTranslation.objects.filter(target__in=list(targets)).select_related(
            "entered_by", "requested_by"
        )
    }


def term_names(terms, language_code: str) -> list[TermShown]:
    """``terms`` (pledges, pathways) named in ``language_code`` (one query): the name staff
    gave in that language, else the English name marked with its own ``lang``. Registered
    on cms's ``TERM_NAMES`` hook (``wagtail_hooks.py``), which consultation pages ask."""
    from .catalogue import default
    from .catalogue import get as language_get
    from .models import TermName

    terms = list(terms)
    lang = language_get(language_code)
    if lang == default():
        return [TermShown(t.code, t.name, "") for t in terms]
    names = dict(
        TermName.objects.filter(code__in=[t.code for t in terms], language=lang.code).values_list(
            "code", "name"
        )
    )
    return [
        TermShown(t.code, names[t.code], "")
        if t.code in names
        else TermShown(t.code, t.name, default().html_lang)
        for t in terms
    ]
