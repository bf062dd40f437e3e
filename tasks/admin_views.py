"""Staff screens for tagging: the review queue and the tagger's health. Thin: services decide."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from cms.jobs import enqueue
from cms.roles import Role, has_role
from cms.selectors import active_taxonomy
from languages.selectors import translations_open

from . import selectors, services
from .holds import held_targets
from .models import ImportJob, ImportKind, TagStatus

REVIEW_ROLES = (Role.ENGAGEMENT, Role.ADMINISTRATOR)


def _require_reviewer(request) -> None:
    if not has_role(request.user, *REVIEW_ROLES):
        raise PermissionDenied


def _names() -> dict[str, str]:
    return {t.code: t.name for t in active_taxonomy()}


@require_http_methods(["GET", "POST"])
def review_queue(request):
    _require_reviewer(request)
    code = request.GET.get("code", "")
    order = request.GET.get("order", "teach")
    order = order if order in selectors.ORDERS else "teach"
    if request.method == "POST":
        return _review_post(request)
    tagger = services.tagger_current()
    items, waiting = selectors.review_queue(code=code, order=order, thresholds=tagger.thresholds())
    evidence = selectors.review_evidence(items, tagger)
    names = _names()
    for item in items:
        for tag in item.tags:
            tag.name = names.get(tag.code, tag.code)
            tag.explained = evidence.get(tag.pk)
    not_english, not_english_total = translations_open(limit=10)
    decisions = selectors.recent_decisions(limit=10)
    for _, tag in decisions:
        tag.name = names.get(tag.code, tag.code)
    return TemplateResponse(
        request,
        "tasks/admin/review_queue.html",
        {
            "items": items,
            "waiting": waiting,
            "subtitle": f"{waiting} text{'' if waiting == 1 else 's'} waiting",
            "not_english": not_english,
            "not_english_total": not_english_total,
            "taxonomy": active_taxonomy(),
            "code": code,
            "order": order,
            "orders": selectors.ORDERS,
            "counts": selectors.review_counts(),
            "decisions": decisions,
            "tagger_version": tagger.version,
            "next_url": request.get_full_path(),
        },
    )


def _back(request):
    """Back to the queue as it was (its filter and order), never to another site."""
    url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = reverse("tagging_admin:review_queue")
    return redirect(url)


def _review_post(request):
    """Decide the ticked tags (confirm or reject) and add the tags chosen in the lists.

    Whichever button was pressed, a tag chosen in an "Add a tag" list is added: a reviewer
    who chose one and then pressed Confirm must not lose it without a word.
    """
    decision = request.POST.get("decision", "")
    if decision not in (TagStatus.CONFIRMED, TagStatus.REJECTED, "add"):
        # Enter pressed without script: the form's harmless default button.
        messages.warning(
            request, "Nothing was saved. Use the Confirm, Reject or Add buttons to decide."
        )
        return _back(request)
    ids = [int(i) for i in request.POST.getlist("tag") if i.isdigit()]
    chosen = {k[4:]: v for k, v in request.POST.items() if k.startswith("add-") and v}
    done = 0
    if decision in (TagStatus.CONFIRMED, TagStatus.REJECTED) and ids:
        done = services.tags_review(tag_ids=ids, decision=decision, user=request.user)
        if decision == TagStatus.CONFIRMED and done < len(ids):
            messages.warning(
                request,
                f"{len(ids) - done} ticked tag{'s were' if len(ids) - done != 1 else ' was'} "
                "not confirmed: already decided, or the text has an open safeguarding flag.",
            )
    elif ids:
        messages.warning(
            request, "Ticked tags were not decided: press Confirm or Reject ticked tags."
        )
    if chosen:
        held = held_targets(chosen)
        if held:
            messages.error(
                request,
                f"{len(held)} tag{'s were' if len(held) != 1 else ' was'} not added: "
                "the text is held by a safeguarding flag until the lead releases it.",
            )
        for target, value in chosen.items():
            if target not in held:
                try:
                    services.tag_add(target=target, code=value, user=request.user)
                except (ValueError, ObjectDoesNotExist) as exc:
                    messages.error(request, str(exc))
                else:
                    done += 1
    if not ids and not chosen:
        messages.warning(request, "Tick at least one tag, or choose a tag to add, first.")
    if done:
        messages.success(
            request,
            f"Saved {done} decision{'s' if done != 1 else ''}. "
            "You can undo any of them under \u201cRecent decisions\u201d.",
        )
    return _back(request)


@require_POST
def tag_undo(request, tag_id: int):
    _require_reviewer(request)
    try:
        outcome = services.tag_undo(tag_id=tag_id, user=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            "Undone: the tag is waiting for review again."
            if outcome == "suggested"
            else "Undone: the tag you added is removed.",
        )
    return _back(request)


RETRAIN_WAIT_REFRESHES = 40  # 2 minutes of 3-second refreshes, then the page stops waiting


@require_http_methods(["GET", "POST"])
def tagger_health(request):
    _require_reviewer(request)
    current = selectors.tagger_current_version()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "retrain":
            if enqueue("everyvoice.retrain_tagger_now", request.user.pk):
                since = current.trained_at.timestamp() if current else 0
                return redirect(f"{request.path}?waiting={since:.6f}&n=0")
            messages.error(request, "The job queue is not answering. Try again in a minute.")
        elif action == "retag" and enqueue("everyvoice.retag_all", request.user.pk):
            messages.success(request, "Re-tagging everything. Progress is shown below.")
        elif action == "retag":
            messages.error(request, "The job queue is not answering. Try again in a minute.")
        return redirect(request.path)
    names = _names()
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
            "accuracy": selectors.label_accuracy(names),
            "floor": selectors.F1_FLOOR,
            "voices": selectors.VOICE_GROUPS,
            "channels": selectors.CHANNEL_GROUPS,
            "curve": _curve_points(selectors.learning_curve()),
            "versions": selectors.tagger_versions(),
            "runs": selectors.retag_runs(),
            "reviews_since": selectors.reviews_since_training(),
            "retrain_after": services.RETRAIN_AFTER_REVIEWS,
            "to_go": max(0, services.RETRAIN_AFTER_REVIEWS - selectors.reviews_since_training()),
            "retrain": _retrain_wait(request, current),
        },
    )


def _curve_points(curve: list[dict], width: int = 400, height: int = 160) -> dict:
    """The learning curve's points scaled into an SVG box (F1 0..1 up, reviewed texts right)."""
    most = max((p["reviewed"] for p in curve), default=0) or 1
    points = " ".join(
        f"{20 + (width - 30) * p['reviewed'] / most:.1f},"
        f"{height - 20 - (height - 30) * p['macro_f1']:.1f}"
        for p in curve
    )
    return {"rows": curve, "points": points, "width": width, "height": height, "most": most}


def _retrain_wait(request, current) -> dict | None:
    """After "Retrain now": is the new version here yet? Read from the versions themselves,
    so the page never claims a retrain that has not happened."""
    try:
        since = float(request.GET["waiting"])
        n = int(request.GET.get("n", "0"))
    except (KeyError, ValueError):
        return None
    done = current is not None and current.trained_at.timestamp() > since
    if done or n >= RETRAIN_WAIT_REFRESHES:
        return {"done": done, "gave_up": not done}
    return {"done": False, "gave_up": False, "next": f"?waiting={since:.6f}&n={n + 1}"}


# --- A trust's history ---------------------------------------------------------------------------


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you importing?",
        choices=ImportKind.choices,
        widget=forms.RadioSelect,
        help_text="Import the framework first, so the history's codes are known.",
    )
    file = forms.FileField(
        label="CSV file",
        help_text="Framework: code,kind,name,description,keywords. "
        "History: text,codes (codes separated by ';'). UTF-8, up to 10 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > services.MAX_IMPORT_CHARS:
            raise forms.ValidationError("The file is over 10 MB: split it and import each part.")
        try:
            return upload.name, upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "Save the file as 'CSV UTF-8' and try again: it is not UTF-8 text."
            ) from error


@require_http_methods(["GET", "POST"])
def history_import(request):
    _require_reviewer(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name, source = form.cleaned_data["file"]
        job = services.import_job_create(
            kind=form.cleaned_data["kind"], filename=name, source=source, user=request.user
        )
        return redirect("tagging_admin:import_job", job.pk)
    return TemplateResponse(
        request,
        "tasks/admin/history_import.html",
        {"form": form, "jobs": selectors.import_jobs()},
    )


def import_job(request, job_id: int):
    _require_reviewer(request)
    job = get_object_or_404(ImportJob.objects.defer("source"), pk=job_id)
    return TemplateResponse(request, "tasks/admin/import_job.html", {"job": job})
