"""Staff screens for tagging: the review queue and the tagger's health. Thin: services decide."""

from urllib.parse import parse_qs, urlsplit

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
from feedback.selectors import text_name
from languages.selectors import translations_open

from . import selectors, services
from .holds import held_targets
from .models import ImportJob, ImportKind, Tag, TagStatus

REVIEW_ROLES = (Role.ENGAGEMENT, Role.ADMINISTRATOR)


def _require_reviewer(request) -> None:
    if not has_role(request.user, *REVIEW_ROLES):
        raise PermissionDenied


def _names() -> dict[str, str]:
    return {t.code: t.label for t in active_taxonomy()}


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
            "subtitle": f"{waiting} text{'' if waiting == 1 else 's'} waiting"
            + (f" under \u201c{names.get(code, code)}\u201d" if code else ""),
            "code_name": names.get(code, code),
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


RECENT = "recent"  # the id of the "Recent decisions" heading, where undo buttons are


def _back(request, anchor: str):
    """Back to the queue as it was (its filter and order), never to another site, opened at
    ``anchor`` (review-form.js moves focus there and shows what was saved beside it)."""
    url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = reverse("tagging_admin:review_queue")
    return redirect(f"{url.split('#')[0]}#{anchor}")


QUEUE_EMPTY = "queue-empty"  # the id of "Nothing is waiting for review."


def _place_after(request, touched: list[str]) -> str:
    """The id the page opens at after a decision, so the reviewer carries on where they were.

    ``touched`` is the text whose own button was pressed, else the texts decided on. The
    first of them if it still waits (it may have moved in the queue), else the next text
    they were shown that still waits, else the nearest one above it, else the top of the
    queue; "Nothing is waiting" when nothing does. Looked up in the queue as it will be
    shown (same filter and order), so the place is on the page.
    """
    shown = [t for t in request.POST.getlist("shown") if t]
    first = next((i for i, t in enumerate(shown) if t in touched), None)
    query = parse_qs(urlsplit(request.POST.get("next", "")).query)
    order = query.get("order", ["teach"])[0]
    items, _ = selectors.review_queue(
        code=query.get("code", [""])[0],
        order=order if order in selectors.ORDERS else "teach",
        thresholds=services.tagger_current().thresholds(),
    )
    waiting = [item.target for item in items]
    around = [*touched] if first is None else [*shown[first:], *reversed(shown[:first])]
    candidates, waits = [*around, *waiting], set(waiting)
    place = next((t for t in candidates if t in waits), None)
    return selectors.text_anchor(place) if place else QUEUE_EMPTY


def _decided(verb: str, tags: list, names: dict[str, str], *, to: str = "on") -> str:
    """``Confirmed “Annual health checks” on Answer 12; “Leder” on Answer 14.``: which tag on
    which text, by the names the screen uses, so the reviewer can check what was saved."""
    by_text: dict[str, list[str]] = {}
    for tag in tags:
        by_text.setdefault(tag.target, []).append(f"\u201c{names.get(tag.code, tag.code)}\u201d")
    parts = [
        f"{' and '.join(labels)} {to} {text_name(target)}"
        for target, labels in list(by_text.items())[:MESSAGE_TEXTS]
    ]
    more = len(by_text) - MESSAGE_TEXTS
    if more > 0:
        parts.append(f"tags on {more} more text{'s' if more != 1 else ''}")
    return f"{verb} {'; '.join(parts)}."


MESSAGE_TEXTS = 3  # texts named in a message; the rest are counted


def _review_post(request):
    """Decide the ticked tags (confirm or reject) and add the tags chosen in the lists.

    Whichever button was pressed, a tag chosen in an "Add a tag" list is added: a reviewer
    who chose one and then pressed Confirm must not lose it without a word. The message names
    each tag and text saved, and the page opens where the reviewer was (``_place_after``).
    """
    # A text's own buttons say which text they are under ("confirmed:a:12"): the place to
    # come back to. The buttons at the top say only the decision.
    decision, _, at = request.POST.get("decision", "").partition(":")
    ids = [int(i) for i in request.POST.getlist("tag") if i.isdigit()]
    chosen = {k[4:]: v for k, v in request.POST.items() if k.startswith("add-") and v}
    if decision not in (TagStatus.CONFIRMED, TagStatus.REJECTED, "add"):
        # Enter pressed without script: the form's harmless default button.
        messages.warning(
            request, "Nothing was saved. Use the Confirm, Reject or Add buttons to decide."
        )
        return _back(request, _place_after(request, [at] if at else _working_on(ids, chosen)))
    names = _names()
    decided, added = [], []
    if decision in (TagStatus.CONFIRMED, TagStatus.REJECTED) and ids:
        decided = services.tags_review(tag_ids=ids, decision=decision, user=request.user)
        if decision == TagStatus.CONFIRMED and len(decided) < len(ids):
            left = len(ids) - len(decided)
            messages.warning(
                request,
                f"{left} ticked tag{'s were' if left != 1 else ' was'} "
                "not confirmed: already decided, or the text has an open safeguarding flag.",
            )
    elif ids:
        ticked = list(Tag.objects.filter(pk__in=ids).order_by("target", "code"))
        them = "it" if len(ticked) == 1 else "them"
        messages.warning(
            request,
            _decided("Ticked but not decided, as Add only adds chosen tags:", ticked, names)
            + f" To decide {them}, tick {them} again and press Confirm or Reject ticked tags.",
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
                    added.append(services.tag_add(target=target, code=value, user=request.user))
                except (ValueError, ObjectDoesNotExist) as exc:
                    messages.error(request, str(exc))
    if not ids and not chosen:
        messages.warning(request, "Tick at least one tag, or choose a tag to add, first.")
    saved = []
    if decided:
        verb = "Confirmed" if decision == TagStatus.CONFIRMED else "Rejected"
        saved.append(_decided(verb, decided, names))
    if added:
        saved.append(_decided("Added", added, names, to="to"))
    if saved:
        one = len(decided) + len(added) == 1
        saved.append(
            f"You can undo {'it' if one else 'any of them'} under \u201cRecent decisions\u201d."
        )
        messages.success(request, " ".join(saved))
    touched = [t.target for t in decided] + [t.target for t in added]
    return _back(
        request, _place_after(request, [at] if at else touched or _working_on(ids, chosen))
    )


def _working_on(ids: list[int], chosen: dict[str, str]) -> list[str]:
    """The texts whose tags were ticked or chosen, saved or not."""
    return list(chosen) + list(Tag.objects.filter(pk__in=ids).values_list("target", flat=True))


@require_POST
def tag_undo(request, tag_id: int):
    _require_reviewer(request)
    tag = Tag.objects.filter(pk=tag_id).only("target", "code").first()
    try:
        outcome = services.tag_undo(tag_id=tag_id, user=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        which = f"\u201c{_names().get(tag.code, tag.code)}\u201d on {text_name(tag.target)}"
        messages.success(
            request,
            f"Undone: {which} is waiting for review again."
            if outcome == "suggested"
            else f"Undone: {which}, which a person added, is removed.",
        )
    return _back(request, RECENT)


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
