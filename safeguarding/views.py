"""The safeguarding lead's screens in the Wagtail admin. Thin: services and selectors decide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role, has_role

from . import selectors, services
from .models import SafeguardingFlag

SAFEGUARDING_ROLES = (Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR)
SHOW = {"open": "Waiting", "acknowledged": "Acknowledged", "all": "All"}


def _require(request) -> None:
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    if not has_role(request.user, *SAFEGUARDING_ROLES):
        raise PermissionDenied


def queue(request):
    _require(request)
    show = request.GET.get("show", "open")
    show = show if show in SHOW else "open"
    flags = list(selectors.flags_queue(show=show)[:200])
    # The list shows categories and times, not the words: opening a flag is what is audited.
    audit_record(user=request.user, action=AuditAction.VIEW_SAFEGUARDING, target="flags:list",
                 detail=f"show={show}")  # fmt: skip
    return TemplateResponse(
        request,
        "safeguarding/admin/queue.html",
        {"flags": flags, "show": show, "tabs": SHOW, "counts": selectors.flag_counts()},
    )


@require_http_methods(["GET"])
def flag_detail(request, flag_id: int):
    _require(request)
    try:
        flag = services.flag_view(flag_id=flag_id, user=request.user)
    except SafeguardingFlag.DoesNotExist as exc:
        raise Http404("No such flag") from exc
    return TemplateResponse(
        request,
        "safeguarding/admin/flag.html",
        {"flag": flag, "title": f"Safeguarding flag {flag.pk}"},
    )


@require_POST
def flag_acknowledge(request, flag_id: int):
    _require(request)
    try:
        services.flag_acknowledge(
            flag_id=flag_id, user=request.user, note=request.POST.get("note", "")[:5000]
        )
    except SafeguardingFlag.DoesNotExist as exc:
        raise Http404("No such flag") from exc
    messages.success(request, "Acknowledged. Your name, the time and your note are recorded.")
    return redirect("safeguarding_admin:queue")
