"""Read-only JSON API for aggregated insight (django-ninja), mounted at /api/v1/.

- OpenAPI schema at /api/v1/openapi.json. No interactive docs page: it loads scripts from a
  CDN, which the site's Content-Security-Policy forbids.
- Authentication: ``Authorization: Bearer ev_...``, a personal token made on /insight/tokens/
  (stored hashed). Sessions are not accepted, so there is no CSRF surface.
- The same access and suppression rules as the pages: the figures come from the same
  selectors and the same ``suppression.protect``; the query parameters are the page's.
"""

from __future__ import annotations

from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from . import selectors, services
from .access import viewer_for
from .filters import Filters
from .forms import InsightFilterForm
from .suppression import Shown


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = services.api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Every Voice insight API",
    version="1",
    description=(
        "Aggregated, anonymised insight per LLR pledge and pathway. Counts from 1 to 4 are "
        "given as value null with text 'fewer than 5'; other counts seen by collaboratives are "
        "rounded to the nearest 5 (rounded: true), totals included, so no hidden count can be "
        "worked out by subtraction."
    ),
    urls_namespace="insight_api",
    docs_url=None,
    auth=TokenAuth(),
)


class CountOut(Schema):
    value: int | None
    text: str
    suppressed: bool
    rounded: bool


class RowOut(Schema):
    key: str
    label: str
    count: CountOut


class MonthOut(Schema):
    month: str
    count: CountOut


class QuoteOut(Schema):
    text: str
    voice: str
    voice_label: str


class ThemeOut(Schema):
    code: str
    kind: str
    name: str
    number: int | None
    collaborative: str


class OverviewItemOut(Schema):
    theme: ThemeOut
    total: CountOut
    responses: CountOut
    contributions: CountOut


class InsightOut(Schema):
    theme: ThemeOut
    filters: dict[str, str]
    exact: bool
    total: CountOut
    responses: CountOut
    contributions: CountOut
    trend: list[MonthOut]
    voices: list[RowOut]
    areas: list[RowOut]
    channels: list[RowOut]
    languages: list[RowOut]
    sentiment: list[RowOut]
    quotes: list[QuoteOut]


class FilterParams(Schema):
    consultation: int | None = None
    month_from: str | None = None
    month_to: str | None = None
    voice: str | None = None
    area: str | None = None
    language: str | None = None


def count_dict(shown: Shown) -> dict:
    return {
        "value": shown.value,
        "text": shown.text,
        "suppressed": shown.suppressed,
        "rounded": shown.rounded,
    }


def theme_dict(theme: selectors.Theme) -> dict:
    return {
        "code": theme.code,
        "kind": theme.kind,
        "name": theme.name,
        "number": theme.number,
        "collaborative": theme.collaborative,
    }


def _rows(rows) -> list[dict]:
    return [{"key": r.key, "label": r.label, "count": count_dict(r.shown)} for r in rows]


def insight_dict(insight: selectors.ThemeInsight) -> dict:
    """The detail page's figures as JSON: the page and the API share this shape."""
    return {
        "theme": theme_dict(insight.theme),
        "filters": insight.filters.as_dict(),
        "exact": insight.exact,
        "total": count_dict(insight.total),
        "responses": count_dict(insight.responses),
        "contributions": count_dict(insight.contributions),
        "trend": [
            {"month": m.month.strftime("%Y-%m"), "count": count_dict(m.shown)}
            for m in insight.trend
        ],
        "voices": _rows(insight.voices),
        "areas": _rows(insight.areas),
        "channels": _rows(insight.channels),
        "languages": _rows(insight.languages),
        "sentiment": _rows(insight.sentiment),
        "quotes": [
            {"text": q.text, "voice": q.voice, "voice_label": q.voice_label}
            for q in insight.quotes
        ],
    }


def overview_dict(item: selectors.ThemeCount) -> dict:
    return {
        "theme": theme_dict(item.theme),
        "total": count_dict(item.total),
        "responses": count_dict(item.responses),
        "contributions": count_dict(item.contributions),
    }


def _filters(params: FilterParams) -> Filters:
    data = {k: v for k, v in params.dict().items() if v not in (None, "")}
    form = InsightFilterForm(data)
    if data and not form.is_valid():
        raise HttpError(422, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    return form.filters() if data else Filters()


def _viewer(request, view: str, code: str = ""):
    """The caller, within the rate limit, with the call audited like a page view."""
    if not services.insight_allowed(user=request.user):
        raise HttpError(429, "Too many requests. Wait 10 minutes, then try again.")
    services.insight_viewed(
        user=request.user, view=f"api_{view}", code=code, query=request.GET.urlencode()
    )
    return viewer_for(request.user)


@api.get(
    "/insight/", response=list[OverviewItemOut], summary="Every pledge and pathway you may see"
)
def insight_list(request, params: Query[FilterParams]):
    viewer = _viewer(request, "list")
    if not viewer.can_see_insight:
        raise HttpError(403, "Your account cannot see insight.")
    items = selectors.overview(codes=viewer.codes, filters=_filters(params), exact=viewer.exact)
    return [overview_dict(item) for item in items]


@api.get("/insight/{code}/", response=InsightOut, summary="Insight for one pledge or pathway")
def insight_detail(request, code: str, params: Query[FilterParams]):
    viewer = _viewer(request, "detail", code)
    if not viewer.may_see(code):
        raise HttpError(403, "Your account cannot see insight for this pledge or pathway.")
    theme = selectors.theme_get(code)
    if theme is None:
        raise HttpError(404, "No such pledge or pathway.")
    insight = selectors.theme_insight(theme=theme, filters=_filters(params), exact=viewer.exact)
    return insight_dict(insight)
