"""Writes for safeguarding: screen feedback and raise flags (idempotent), tell the lead (by
email, with no text in it), and record what the lead did.

Nothing here logs text: ids and counts only.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role
from feedback.models import ResponseStatus
from tasks.texts import TextUnit, units_for_contributions, units_for_responses

from .models import FlagSeverity, SafeguardingFlag
from .screen import Screening, screen_text

logger = logging.getLogger(__name__)

DISCLOSURE = "disclosure"
EXCERPT_CHARS = 5000


def text_screen(text: str) -> Screening:
    """The one screen the app uses (queue, "help now", bulk screen)."""
    return screen_text(text)


# --- Screening feedback (idempotent) -------------------------------------------------------


def _flag_units(units: list[TextUnit]) -> list[int]:
    """One flag per flagged text, never two; returns the ids of flags made just now."""
    created_ids: list[int] = []
    for unit in units:
        result = text_screen(unit.text)
        if not result.flagged:
            continue
        flag, created = SafeguardingFlag.objects.get_or_create(
            target=unit.target,
            defaults={
                "response_id": unit.response_id,
                "answer_id": unit.answer_id,
                "contribution_id": unit.contribution_id,
                "severity": result.severity,
                "categories": list(result.categories) or [DISCLOSURE],
                "phrases": list(result.phrases),
                "method": result.method,
                "model_score": result.model_score,
                "excerpt": unit.text[:EXCERPT_CHARS],
            },
        )
        if created:
            created_ids.append(flag.id)
            logger.warning("safeguarding flag %s raised on %s", flag.id, unit.target)
        elif flag.excerpt != unit.text[:EXCERPT_CHARS] and _flag_renew(flag, unit, result):
            created_ids.append(flag.id)
            logger.warning("safeguarding flag %s reopened: %s was edited", flag.id, unit.target)
    if created_ids:
        transaction.on_commit(lambda: _notify_quietly(created_ids))
    return created_ids


def _flag_renew(flag: SafeguardingFlag, unit: TextUnit, result: Screening) -> bool:
    """A flagged text was edited (staff corrected a focus-group contribution) and still
    flags: the lead must read the new words. Returns True when the lead must be told again:
    the flag had been acknowledged (it is reopened, the old acknowledgement kept in its
    note) or the edit made it more severe."""
    was_acknowledged = flag.acknowledged_at is not None
    more_severe = result.severity == FlagSeverity.URGENT and flag.severity != FlagSeverity.URGENT
    flag.excerpt = unit.text[:EXCERPT_CHARS]
    flag.severity = result.severity
    flag.categories = list(result.categories) or [DISCLOSURE]
    flag.phrases = list(result.phrases)
    flag.method = result.method
    flag.model_score = result.model_score
    if was_acknowledged:
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        flag.note = (
            f"{flag.note}\n\n[{stamp}] Reopened: the text was changed after "
            f"{flag.acknowledged_by_name or 'the lead'} acknowledged it."
        ).strip()
        flag.acknowledged_at = None
    renotify = was_acknowledged or more_severe
    if renotify:
        flag.notified_at = None
    flag.save()
    return renotify


def _notify_quietly(flag_ids: list[int]) -> None:
    """After commit: the flags are saved whatever happens to the email. If the mail server is
    down, the tagging in the same job still runs and the sweep sends the email later."""
    try:
        flags_notify(flag_ids=flag_ids)
    except OSError as exc:  # smtplib.SMTPException is an OSError
        logger.warning("safeguarding notification for flags %s failed: %s", flag_ids, exc)


@transaction.atomic
def responses_screen(*, response_ids: list[int]) -> list[int]:
    """Screen every free-text answer of these submitted responses."""
    return _flag_units(units_for_responses(response_ids))


@transaction.atomic
def contributions_screen(*, contribution_ids: list[int]) -> list[int]:
    return _flag_units(units_for_contributions(contribution_ids))


# --- Telling the lead --------------------------------------------------------------------------


def notify_recipients() -> list[str]:
    leads = (
        get_user_model()
        .objects.filter(groups__name=Role.SAFEGUARDING_LEAD, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    seen: dict[str, None] = {}
    for address in [*settings.SAFEGUARDING_NOTIFY_EMAILS, *leads]:
        seen.setdefault(address.strip().lower(), None)
    return [a for a in seen if a]


def admin_url(name: str, *args) -> str:
    """An absolute link for emails, always from ``WAGTAILADMIN_BASE_URL``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def queue_url() -> str:
    return admin_url("safeguarding_admin:queue")


def flags_notify(*, flag_ids: list[int]) -> int:
    """Email the lead(s) that flags need review. Never the text, a name or a reference code:
    only how many, how urgent, and a link to the queue (behind sign-in and MFA)."""
    flags = SafeguardingFlag.objects.filter(id__in=flag_ids, notified_at__isnull=True)
    count = flags.count()
    if not count:
        return 0
    urgent = flags.filter(severity=FlagSeverity.URGENT).exists()
    recipients = notify_recipients()
    if not recipients:
        logger.error("safeguarding flags %s: nobody to notify", flag_ids)
        return 0
    plural = "s need" if count > 1 else " needs"
    subject = (
        f"Every Voice: {'URGENT - ' if urgent else ''}{count} new safeguarding flag{plural} review"
    )
    body = (
        f"{count} new safeguarding flag{plural} review"
        f"{' (at least one is marked urgent)' if urgent else ''}.\n\n"
        f"Open the safeguarding queue (sign-in needed): {queue_url()}\n\n"
        "This email never contains what the person wrote. Please read and acknowledge each "
        "flag in the queue.\n"
    )
    send_mail(subject, body, None, recipients, fail_silently=False)
    flags.update(notified_at=timezone.now())
    logger.info("safeguarding flags %s notified to %d recipients", flag_ids, len(recipients))
    return count


def flags_notify_pending() -> int:
    """For the sweep: flags whose email never went (mail server down, no recipients yet)."""
    ids = list(
        SafeguardingFlag.objects.filter(notified_at__isnull=True).values_list("id", flat=True)
    )
    if not ids:
        return 0
    try:
        return flags_notify(flag_ids=ids)
    except OSError as exc:  # SMTP down: try again on the next sweep
        logger.warning("safeguarding notification failed for %d flags: %s", len(ids), exc)
        return 0


# --- The lead --------------------------------------------------------------------------------


def flag_view(*, flag_id: int, user) -> SafeguardingFlag:
    """Fetch one flag to show it, and record that this person saw it."""
    flag = SafeguardingFlag.objects.select_related(
        "response__survey", "contribution__session", "acknowledged_by"
    ).get(pk=flag_id)
    audit_record(user=user, action=AuditAction.VIEW_SAFEGUARDING, target=f"flag:{flag.pk}")
    return flag


@transaction.atomic
def flag_acknowledge(*, flag_id: int, user, note: str = "") -> SafeguardingFlag:
    """The lead has read the flag and says what they did. Only the first acknowledgement
    counts; a later note is added to the trail (audit) without moving who/when."""
    flag = SafeguardingFlag.objects.select_for_update().get(pk=flag_id)
    note = note.strip()
    if flag.acknowledged_at is None:
        flag.acknowledged_at = timezone.now()
        flag.acknowledged_by = user
        flag.acknowledged_by_name = user.get_username()
        flag.note = note
    elif note:
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        flag.note = f"{flag.note}\n\n[{stamp} {user.get_username()}] {note}".strip()
    flag.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledged_by_name", "note"])
    audit_record(
        user=user,
        action=AuditAction.ACKNOWLEDGE_SAFEGUARDING,
        target=f"flag:{flag.pk}",
        detail="note added" if note else "",
    )
    logger.info("safeguarding flag %s acknowledged by user %s", flag.pk, user.pk)
    return flag


@transaction.atomic
def flag_release(*, flag_id: int, user) -> SafeguardingFlag:
    """The lead says this text may appear in quotes and insight (containment ends)."""
    flag = SafeguardingFlag.objects.select_for_update().get(pk=flag_id)
    if flag.released_at is None:
        flag.released_at = timezone.now()
        flag.released_by = user
        flag.save(update_fields=["released_at", "released_by"])
        audit_record(
            user=user,
            action=AuditAction.ACKNOWLEDGE_SAFEGUARDING,
            target=f"flag:{flag.pk}",
            detail="released for quotes and insight",
        )
    return flag


def flag_copies_clear(**_kwargs) -> dict | None:
    """Retention: closed flags whose text is gone from the feedback lose their copy of it
    (open flags keep it: a person must still read it)."""
    gone = (
        Q(answer__isnull=True, contribution__isnull=True)
        | Q(answer__text="")
        | Q(contribution__text="")
        | Q(response__status=ResponseStatus.WITHDRAWN)
    )
    cleared = (
        SafeguardingFlag.objects.filter(acknowledged_at__isnull=False)
        .exclude(excerpt="")
        .filter(gone)
        .update(excerpt="")
    )
    return {"safeguarding_flag_copies_cleared": cleared} if cleared else None
