"""Staff screens for emerging themes: start a search, read its candidate themes (redacted
quotes), rename, merge, split and promote them into the taxonomy. Thin: services decide."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST

from cms.audit import audit_record
from cms.models import AuditAction, ConsultationPage, code_in_use

from . import selectors, services
from .admin_views import _require_reviewer
from .models import CandidateStatus, CandidateTheme, ThemeRun


class DateInput(forms.DateInput):
    input_type = "date"


class ThemeRunForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label="Consultation",
        queryset=ConsultationPage.objects.order_by("title"),
        required=False,
        empty_label="Every consultation",
        help_text="Look at the answers and focus-group contributions of one consultation.",
    )
    date_from = forms.DateField(label="From (optional)", required=False, widget=DateInput)
    date_to = forms.DateField(label="To (optional)", required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return data


class PromoteForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    code = forms.SlugField(
        label="Code",
        max_length=60,
        help_text="Small letters, numbers and hyphens. Tags refer to it, so it never changes.",
    )
    description = forms.CharField(
        label="Description for staff", widget=forms.Textarea(attrs={"rows": 3})
    )
    keywords = forms.CharField(
        label="Words and phrases the tagger looks for (one a line)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Start from the key phrases; remove any that also mean other things.",
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].lower()
        taken = code_in_use(code)
        if taken:
            raise forms.ValidationError(f"A {taken} already uses this code: choose another.")
        return code


def _errors(*forms_: forms.Form) -> list[dict]:
    """Each field error as an error-summary link to its field; each field with an error is
    described by it (and its hint), as the NHS error message pattern has it."""
    for form in forms_:
        for name in form.errors:
            if name in form.fields:
                auto_id = form[name].auto_id
                hint = f"{auto_id}_helptext " if form.fields[name].help_text else ""
                form.fields[name].widget.attrs["aria-describedby"] = f"{hint}{auto_id}-error"
    return [
        {"href": f"#{form[name].auto_id}" if name != "__all__" else "#", "text": error}
        for form in forms_
        for name, errors in form.errors.items()
        for error in errors
    ]


@require_http_methods(["GET", "POST"])
def theme_runs(request):
    _require_reviewer(request)
    form = ThemeRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = services.theme_run_create(user=request.user, **form.cleaned_data)
        return redirect("tagging_admin:theme_run", run.pk)
    return TemplateResponse(
        request,
        "tasks/admin/theme_runs.html",
        {"form": form, "errors": _errors(form), "runs": selectors.theme_runs()},
        status=400 if form.errors else 200,
    )


def _run_page(request, run: ThemeRun, *, errors=(), entered: dict | None = None, status=200):
    candidates = selectors.theme_candidates(run)
    audit_record(
        user=request.user,
        action=AuditAction.VIEW_THEMES,
        target=f"theme_run:{run.pk}",
        detail=f"{len(candidates)} candidates, up to {selectors.QUOTES_PER_THEME} quotes each",
    )
    return TemplateResponse(
        request,
        "tasks/admin/theme_run.html",
        {
            "run": run,
            "candidates": candidates,
            "open": [c.candidate for c in candidates if c.candidate.status == "open"],
            "errors": list(errors),
            "entered": entered or {},
        },
        status=status,
    )


def theme_run(request, run_id: int):
    _require_reviewer(request)
    run = get_object_or_404(ThemeRun.objects.select_related("consultation"), pk=run_id)
    return _run_page(request, run)


@require_POST
def theme_candidate(request, candidate_id: int):
    """Rename, merge or split one candidate; a problem is shown on the run's page with what
    was typed kept."""
    _require_reviewer(request)
    candidate = get_object_or_404(CandidateTheme.objects.select_related("run"), pk=candidate_id)
    action = request.POST.get("action", "")
    field = {"rename": "name", "merge": "other"}.get(action, "action")
    try:
        if action == "rename":
            services.candidate_rename(
                candidate_id=candidate.pk, name=request.POST.get("name", ""), user=request.user
            )
            messages.success(request, "Theme renamed.")
        elif action == "merge":
            other = request.POST.get("other", "")
            if not other.isdigit():
                raise ValueError("Choose the theme to merge with.")
            merged = services.candidate_merge(
                candidate_id=candidate.pk, other_id=int(other), user=request.user
            )
            messages.success(
                request, f"Merged: \u201c{merged.name}\u201d has {merged.size} texts."
            )
        elif action == "split":
            first, second = services.candidate_split(candidate_id=candidate.pk, user=request.user)
            messages.success(
                request, f"Split into \u201c{first.name}\u201d and \u201c{second.name}\u201d."
            )
        else:
            raise ValueError("Choose what to do with the theme.")
    except ValueError as exc:
        errors = [{"href": f"#{field}-{candidate.pk}", "text": str(exc)}]
        entered = {**request.POST.dict(), "candidate": candidate.pk}
        return _run_page(request, candidate.run, errors=errors, entered=entered, status=400)
    return redirect("tagging_admin:theme_run", candidate.run_id)


@require_http_methods(["GET", "POST"])
def theme_promote(request, candidate_id: int):
    _require_reviewer(request)
    candidate = get_object_or_404(CandidateTheme.objects.select_related("run"), pk=candidate_id)
    if candidate.status != CandidateStatus.OPEN:
        messages.info(request, f"\u201c{candidate.name}\u201d is already in the taxonomy.")
        return redirect("tagging_admin:theme_run", candidate.run_id)
    initial = {
        "name": candidate.name[:1].upper() + candidate.name[1:],
        "code": slugify(candidate.name)[:60],
        "description": f"Feedback about {candidate.name}: "
        + ", ".join(candidate.key_phrases[:5])
        + ".",
        "keywords": "\n".join(candidate.key_phrases[:5]),
    }
    form = PromoteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            theme, examples = services.candidate_promote(
                candidate_id=candidate.pk,
                code=data["code"],
                name=data["name"],
                description=data["description"],
                keywords=data["keywords"].splitlines(),
                user=request.user,
            )
        except ValueError as exc:
            form.add_error("code", str(exc))
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"\u201c{theme.name}\u201d is now a theme in the taxonomy, with {examples} "
                "reviewed examples. The tagger is retraining and will tag feedback with it.",
            )
            return redirect("tagging_admin:theme_run", candidate.run_id)
    return TemplateResponse(
        request,
        "tasks/admin/theme_promote.html",
        {"candidate": candidate, "form": form, "errors": _errors(form)},
        status=400 if form.errors else 200,
    )
