"""Writes for safeguarding: screen feedback and raise flags (idempotent), tell the lead (by
email, with no text in it), and record what the lead did.

Nothing here logs text: ids and counts only.
"""

from __future__ import annotations

import io
import logging
import re
import secrets
import tempfile
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from cms.audit import audit_record
from cms.jobs import enqueue, enqueue_on_commit
from cms.models import AuditAction
from cms.roles import Role
from feedback.models import ResponseStatus
from languages.catalogue import get as language_get
from languages.detect import text_language
from tasks.texts import TextUnit, texts_for_targets, units_for_contributions, units_for_responses

from .models import (
    DigestSent,
    FlagMethod,
    FlagOutcome,
    FlagSeverity,
    FlagSource,
    FlagStatus,
    SafeguardingFlag,
    ScreenJob,
    ScreenJobStatus,
    ScreenModelVersion,
    screen_file_path,
)
from .screen import (
    BulkScreenError,
    Decision,
    Screening,
    ScreenModel,
    screen_csv,
    screen_text,
    screen_texts,
    train_model,
)
from .screen.bulk import check_csv
from .screen.categories import category_labels

logger = logging.getLogger(__name__)

DISCLOSURE = "disclosure"
NOT_ENGLISH = "not-english"
EXCERPT_CHARS = 5000


_MODEL_CACHE: dict[str, ScreenModel] = {}


def active_model() -> ScreenModel | None:
    """The lead-taught model in use (one small query; loaded once per process per version),
    or None for the model trained from the data files alone."""
    version = (
        ScreenModelVersion.objects.filter(active=True).values_list("version", flat=True).first()
    )
    if version is None:
        return None
    if version not in _MODEL_CACHE:
        blob = ScreenModelVersion.objects.values_list("blob", flat=True).get(version=version)
        _MODEL_CACHE.clear()
        _MODEL_CACHE[version] = ScreenModel.loads(bytes(blob))
    return _MODEL_CACHE[version]


def text_screen(text: str) -> Screening:
    """The one screen the app uses (queue, "help now", bulk screen)."""
    return screen_text(text, active_model())


# --- Screening feedback (idempotent) -------------------------------------------------------


@dataclass(frozen=True)
class NotEnglish:
    """What the flag records for a text the English-only screen cannot read."""

    phrases: tuple[str, ...]  # the language's name, for the lead
    flagged: bool = True
    severity: str = FlagSeverity.CONCERN
    categories: tuple[str, ...] = (NOT_ENGLISH,)
    method: str = FlagMethod.LANGUAGE
    model_score: float | None = None


def _not_english(text: str) -> NotEnglish | None:
    """A text in another language goes to the lead as a "concern" (its language named), to be
    read by a person who reads it: never silently unscreened. None for English text."""
    found = text_language(text)
    if found.english:
        return None
    name = language_get(found.code).name if found.code not in ("other", "en") else "Unknown"
    return NotEnglish(phrases=(name,))


def _flag_units(units: list[TextUnit]) -> list[int]:
    """One flag per flagged text, never two; returns the ids of flags made just now."""
    created_ids: list[int] = []
    for unit in units:
        result = text_screen(unit.text)
        if not result.flagged:
            result = _not_english(unit.text) or result
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
                "phrases": _distinct(result.phrases),
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


def _distinct(phrases) -> list[str]:
    """Each matched phrase once, first seen first: two rules matching the same words ("hit me")
    showed the lead "hit me; hit me"."""
    return list(dict.fromkeys(phrases))


def _flag_renew(flag: SafeguardingFlag, unit: TextUnit, result: Screening | NotEnglish) -> bool:
    """A flagged text was edited (staff corrected a focus-group contribution, or entered the
    English translation of a text not in English) and still flags: the lead must read the new
    words, and a released flag holds the text again. Returns True when the lead must be told again:
    the flag had been closed (it is reopened, the old decision kept in its note) or the edit
    made it more severe."""
    was_closed = flag.status == FlagStatus.CLOSED
    more_severe = result.severity == FlagSeverity.URGENT and flag.severity != FlagSeverity.URGENT
    flag.excerpt = unit.text[:EXCERPT_CHARS]
    flag.severity = result.severity
    flag.categories = list(result.categories) or [DISCLOSURE]
    flag.phrases = _distinct(result.phrases)
    flag.method = result.method
    flag.model_score = result.model_score
    if was_closed:
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        flag.note = (
            f"{flag.note}\n\n[{stamp}] Reopened: the text was changed after "
            f"{flag.closed_by_name or 'the lead'} closed it ({flag.get_outcome_display()})."
        ).strip()
        flag.status = FlagStatus.IN_PROGRESS if flag.assignee_id else FlagStatus.NEW
        flag.closed_at = None
        flag.outcome = ""
    if flag.released_at is not None:
        # The lead released the old words (or a text they could not read: a translation can
        # show a disclosure), not these: held from quotes and insight again until released.
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        flag.note = (
            f"{flag.note}\n\n[{stamp}] Held again: the text changed after it was released."
        ).strip()
        flag.released_at, flag.released_by = None, None
    renotify = was_closed or more_severe
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
        "This email never contains what the person wrote. Please pick up each flag in the "
        "queue, and close it with an outcome and a note.\n"
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


# --- Escalation and the daily digest (beat jobs; both idempotent) ------------------------------


def escalation_recipients() -> list[str]:
    """The lead(s) and the deputy list, each address once."""
    seen = dict.fromkeys(notify_recipients())
    for address in settings.SAFEGUARDING_DEPUTY_EMAILS:
        seen.setdefault(address.strip().lower(), None)
    return [a for a in seen if a]


def flags_escalate(*, now=None) -> int:
    """Urgent flags nobody has picked up (still "new") after
    ``SAFEGUARDING_ESCALATE_AFTER_MINUTES`` are sent again to the lead(s) and the deputies,
    once each: the flag is claimed (``escalated_at``) in the same UPDATE that finds it, so two
    beat runs never send twice. No text in the email: a link to each flag."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.SAFEGUARDING_ESCALATE_AFTER_MINUTES)
    due = SafeguardingFlag.objects.filter(
        status=FlagStatus.NEW,
        severity=FlagSeverity.URGENT,
        escalated_at__isnull=True,
        created_at__lte=cutoff,
    )
    ids = [
        pk
        for pk in due.values_list("pk", flat=True)
        if SafeguardingFlag.objects.filter(pk=pk, escalated_at__isnull=True).update(
            escalated_at=now
        )
    ]
    if not ids:
        return 0
    recipients = escalation_recipients()
    if not recipients:
        logger.error("safeguarding escalation of flags %s: nobody to tell", ids)
        return 0
    minutes = settings.SAFEGUARDING_ESCALATE_AFTER_MINUTES
    links = "\n".join(f"- {admin_url('safeguarding_admin:flag', pk)}" for pk in ids)
    try:
        send_mail(
            f"Every Voice: URGENT - {len(ids)} safeguarding flag"
            f"{'s' if len(ids) > 1 else ''} not picked up after {minutes} minutes",
            f"{len(ids)} urgent safeguarding flag{'s have' if len(ids) > 1 else ' has'} waited "
            f"more than {minutes} minutes with nobody assigned. Please pick "
            f"{'them' if len(ids) > 1 else 'it'} up now (sign-in needed):\n\n{links}\n\n"
            "This email never contains what the person wrote.\n",
            None,
            recipients,
            fail_silently=False,
        )
    except OSError as exc:  # SMTP down: unclaim, so the next beat tries again
        SafeguardingFlag.objects.filter(pk__in=ids).update(escalated_at=None)
        logger.warning("safeguarding escalation of flags %s failed: %s", ids, exc)
        return 0
    logger.warning("safeguarding flags %s escalated to %d recipients", ids, len(recipients))
    return len(ids)


def flags_digest(*, now=None) -> int:
    """Once a day: how many flags are open, by state and severity, the oldest first, with
    links (never text). Sent at most once per date (``DigestSent``); nothing when none are
    open. Returns how many open flags it listed."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if timezone.localtime(now).hour < settings.SAFEGUARDING_DIGEST_HOUR:
        return 0
    if DigestSent.objects.filter(sent_on=today).exists():
        return 0
    waiting = list(
        SafeguardingFlag.objects.exclude(status=FlagStatus.CLOSED)
        .select_related("assignee")
        .order_by("created_at")
    )
    with transaction.atomic():
        _, created = DigestSent.objects.get_or_create(
            sent_on=today, defaults={"flags": len(waiting)}
        )
    if not created or not waiting:
        return 0
    recipients = escalation_recipients()
    if not recipients:
        logger.error("safeguarding digest: nobody to tell")
        return 0
    urgent = sum(f.severity == FlagSeverity.URGENT for f in waiting)
    new = sum(f.status == FlagStatus.NEW for f in waiting)
    lines = [
        f"- Flag {f.pk}: {f.get_severity_display()}, {f.get_status_display().lower()}"
        f"{', with ' + f.assignee.get_username() if f.assignee else ', nobody assigned'}"
        f", raised {timezone.localtime(f.created_at):%d %b %Y %H:%M}: "
        f"{admin_url('safeguarding_admin:flag', f.pk)}"
        for f in waiting[:50]
    ]
    more = f"\n...and {len(waiting) - 50} more in the queue." if len(waiting) > 50 else ""
    try:
        send_mail(
            f"Every Voice: {len(waiting)} safeguarding flag{'s' if len(waiting) > 1 else ''} "
            f"open ({urgent} urgent)",
            f"Open safeguarding flags today: {len(waiting)} ({urgent} urgent, {new} not yet "
            f"picked up).\n\n" + "\n".join(lines) + more + f"\n\nThe queue: {queue_url()}\n\n"
            "This email never contains what anyone wrote.\n",
            None,
            recipients,
            fail_silently=False,
        )
    except OSError as exc:  # try again on the next beat today
        DigestSent.objects.filter(sent_on=today).delete()
        logger.warning("safeguarding digest failed: %s", exc)
        return 0
    return len(waiting)


# --- The lead --------------------------------------------------------------------------------


def flag_view(*, flag_id: int, user) -> SafeguardingFlag:
    """Fetch one flag to show it (with its text), and record that this person saw it."""
    flag = SafeguardingFlag.objects.select_related(
        "response__survey", "contribution__session", "closed_by", "assignee"
    ).get(pk=flag_id)
    audit_record(user=user, action=AuditAction.VIEW_SAFEGUARDING, target=f"flag:{flag.pk}")
    return flag


def lead_choices():
    """Who may be given a flag: active safeguarding leads and administrators."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name__in=[Role.SAFEGUARDING_LEAD, Role.ADMINISTRATOR]
        )
        .distinct()
        .order_by("username")
    )


def _stamp_note(flag: SafeguardingFlag, user, text: str) -> None:
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    flag.note = f"{flag.note}\n\n[{stamp} {user.get_username()}] {text}".strip()


@transaction.atomic
def flag_assign(*, flag_id: int, user, assignee) -> SafeguardingFlag:
    """Give the flag to a lead (picking it up yourself is assigning it to you): a new flag
    moves to "in progress". A closed flag keeps its state; only who holds it changes."""
    if not lead_choices().filter(pk=assignee.pk).exists():
        raise ValidationError("Choose a safeguarding lead or an administrator.")
    flag = SafeguardingFlag.objects.select_for_update().get(pk=flag_id)
    flag.assignee = assignee
    flag.assigned_at = timezone.now()
    if flag.status == FlagStatus.NEW:
        flag.status = FlagStatus.IN_PROGRESS
    _stamp_note(flag, user, f"Assigned to {assignee.get_username()}.")
    flag.save(update_fields=["assignee", "assigned_at", "status", "note"])
    audit_record(user=user, action=AuditAction.ACKNOWLEDGE_SAFEGUARDING,
                 target=f"flag:{flag.pk}", detail=f"assigned to user {assignee.pk}")  # fmt: skip
    return flag


@transaction.atomic
def flag_close(
    *,
    flag_id: int,
    user,
    outcome: str,
    note: str,
    categories: list[str] | None = None,
    release: bool = False,
) -> SafeguardingFlag:
    """Close a flag with the lead's decision: an outcome and a note are both required (no
    one-click close). ``categories`` is what kind of harm the lead decided it was (kept to
    teach the screen); ``release`` lets the text into quotes and insight (default: it stays
    contained). Closing an already closed flag adds to the note only."""
    note = note.strip()
    errors = {}
    if outcome not in FlagOutcome.values:
        errors["outcome"] = "Choose what you decided."
    if not note:
        errors["note"] = "Write what you did and why."
    unknown = [c for c in categories or [] if c not in category_labels()]
    if unknown:
        errors["categories"] = "Choose kinds of harm from the list."
    if errors:
        raise ValidationError(errors)
    flag = SafeguardingFlag.objects.select_for_update().get(pk=flag_id)
    if flag.status == FlagStatus.CLOSED:
        _stamp_note(flag, user, note)
        flag.save(update_fields=["note"])
        return flag
    now = timezone.now()
    flag.status = FlagStatus.CLOSED
    flag.outcome = outcome
    flag.closed_at = now
    flag.closed_by = user
    flag.closed_by_name = user.get_username()
    flag.lead_categories = list(categories or flag.categories)
    if flag.assignee_id is None:
        flag.assignee, flag.assigned_at = user, now
    _stamp_note(flag, user, f"Closed: {flag.get_outcome_display()}. {note}")
    if release and flag.released_at is None:
        flag.released_at, flag.released_by = now, user
    flag.save()
    audit_record(user=user, action=AuditAction.ACKNOWLEDGE_SAFEGUARDING,
                 target=f"flag:{flag.pk}", detail=f"closed: {outcome}"
                 + ("; released" if release else ""))  # fmt: skip
    logger.info("safeguarding flag %s closed (%s) by user %s", flag.pk, outcome, user.pk)
    enqueue_on_commit("everyvoice.safeguarding_retrain")  # the lead's decision teaches it
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
        SafeguardingFlag.objects.filter(status=FlagStatus.CLOSED)
        .exclude(excerpt="")
        .filter(gone)
        .update(excerpt="")
    )
    return {"safeguarding_flag_copies_cleared": cleared} if cleared else None


# --- Learning from the lead ----------------------------------------------------------------------


def lead_decisions() -> list[Decision]:
    """Every decision the lead has made, as training examples: closed flags (no concern ->
    "none", otherwise a disclosure of the flag's severity and the lead's first category) and
    texts flagged by hand (a miss the screen must learn). Flags whose copy of the text is gone
    (retention) teach nothing."""
    out = []
    flags = SafeguardingFlag.objects.exclude(excerpt="").filter(
        Q(status=FlagStatus.CLOSED) | Q(source=FlagSource.LEAD)
    )
    for flag in flags.order_by("pk"):
        if flag.status == FlagStatus.CLOSED and flag.outcome == FlagOutcome.NO_CONCERN:
            out.append(Decision(flag.excerpt, "none", "none"))
            continue
        kinds = flag.lead_categories or flag.categories
        out.append(Decision(flag.excerpt, flag.severity, kinds[0] if kinds else "abuse"))
    return out


# Stored models whose arrays are kept: the active one and the newest others (to compare or go
# back to). A model is about 15 MB since the spent unseen sets became training data, so older
# versions keep their row (what they were trained on; flags name them) but not their arrays.
KEEP_MODEL_BLOBS = 5


def model_retrain(*, reason: str = "") -> ScreenModelVersion:
    """Train on the data files plus the lead's decisions and make that version active.
    Idempotent: the same data gives the same version, which is only re-activated (its arrays
    stored again if they had been let go)."""
    decisions = lead_decisions()
    model = train_model(decisions)
    # The arrays (~15 MB) are neither serialised nor read back unless they must be stored.
    version, created = ScreenModelVersion.objects.defer("blob").get_or_create(
        version=model.version,
        defaults={
            "blob": model.dumps,  # a callable: called only when the row is created
            "trained_on": model.trained_on,
            "decisions": len(decisions),
            "reason": reason[:200],
        },
    )
    let_go = ScreenModelVersion.objects.filter(pk=version.pk, blob=b"")
    if not created and let_go.exists():
        let_go.update(blob=model.dumps())
    with transaction.atomic():
        ScreenModelVersion.objects.exclude(pk=version.pk).update(active=False)
        ScreenModelVersion.objects.filter(pk=version.pk).update(active=True)
        older = ScreenModelVersion.objects.exclude(pk=version.pk).order_by("-trained_at", "-pk")
        stale = older.values_list("pk", flat=True)[KEEP_MODEL_BLOBS - 1 :]
        ScreenModelVersion.objects.filter(pk__in=list(stale)).exclude(blob=b"").update(blob=b"")
    logger.info("safeguarding model %s active (%d decisions, new=%s)",
                version.version, len(decisions), created)  # fmt: skip
    return version


@transaction.atomic
def flag_by_hand(
    *, target: str, user, severity: str, category: str, note: str
) -> SafeguardingFlag:
    """The lead flags a text the screen missed. It joins the queue (in progress, with the
    lead) and teaches the model at the next retraining."""
    note = note.strip()
    errors = {}
    if severity not in FlagSeverity.values:
        errors["severity"] = "Choose how urgent it is."
    if category not in category_labels():
        errors["category"] = "Choose what kind of harm it is."
    if not note:
        errors["note"] = "Write why you are flagging it."
    text = texts_for_targets([target]).get(target) if target[:2] in ("a:", "c:") else None
    if not text:
        errors["target"] = "That text does not exist (or has no words)."
    elif SafeguardingFlag.objects.filter(target=target).exists():
        errors["target"] = "That text is already flagged: open its flag instead."
    if errors:
        raise ValidationError(errors)
    kind, _, pk = target.partition(":")
    if kind == "a":
        from feedback.models import Answer

        links = {
            "answer_id": int(pk),
            "response_id": Answer.objects.values_list("response_id", flat=True).get(pk=pk),
        }
    else:
        links = {"contribution_id": int(pk)}  # fmt: skip
    now = timezone.now()
    flag = SafeguardingFlag.objects.create(
        target=target,
        severity=severity,
        categories=[category],
        lead_categories=[category],
        method=FlagMethod.LEAD,
        source=FlagSource.LEAD,
        raised_by=user,
        status=FlagStatus.IN_PROGRESS,
        assignee=user,
        assigned_at=now,
        notified_at=now,  # the lead raised it: nobody needs telling
        excerpt=text[:EXCERPT_CHARS],
        **links,
    )
    _stamp_note(flag, user, f"Flagged by hand (missed by the screen). {note}")
    flag.save(update_fields=["note"])
    audit_record(user=user, action=AuditAction.ACKNOWLEDGE_SAFEGUARDING,
                 target=f"flag:{flag.pk}", detail=f"flagged by hand: {target}")  # fmt: skip
    enqueue_on_commit("everyvoice.safeguarding_retrain")
    return flag


# --- Screening a past export from the admin (a background job) --------------------------------

SCREEN_MAX_BYTES = 10 * 1024 * 1024  # about 25,000 answers; the admin takes up to 12 MB a request
SCREEN_MAX_ATTEMPTS = 3  # a job killed (time limit, worker lost) this often is stopped


def _screen_file_name() -> str:
    return f"{secrets.token_hex(16)}.csv"


def screen_job_create(*, upload: File, user) -> ScreenJob:
    """Check the whole upload with the command's own reader, then save it (private storage)
    and queue the job once that is committed (cms/jobs.py). A file that is too big or not a
    CSV with a text column is refused with a ``ValidationError`` naming its line, and nothing
    is kept."""
    if upload.size is not None and upload.size > SCREEN_MAX_BYTES:
        raise ValidationError(
            f"The file is over {SCREEN_MAX_BYTES // 1024 // 1024} MB: split it and screen "
            "each part."
        )
    upload.seek(0)
    try:
        total = check_csv(upload.file)
    except BulkScreenError as exc:
        where = f"Line {exc.line} of the file: " if exc.line else "The file: "
        message = str(exc).removeprefix(f"line {exc.line}: ") if exc.line else str(exc)
        raise ValidationError(where + message) from None
    upload.seek(0)
    storage = ScreenJob._meta.get_field("source").storage
    name = storage.save(screen_file_path(None, _screen_file_name()), upload)
    try:
        with transaction.atomic():
            job = ScreenJob.objects.create(
                filename=(upload.name or "upload.csv")[:200],
                source=name,
                total=total,
                created_by=user,
                expires_at=timezone.now() + timedelta(days=settings.SAFEGUARDING_SCREEN_KEEP_DAYS),
            )
            audit_record(user=user, action=AuditAction.SCREEN_FILE, target=f"screen:{job.pk}",
                         detail=f"{total} rows")  # fmt: skip
            enqueue_on_commit("everyvoice.safeguarding_screen_file", job.pk)
    except Exception:
        storage.delete(name)  # no orphan copy of the text when the row is not saved
        raise
    return job


def _screen_job_update(job: ScreenJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ScreenJob.objects.filter(pk=job.pk).update(**fields)


def screen_job_run(*, job_id: int) -> ScreenJob | None:
    """Screen one saved upload into its result file with the screen the app uses (rules and
    the active model). Idempotent: a finished, stopped or deleted job is left alone, and a
    redelivered one starts again from its saved upload (the earlier result replaced). Counts
    only in the row and the log: never text."""
    job = ScreenJob.objects.filter(pk=job_id).first()
    finished = (ScreenJobStatus.DONE, ScreenJobStatus.FAILED)
    if job is None or job.deleted_at or job.status in finished:
        return job
    if job.attempts >= SCREEN_MAX_ATTEMPTS:
        _screen_job_update(
            job,
            status=ScreenJobStatus.FAILED,
            finished_at=timezone.now(),
            message=f"Stopped after {job.attempts} tries (too long or the worker was lost): "
            "split the file and screen each part.",
        )
        return job
    _screen_job_update(job, status=ScreenJobStatus.RUNNING, started_at=timezone.now(),
                       attempts=job.attempts + 1, done=0)  # fmt: skip
    model = active_model()

    def screen(texts: list[str]) -> list[Screening]:
        return screen_texts(texts, model)

    def progress(done: int) -> None:
        _screen_job_update(job, done=done)

    with tempfile.TemporaryFile("w+b") as spool:
        sink = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        try:
            with job.source.open("rb") as raw:
                counts = screen_csv(raw.file, sink, screen, progress=progress)
        except (BulkScreenError, FileNotFoundError) as exc:
            # Checked on upload, so only a file changed or lost on disk gets here.
            where = f" (line {exc.line})" if getattr(exc, "line", 0) else ""
            _screen_job_update(job, status=ScreenJobStatus.FAILED, finished_at=timezone.now(),
                               message=f"The saved upload could not be read{where}.")  # fmt: skip
            return job
        sink.flush()
        spool.seek(0)
        job.refresh_from_db(fields=["deleted_at", "result"])
        if job.deleted_at:  # a lead deleted it while it ran: keep nothing
            _screen_job_update(job, status=ScreenJobStatus.FAILED, finished_at=timezone.now(),
                               message="Deleted while it ran.")  # fmt: skip
            return job
        old = job.result.name if job.result else ""
        job.result.save(_screen_file_name(), File(spool), save=False)
        sink.detach()
    if old:
        job.result.storage.delete(old)
    _screen_job_update(
        job,
        result=job.result.name,
        status=ScreenJobStatus.DONE,
        finished_at=timezone.now(),
        total=counts["rows"],
        done=counts["rows"],
        flagged=counts["flagged"],
        urgent=counts["urgent"],
        message="",
    )
    logger.info("safeguarding screen %s: %d rows, %d flagged, %d urgent",
                job.pk, counts["rows"], counts["flagged"], counts["urgent"])  # fmt: skip
    return job


def _screen_files_delete(job: ScreenJob) -> None:
    for field in (job.source, job.result):
        if field:
            field.delete(save=False)
    _screen_job_update(job, source="", result="", deleted_at=timezone.now())


def screen_job_download(*, job_id: int, user) -> tuple[File, str]:
    """The result file, open, and a name to save it as; recorded in the audit log."""
    job = ScreenJob.objects.get(pk=job_id)
    if not job.downloadable:
        raise ScreenJob.DoesNotExist("no result to download")
    handle = job.result.open("rb")
    audit_record(user=user, action=AuditAction.DOWNLOAD_SCREEN, target=f"screen:{job.pk}",
                 detail=f"{job.total} rows, {job.flagged} flagged")  # fmt: skip
    stem = re.sub(r"[^\w.-]+", "-", job.filename.rsplit(".", 1)[0]).strip("-.")[:80] or "file"
    return handle, f"{stem}-screened.csv"


@transaction.atomic
def screen_job_delete(*, job_id: int, user) -> ScreenJob:
    """A lead deletes the upload and its result now (the row and its counts stay). A job
    still running keeps nothing when it finishes."""
    job = ScreenJob.objects.select_for_update().get(pk=job_id)
    if not job.deleted_at:
        _screen_files_delete(job)
        audit_record(user=user, action=AuditAction.DELETE_SCREEN, target=f"screen:{job.pk}")
    return job


def screen_jobs_expire(*, now=None, **_kwargs) -> dict | None:
    """Retention (``tasks.retention.retention_applied``): screens past ``expires_at`` lose
    their files. Idempotent."""
    now = now or timezone.now()
    due = ScreenJob.objects.filter(expires_at__lte=now, deleted_at__isnull=True)
    deleted = 0
    for job in due:
        _screen_files_delete(job)
        deleted += 1
    return {"safeguarding_screen_files_deleted": deleted} if deleted else None


def screen_jobs_sweep() -> int:
    """For the sweep: screens whose job was lost (never started, or killed while running)."""
    overdue = timezone.now() - timedelta(seconds=settings.EVERYVOICE_SWEEP_AFTER_SECONDS)
    killed = timezone.now() - timedelta(seconds=2 * settings.CELERY_TASK_TIME_LIMIT)
    ids = ScreenJob.objects.filter(
        Q(status=ScreenJobStatus.QUEUED, created_at__lte=overdue)
        | Q(status=ScreenJobStatus.RUNNING, started_at__lte=killed),
        deleted_at__isnull=True,
    ).values_list("id", flat=True)
    return sum(enqueue("everyvoice.safeguarding_screen_file", job_id) for job_id in ids)
