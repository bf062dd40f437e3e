"""Staff screens for tagging: the review queue and the tagger's health. Thin: services decide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from cms.jobs import enqueue
from cms.roles import Role, has_role
from cms.selectors import active_taxonomy

from . import selectors, services
from .models import TagStatus

REVIEW_ROLES = (Role.ENGAGEMENT, Role.ADMINISTRATOR)


def _require_reviewer(request) -> None:
    if not has_role(request.user, *REVIEW_ROLES):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def review_queue(request):
    _require_reviewer(request)
    code = request.GET.get("code", "")
    if request.method == "POST":
        return _review_post(request, code)
    items, waiting = selectors.review_queue(code=code)
    taxonomy = active_taxonomy()
    names = {t.code: t.name for t in taxonomy}
    for item in items:
        for tag in item.tags:
            tag.name = names.get(tag.code, tag.code)
    return TemplateResponse(
        request,
        "tasks/admin/review_queue.html",
        {
            "items": items,
            "waiting": waiting,
            "taxonomy": taxonomy,
            "code": code,
            "counts": selectors.review_counts(),
        },
    )


def _review_post(request, code: str):
    decision = request.POST.get("decision", "")
    done = 0
    if decision in (TagStatus.CONFIRMED, TagStatus.REJECTED):
        ids = [int(i) for i in request.POST.getlist("tag") if i.isdigit()]
        done = services.tags_review(tag_ids=ids, decision=decision, user=request.user)
        if not ids:
            messages.warning(request, "Tick at least one tag first.")
    elif decision == "add":
        for key, value in request.POST.items():
            if key.startswith("add-") and value:
                try:
                    services.tag_add(target=key[4:], code=value, user=request.user)
                except ValueError as exc:
                    messages.error(request, str(exc))
                else:
                    done += 1
    if done:
        messages.success(request, f"Saved {done} decision{'s' if done != 1 else ''}.")
    suffix = f"?code={code}" if code else ""
    return redirect(f"{request.path}{suffix}")


@require_http_methods(["GET", "POST"])
def tagger_health(request):
    _require_reviewer(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "retrain":
            version = services.tagger_train(reason=f"retrained by {request.user.get_username()}")
            messages.success(request, f"Retrained: version {version.version}.")
        elif action == "retag" and enqueue("everyvoice.retag_all", request.user.pk):
            messages.success(request, "Re-tagging everything. Progress is shown below.")
        elif action == "retag":
            messages.error(request, "The job queue is not answering. Try again in a minute.")
        return redirect(request.path)
    current = selectors.tagger_current_version()
    names = {t.code: t.name for t in active_taxonomy()}
    per_label = []
    if current and current.metrics:
        per_label = [
            {"code": code, "name": names.get(code, code), **figures}
            for code, figures in sorted(current.metrics.get("per_label", {}).items())
            if figures.get("support")
        ]
    return TemplateResponse(
        request,
        "tasks/admin/tagger_health.html",
        {
            "current": current,
            "per_label": per_label,
            "versions": selectors.tagger_versions(),
            "runs": selectors.retag_runs(),
            "reviews_since": selectors.reviews_since_training(),
            "retrain_after": services.RETRAIN_AFTER_REVIEWS,
        },
    )
