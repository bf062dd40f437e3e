"""The safeguarding lead's screens in the Wagtail admin. Thin: services and selectors decide."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role, has_role
from feedback.selectors import text_refs, text_search
from languages.selectors import translations_for

from . import selectors, services
from .forms import AssignForm, CloseForm, HandFlagForm, ScreenFileForm
from .models import SafeguardingFlag, ScreenJob
from .screen.categories import category_label

SAFEGUARDING_ROLES = (Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR)
# Screening a file handles a whole export's raw words at once: the lead(s) only.
SCREEN_FILE_ROLES = (Role.SAFEGUARDING_LEAD,)


def _require(request) -> None:
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    if not has_role(request.user, *SAFEGUARDING_ROLES):
        raise PermissionDenied


def queue(request):
    _require(request)
    show = request.GET.get("show", "waiting")
    show = show if show in selectors.SHOW else "waiting"
    flags = list(selectors.flags_queue(show=show, user=request.user)[:200])
    # The list shows categories and times, not the words: opening a flag is what is audited.
    audit_record(user=request.user, action=AuditAction.VIEW_SAFEGUARDING, target="flags:list",
                 detail=f"show={show}")  # fmt: skip
    for flag in flags:
        # Once the lead has closed a flag, their decision about the kind of harm is the record;
        # the screen's guess is shown beside it only when it differs.
        flag.category_labels = [category_label(c) for c in flag.categories]
        flag.lead_category_labels = [category_label(c) for c in flag.lead_categories]
    return TemplateResponse(
        request,
        "safeguarding/admin/queue.html",
        {
            "flags": flags,
            "show": show,
            "tabs": selectors.SHOW,
            "counts": selectors.flag_counts(),
            "health": selectors.screen_health(),
            "can_screen_file": has_role(request.user, *SCREEN_FILE_ROLES),
        },
    )


def _flag_page(request, flag_id: int, *, close_form=None, assign_form=None, status=200):
    try:
        flag = services.flag_view(flag_id=flag_id, user=request.user)
    except SafeguardingFlag.DoesNotExist as exc:
        raise Http404("No such flag") from exc
    leads = services.lead_choices()
    return TemplateResponse(
        request,
        "safeguarding/admin/flag.html",
        {
            "flag": flag,
            "translation": translations_for([flag.target]).get(flag.target),
            "title": f"Safeguarding flag {flag.pk}",
            "category_labels": [category_label(c) for c in flag.categories],
            "lead_category_labels": [category_label(c) for c in flag.lead_categories],
            "close_form": close_form or CloseForm(initial={"categories": flag.categories}),
            "assign_form": assign_form
            or AssignForm(leads=leads, initial={"assignee": flag.assignee or request.user}),
        },
        status=status,
    )


@require_http_methods(["GET"])
def flag_detail(request, flag_id: int):
    _require(request)
    return _flag_page(request, flag_id)


@require_POST
def flag_assign(request, flag_id: int):
    _require(request)
    form = AssignForm(request.POST, leads=services.lead_choices())
    if not form.is_valid():
        return _flag_page(request, flag_id, assign_form=form, status=400)
    try:
        flag = services.flag_assign(
            flag_id=flag_id, user=request.user, assignee=form.cleaned_data["assignee"]
        )
    except SafeguardingFlag.DoesNotExist as exc:
        raise Http404("No such flag") from exc
    messages.success(request, f"Flag {flag.pk} is now with {flag.assignee.get_username()}.")
    return redirect("safeguarding_admin:flag", flag.pk)


@require_POST
def flag_close(request, flag_id: int):
    _require(request)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _flag_page(request, flag_id, close_form=form, status=400)
    try:
        flag = services.flag_close(flag_id=flag_id, user=request.user, **form.cleaned_data)
    except SafeguardingFlag.DoesNotExist as exc:
        raise Http404("No such flag") from exc
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return _flag_page(request, flag_id, close_form=form, status=400)
    messages.success(
        request, f"Flag {flag.pk} closed. Your name, the time, the outcome and your note are kept."
    )
    return redirect("safeguarding_admin:queue")


@require_POST
def flag_release(request, flag_id: int):
    _require(request)
    try:
        flag = services.flag_release(flag_id=flag_id, user=request.user)
    except SafeguardingFlag.DoesNotExist as exc:
        raise Http404("No such flag") from exc
    messages.success(request, f"Flag {flag.pk}: the text may now appear in quotes and insight.")
    return redirect("safeguarding_admin:flag", flag.pk)


@require_http_methods(["GET", "POST"])
def flag_by_hand(request):
    """Find a text the screen missed (by its words or its name, "Answer 12") and flag it."""
    _require(request)
    query = request.GET.get("q", "").strip()[:200]
    form = HandFlagForm(request.POST or None, initial={"target": request.GET.get("target", "")})
    if request.method == "POST" and form.is_valid():
        try:
            flag = services.flag_by_hand(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"Flag {flag.pk} raised by hand; it is with you.")
            return redirect("safeguarding_admin:flag", flag.pk)
    target = form["target"].value() or ""
    chosen = text_refs([target]).get(target) if target else None
    results = text_search(query=query, limit=20) if query else []
    if query or chosen:  # texts are shown: record who looked
        audit_record(user=request.user, action=AuditAction.VIEW_SAFEGUARDING,
                     target=f"flag-by-hand:{target or 'search'}", detail=f"q={query}")  # fmt: skip
    return TemplateResponse(
        request,
        "safeguarding/admin/flag_by_hand.html",
        {"form": form, "query": query, "results": results, "chosen": chosen},
        status=400 if form.errors else 200,
    )


# --- Screening a past export (a background job) ------------------------------------------------


def _require_lead(request) -> None:
    if not has_role(request.user, *SCREEN_FILE_ROLES):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def screen_file(request):
    """Upload a past export to screen in the background, and the screens run so far."""
    _require_lead(request)
    form = ScreenFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.screen_job_create(upload=form.cleaned_data["file"], user=request.user)
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        else:
            return redirect("safeguarding_admin:screen_job", job.pk)
    return TemplateResponse(
        request,
        "safeguarding/admin/screen_file.html",
        {
            "form": form,
            "jobs": selectors.screen_jobs(),
            "keep_days": settings.SAFEGUARDING_SCREEN_KEEP_DAYS,
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET"])
def screen_job(request, screen_id: int):
    """Progress (kept up to date in place while the job runs), then the summary and the
    download. Counts only: the words are in the file, whose download is audited."""
    _require_lead(request)
    job = get_object_or_404(ScreenJob, pk=screen_id)
    part = request.GET.get("part") == "progress"  # what screen-progress.js asks for
    template = "screen_job_body.html" if part else "screen_job.html"
    return TemplateResponse(request, f"safeguarding/admin/{template}", {"job": job})


@require_http_methods(["GET"])
def screen_download(request, screen_id: int):
    _require_lead(request)
    try:
        handle, name = services.screen_job_download(job_id=screen_id, user=request.user)
    except ScreenJob.DoesNotExist as exc:
        raise Http404("No result to download") from exc
    # Wagtail's admin views are never cached (Cache-Control: no-store, private).
    return FileResponse(handle, as_attachment=True, filename=name, content_type="text/csv")


@require_POST
def screen_delete(request, screen_id: int):
    _require_lead(request)
    try:
        job = services.screen_job_delete(job_id=screen_id, user=request.user)
    except ScreenJob.DoesNotExist as exc:
        raise Http404("No such screen") from exc
    messages.success(request, f"The files of screen {job.pk} are deleted.")
    return redirect("safeguarding_admin:screen_file")
