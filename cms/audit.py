"""Record staff access to raw feedback. Call it from the view that shows or exports the data."""

from .models import AuditAction, AuditEvent


def audit_record(*, user, action: AuditAction | str, target: str, detail: str = "") -> AuditEvent:
    """Append one event. ``target`` names the data by id (``response:12``), never its text."""
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        username=getattr(user, "get_username", lambda: "")() or "anonymous",
        action=str(action),
        target=target[:120],
        detail=detail[:255],
    )
