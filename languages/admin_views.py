"""Staff screens for feedback not in English: the open translation requests, asking for a
translation and entering one. Thin: ``languages.services`` decides and records."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role, has_role
from feedback.selectors import text_refs

from . import selectors, services
from .models import TextTranslation

# The people who review tags: they read raw feedback already.
TRANSLATION_ROLES = (Role.ENGAGEMENT, Role.ADMINISTRATOR)


def _require(request) -> None:
    if not has_role(request.user, *TRANSLATION_ROLES):
        raise PermissionDenied


class TranslationForm(forms.Form):
    text = forms.CharField(
        label="The English translation",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        required=False,
    )
    translator_name = forms.CharField(
        label="Who translated it",
        help_text="The person or the agency, for example 'Leicester interpreting service'.",
        max_length=120,
        required=False,
    )


@require_http_methods(["GET"])
def translation_list(request):
    _require(request)
    rows, total = selectors.translations_open()
    if rows:  # texts are shown: record who looked
        audit_record(
            user=request.user,
            action=AuditAction.VIEW_TRANSLATION,
            target="translations:open",
            detail=f"{len(rows)} texts",
        )
    return TemplateResponse(
        request, "languages/admin/translations.html", {"rows": rows, "total": total}
    )


def _back(request):
    url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = reverse("translations_admin:list")
    return redirect(url)


@require_POST
def translation_request(request, translation_id: int):
    _require(request)
    translation = get_object_or_404(TextTranslation, pk=translation_id)
    translation = services.translation_request(translation_id=translation.pk, user=request.user)
    messages.success(
        request,
        f"Translation from {translation.language_name} requested. It is listed under "
        "\u201cTranslations\u201d until someone enters it.",
    )
    return _back(request)


@require_http_methods(["GET", "POST"])
def translation_enter(request, translation_id: int):
    _require(request)
    translation = get_object_or_404(
        TextTranslation.objects.select_related("requested_by", "entered_by"), pk=translation_id
    )
    initial = {"text": translation.text, "translator_name": translation.translator_name}
    form = TranslationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.translation_enter(
                translation_id=translation.pk, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                "Translation saved. The English is being tagged and screened for "
                "safeguarding now; the original is kept.",
            )
            return redirect("translations_admin:list")
    ref = text_refs([translation.target]).get(translation.target)
    audit_record(
        user=request.user,
        action=AuditAction.VIEW_TRANSLATION,
        target=translation.target,
        detail="enter",
    )
    return TemplateResponse(
        request,
        "languages/admin/translation_enter.html",
        {"translation": translation, "ref": ref, "form": form},
        status=400 if form.errors else 200,
    )
