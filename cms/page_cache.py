"""Public pages served to anonymous readers from a shared cache, purged when content changes.

Home, consultations, plan summary, "you said, we did" and standard pages are the same for
everyone who is not signed in, and most visits are those. Rendering one costs tens of SQL
queries and the StreamField; the cache answers in a cache look-up or two. Django's cache is
used (Redis with ``REDIS_URL``, shared by every process; local memory otherwise, one process),
through ``cms/cache.py``'s wrapper, so a Redis outage only means every request is rendered.

Never from or into the shared cache:

- a request with a session or messages cookie (signed in, answering a survey, or a message
  waiting): it may see something of its own, so it is always rendered;
- anything but GET, paths outside the public pages, unknown query strings (only ``version``
  and ``print``, so a query string cannot fill the cache with copies);
- a response that is not a 200, sets a cookie, used a CSRF token (a form), says it is private,
  or comes from a page type not listed below or with view restrictions (the Wagtail hook
  ``before_serve_page`` marks the pages that may be kept).

Purging: every cached page carries a *generation* number in its key; any change that can show
on a public page (a page or survey published, unpublished, moved, deleted or saved; a pledge,
pathway, glossary term, image or a "you said, we did" outcome saved or deleted) adds one to
it, so no stale copy is ever read again (they expire by themselves). Pages also expire after
``EVERYVOICE_PAGE_CACHE_SECONDS`` (5 minutes) because a consultation opens and closes by date.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

CACHEABLE_PAGE_TYPES = frozenset(
    {
        "cms.homepage",
        "cms.consultationindexpage",
        "cms.consultationpage",
        "cms.plansummarypage",
        "cms.yousaidwedidpage",
        "cms.standardpage",
    }
)
# Saving or deleting one of these can change what a public page shows.
PURGE_ON_MODELS = frozenset(
    {
        "cms.pledge",
        "cms.pathway",
        "cms.collaborative",
        "cms.consultationevent",
        "easyread.glossaryterm",
        "insight.outcome",
        "insight.outcomeexample",
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailcore.site",
    }
)
ALLOWED_QUERY = {"version": {"standard", "easy-read"}, "print": {"1"}}
# Paths that are never public pages (checked first: a cheap way to leave them alone).
NEVER_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/accounts/",
    "/survey/",
    "/my-answers/",
    "/insight/",
    "/follow/",
    "/api/",
    "/static/",
    "/media/",
    "/documents/",
    "/_util/",
    "/healthz",
    "/readyz",
)
GENERATION_KEY = "everyvoice:pages:generation"
MARK = "_everyvoice_public_page"  # set on the request by the before_serve_page hook
HIT_HEADER = "X-Everyvoice-Cache"
# Headers set by middleware inside this one, which a hit does not pass through again.
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Security-Policy", "X-Frame-Options")
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def page_cache_purge(**_kwargs) -> None:
    """Make every cached public page stale at once (receiver for the signals below)."""
    if not cache.add(GENERATION_KEY, 1, timeout=None):
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # expired between add and incr
            cache.add(GENERATION_KEY, 1, timeout=None)


def mark_if_cacheable(page, request) -> None:
    """Called from Wagtail's ``before_serve_page``: the page may be kept in the shared cache."""
    if page._meta.label_lower in CACHEABLE_PAGE_TYPES and not page.get_view_restrictions():
        setattr(request, MARK, True)


def _key(request) -> str | None:
    """The cache key for an anonymous public GET, or None when it must not be cached."""
    seconds = settings.EVERYVOICE_PAGE_CACHE_SECONDS
    path = request.path
    if not seconds or request.method != "GET" or path.startswith(NEVER_PREFIXES):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return None
    query = request.GET
    for name in query:
        values = query.getlist(name)
        if len(values) != 1 or values[0] not in ALLOWED_QUERY.get(name, ()):
            return None
    generation = cache.get(GENERATION_KEY, 0)
    canonical = "&".join(f"{k}={query[k]}" for k in sorted(query))
    return f"everyvoice:page:{generation}:{request.get_host()}:{path}?{canonical}"


def _storable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        getattr(request, MARK, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class PublicPageCacheMiddleware:
    """Answer anonymous readers of public pages from the shared cache (see module docstring).

    Sits after the request-size check and the security/static middleware, before sessions:
    a hit costs no session, user or page-tree look-up at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            headers = [(h, response[h]) for h in _KEPT_HEADERS if response.has_header(h)]
            cache.set(key, (response.content, headers), settings.EVERYVOICE_PAGE_CACHE_SECONDS)
            response[HIT_HEADER] = "miss"
        return response


def connect() -> None:
    """Purge on every change that can show on a public page (called from CmsConfig.ready)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_cache_purge, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_cache_purge, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_cache_purge, dispatch_uid="page_cache_moved")

    def on_model_change(sender, instance, **kwargs):
        if isinstance(instance, Page) or sender._meta.label_lower in PURGE_ON_MODELS:
            page_cache_purge()

    post_save.connect(on_model_change, dispatch_uid="page_cache_saved", weak=False)
    post_delete.connect(on_model_change, dispatch_uid="page_cache_deleted", weak=False)
