"""Staff screens in the Wagtail admin: the taxonomy CSV import and export."""

from __future__ import annotations

import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .services import CSV_COLUMNS, taxonomy_export_csv, taxonomy_import_csv

TAXONOMY_PERMISSIONS = (
    "cms.add_pledge",
    "cms.change_pledge",
    "cms.add_pathway",
    "cms.change_pathway",
)
MAX_CSV_BYTES = 1024 * 1024  # the full taxonomy is about 20 KB


def can_manage_taxonomy(user) -> bool:
    return user.is_active and user.has_perms(TAXONOMY_PERMISSIONS)


class TaxonomyImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=f"Columns: {','.join(CSV_COLUMNS)}. Keywords separated by ';'.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("This file is too big for a taxonomy (over 1 MB).")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "Save the file as 'CSV UTF-8' and try again: it is not UTF-8 text."
            ) from error


class TaxonomyCSVView(WagtailAdminTemplateMixin, FormView):
    template_name = "cms/admin/taxonomy_csv.html"
    form_class = TaxonomyImportForm
    page_title = "Import and export the taxonomy"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_taxonomy(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export_url"] = reverse("cms_taxonomy_export")
        context["columns"] = ",".join(CSV_COLUMNS)
        return context

    def form_valid(self, form):
        result = taxonomy_import_csv(source=form.cleaned_data["file"], user=self.request.user)
        return self.render_to_response(self.get_context_data(form=form, result=result))


def taxonomy_export(request):
    if not can_manage_taxonomy(request.user):
        raise PermissionDenied
    buffer = io.StringIO()
    taxonomy_export_csv(out=buffer)
    filename = f"everyvoice-taxonomy-{timezone.localdate():%Y-%m-%d}.csv"
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def audit_log(request):
    """The staff audit log, newest first, for administrators only. Read-only by design."""
    from django.core.paginator import Paginator

    from .models import AuditEvent
    from .roles import Role, has_role

    if not has_role(request.user, Role.ADMINISTRATOR):
        raise PermissionDenied
    events = AuditEvent.objects.all()
    if action := request.GET.get("action"):
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "cms/admin/audit_log.html",
        {
            "page": page,
            "action": action or "",
            "actions": AuditEvent._meta.get_field("action").choices,
        },
    )
