"""The retention report for administrators. Thin: ``retention.py`` decides and records."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from cms.roles import Role, has_role

from .models import RetentionRun

RETENTION_ROLES = (Role.ADMINISTRATOR,)


def retention_report(request):
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    if not has_role(request.user, *RETENTION_ROLES):
        raise PermissionDenied
    return TemplateResponse(
        request, "tasks/admin/retention.html", {"runs": RetentionRun.objects.all()[:100]}
    )
