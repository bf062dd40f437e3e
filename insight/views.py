"""Insight pages, exports, API tokens and "follow your words". Thin: access comes from
``access.viewer_for``, figures from ``selectors``, writes from ``services``."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from cms.audit import audit_record
from cms.models import AuditAction, ConsultationPage
from easyread.glossary import Glossary
from feedback import selectors as feedback_selectors
from feedback.forms import ResumeForm
from feedback.labels import VOICE_EASY
from feedback.models import ResponseStatus

from . import charts, selectors, services
from .access import Viewer, viewer_for
from .filters import Filters
from .forms import CompareForm, ExportForm, InsightFilterForm, TokenForm
from .models import ApiToken, ExportJob, ExportKind, ExportStatus
from .suppression import FEWER_THAN, ROUND_TO, THRESHOLD


def insight_view(view):
    """Signed in, and allowed some insight; the viewer is passed to the view."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        viewer = viewer_for(request.user)
        if not viewer.can_see_insight:
            raise PermissionDenied
        if not services.insight_allowed(user=request.user):
            return render(request, "insight/rate_limited.html", _common(viewer), status=429)
        services.insight_viewed(
            user=request.user,
            view=view.__name__,
            code=kwargs.get("code", ""),
            query=request.GET.urlencode(),
        )
        return view(request, viewer, *args, **kwargs)

    return wrapped


def _theme_or_403(viewer: Viewer, code: str) -> selectors.Theme:
    if not viewer.may_see(code):
        # Same answer whether the code exists or not: no probing other collaboratives' codes.
        raise PermissionDenied
    theme = selectors.theme_get(code)
    if theme is None:
        raise Http404
    return theme


def _filter_form(request) -> tuple[InsightFilterForm, Filters]:
    form = InsightFilterForm(request.GET or None)
    return form, form.filters() if request.GET else Filters()


def _errors(form) -> list[dict]:
    return [
        {"href": f"#{form[name].id_for_label}", "text": message}
        for name, messages in form.errors.items()
        if name in form.fields
        for message in messages
    ]


def _common(viewer: Viewer, *, crumbs: bool = True) -> dict:
    return {
        "viewer": viewer,
        "breadcrumbs": [{"href": reverse("insight:index"), "text": "Insight"}] if crumbs else [],
        "threshold": THRESHOLD,
        "round_to": ROUND_TO,
        "fewer_than": FEWER_THAN,
    }


@insight_view
def index(request, viewer: Viewer):
    if viewer.easy_read_first and "standard" not in request.GET:
        return redirect("insight:easy_index")
    form, filters = _filter_form(request)
    counts = selectors.overview(codes=viewer.codes, filters=filters, exact=viewer.exact)
    return render(
        request,
        "insight/index.html",
        {
            **_common(viewer, crumbs=False),
            "form": form,
            "errors": _errors(form) if form.is_bound else [],
            "filters": filters,
            "pledges": [c for c in counts if c.theme.kind == "pledge"],
            "pathways": [c for c in counts if c.theme.kind == "pathway"],
            "themes": [c for c in counts if c.theme.kind == "theme"],
            "query": request.GET.urlencode(),
        },
    )


@insight_view
def detail(request, viewer: Viewer, code: str):
    theme = _theme_or_403(viewer, code)
    form, filters = _filter_form(request)
    compare_form = CompareForm(request.GET if "a_from" in request.GET else None)
    periods = compare_form.periods(filters)
    insight = selectors.theme_insight(
        theme=theme, filters=filters, exact=viewer.exact, compare=periods
    )
    return render(
        request,
        "insight/detail.html",
        {
            **_common(viewer),
            "theme": theme,
            "insight": insight,
            "chart": charts.trend_chart(insight.trend),
            "form": form,
            "compare_form": compare_form,
            "errors": _errors(form) + (_errors(compare_form) if compare_form.is_bound else []),
            "query": request.GET.urlencode(),
        },
    )


@insight_view
def easy_index(request, viewer: Viewer):
    counts = selectors.overview(codes=viewer.codes, filters=Filters(), exact=viewer.exact)
    return render(
        request,
        "insight/easy_index.html",
        {**_common(viewer), "counts": counts, "glossary": Glossary.from_database()},
    )


@insight_view
def easy_detail(request, viewer: Viewer, code: str):
    theme = _theme_or_403(viewer, code)
    _, filters = _filter_form(request)
    insight = selectors.theme_insight(theme=theme, filters=filters, exact=viewer.exact)
    return render(
        request,
        "insight/easy_detail.html",
        {
            **_common(viewer),
            "theme": theme,
            "insight": insight,
            "sentiment": [(row, *selectors.SENTIMENT_EASY[row.key]) for row in insight.sentiment],
            "voices": [(row, VOICE_EASY.get(row.key, "other people")) for row in insight.voices],
            "quotes": insight.quotes[:4],
            "summary": selectors.summary_published(code=theme.code),
            "glossary": Glossary.from_database(),
        },
    )


@insight_view
def raw_responses(request, viewer: Viewer, code: str):
    """The words behind a pledge or pathway, with their tags: engagement team only."""
    if not viewer.raw:
        raise PermissionDenied
    theme = _theme_or_403(viewer, code)
    form, filters = _filter_form(request)
    page = Paginator(selectors.tagged_items(code=code, filters=filters), 50).get_page(
        request.GET.get("page")
    )
    audit_record(
        user=request.user,
        action=AuditAction.VIEW_RESPONSES,
        target=f"tag:{code}",
        detail=f"page {page.number}",
    )
    return render(
        request,
        "insight/raw_responses.html",
        {**_common(viewer), "theme": theme, "page_obj": page, "form": form, "errors": []},
    )


@insight_view
def representation(request, viewer: Viewer):
    if not viewer.raw:
        raise PermissionDenied
    consultations = list(selectors.consultations_for_filter())
    chosen = request.GET.get("consultation")
    consultation = None
    if chosen and chosen.isdigit():
        consultation = get_object_or_404(ConsultationPage, pk=int(chosen))
    else:
        open_now = [c for c in consultations if c.specific.is_open]
        consultation = (open_now or consultations or [None])[0]
    data = selectors.representation(consultation=consultation) if consultation else None
    return render(
        request,
        "insight/representation.html",
        {
            **_common(viewer),
            "consultations": consultations,
            "consultation": consultation,
            "data": data,
        },
    )


# --- Exports ----------------------------------------------------------------------------------


@insight_view
@require_http_methods(["GET", "POST"])
def export(request, viewer: Viewer, kind: str):
    if kind not in ExportKind.values:
        raise Http404
    if kind == ExportKind.RESPONSES and not viewer.raw:
        raise PermissionDenied
    filter_form, filters = _filter_form(request)
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fmt = form.cleaned_data["format"]
        if services.export_needs_job(user=request.user, kind=kind, filters=filters):
            job = services.export_job_start(user=request.user, kind=kind, fmt=fmt, filters=filters)
            return redirect("insight:export_job", job.pk)
        data = services.export_build(user=request.user, kind=kind, fmt=fmt, filters=filters)
        services.export_audit(user=request.user, kind=kind, filters=filters, fmt=fmt)
        response = HttpResponse(data, content_type=services.exports.CONTENT_TYPES[fmt])
        name = services.export_filename(kind=kind, fmt=fmt)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "insight/export.html",
        {
            **_common(viewer),
            "kind": kind,
            "form": form,
            "filter_form": filter_form,
            "filters": filters,
            "query": request.GET.urlencode(),
            "errors": [],
        },
    )


def _own_job(request, job_id: int) -> ExportJob:
    # 404, not 403, for someone else's job: its existence is nobody else's business.
    return get_object_or_404(ExportJob, pk=job_id, user=request.user)


@insight_view
def export_job(request, viewer: Viewer, job_id: int):
    job = _own_job(request, job_id)
    return render(request, "insight/export_job.html", {**_common(viewer), "job": job})


@insight_view
def export_download(request, viewer: Viewer, job_id: int):
    job = _own_job(request, job_id)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404
    name = services.export_filename(kind=job.kind, fmt=job.format)
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=name)


# --- API tokens -------------------------------------------------------------------------------


@insight_view
@require_http_methods(["GET", "POST"])
def tokens(request, viewer: Viewer):
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        token, raw = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        created = {"token": token, "raw": raw}
        form = TokenForm()
    return render(
        request,
        "insight/tokens.html",
        {
            **_common(viewer),
            "form": form,
            "errors": _errors(form) if form.is_bound else [],
            "created": created,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )


@insight_view
@require_POST
def token_revoke(request, viewer: Viewer, token_id: int):
    services.api_token_revoke(user=request.user, token_id=token_id)
    return redirect("insight:tokens")


# --- Follow your words (participants, no account needed) --------------------------------------


def _follow_errors(form) -> list[dict]:
    return [{"href": "#code", "text": m} for m in form.errors.get("code", [])]


@require_http_methods(["GET", "POST"])
def follow(request):
    """A participant types their reference code and sees, in easy read, the themes their
    answers were tagged with and what is changing because of them. The code is POSTed (never
    in a URL, so never in logs) and look-ups are rate limited per address."""
    form = ResumeForm(request.POST or None)
    followed = []
    if request.method == "POST":
        look_up = feedback_selectors.response_look_up(request=request, form=form)
        if refusal := look_up.refusal(request, again="insight_follow:follow"):
            return refusal
        response = look_up.response
        if response is not None and response.status == ResponseStatus.DRAFT:
            return render(
                request,
                "insight/follow_draft.html",
                {"response": response, "carry_on": reverse("feedback:resume")},
            )
        if response is not None:
            followed = [selectors.follow_response(response=response)]
    elif request.user.is_authenticated:
        followed = [
            selectors.follow_response(response=r)
            for r in feedback_selectors.responses_for_participant(user=request.user)[:10]
            if r.status == ResponseStatus.SUBMITTED
        ]
    errors = _follow_errors(form) if form.is_bound else []
    template = "insight/follow_result.html" if followed else "insight/follow.html"
    return render(request, template, {"form": form, "errors": errors, "followed": followed})
