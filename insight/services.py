"""Writes for insight: API tokens, export jobs, outcomes and the emails they trigger."""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms.audit import audit_record
from cms.jobs import enqueue_on_commit
from cms.models import AuditAction, YouSaidWeDidPage
from feedback import ratelimit

from . import exports, selectors
from .access import viewer_for
from .filters import Filters
from .models import (
    ApiToken,
    ExportFormat,
    ExportJob,
    ExportKind,
    ExportStatus,
    Outcome,
    OutcomeNotification,
    token_hash,
)

logger = logging.getLogger(__name__)

TOKEN_PREFIX = "ev_"  # noqa: S105 - a public prefix, not a secret
# Exports bigger than this many rows run in the background. Measured: ~5,000 rows of
# responses with tags take about a second to write as XLSX, which is as long as a page
# should make someone wait.
EXPORT_SYNC_LIMIT = 5_000


# --- API tokens -------------------------------------------------------------------------------


@transaction.atomic
def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token; the raw value is returned once, to show once, and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), prefix=raw[:10], key_hash=token_hash(raw))
    token.full_clean()
    token.save()
    return token, raw


def api_token_revoke(*, user, token_id: int) -> bool:
    updated = ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return bool(updated)


def api_token_authenticate(*, raw: str):
    """The active user behind ``raw``, or None. Marks the token used (at most once a minute)."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=token_hash(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


# --- Who looked at insight -------------------------------------------------------------------


def insight_allowed(*, user) -> bool:
    """One more insight page or API call for ``user``: False past the rate limit."""
    return ratelimit.hit_for(f"user:{user.pk}", ratelimit.INSIGHT)


def insight_viewed(*, user, view: str, code: str = "", query: str = "") -> None:
    """Record that ``user`` saw insight: which view, which pledge or pathway, which filters
    (every view, so a differencing sweep is there for anyone to see)."""
    target = f"insight:{view}" + (f":{code}" if code else "")
    audit_record(user=user, action=AuditAction.VIEW_INSIGHT, target=target, detail=query)


# --- Exports ----------------------------------------------------------------------------------


def export_audit(*, user, kind: str, filters: Filters, fmt: str) -> None:
    action = (
        AuditAction.EXPORT_RESPONSES
        if kind == ExportKind.RESPONSES
        else AuditAction.EXPORT_AGGREGATES
    )
    detail = f"{fmt} " + " ".join(f"{k}={v}" for k, v in filters.as_dict().items())
    audit_record(user=user, action=action, target=f"insight:{kind}", detail=detail.strip())


def export_build(*, user, kind: str, fmt: str, filters: Filters, progress=None):
    """The export's bytes, with the access rules of ``user`` applied (who may export raw
    responses; which pledges and pathways; suppressed or exact)."""
    viewer = viewer_for(user)
    if kind == ExportKind.RESPONSES:
        if not viewer.raw:
            raise PermissionError("only the engagement team may export responses")
        rows = exports.response_rows(filters=filters, progress=progress)
        return exports.render(rows, fmt=fmt, title="Responses with tags")
    themes = selectors.themes(viewer.codes)
    rows = exports.aggregates_for(themes=themes, filters=filters, exact=viewer.exact)
    return exports.render(rows, fmt=fmt, title="Insight")


def export_needs_job(*, user, kind: str, filters: Filters) -> bool:
    if kind != ExportKind.RESPONSES:
        return False  # a few dozen rows per pledge or pathway
    return exports.response_count(filters=filters) > EXPORT_SYNC_LIMIT


@transaction.atomic
def export_job_start(*, user, kind: str, fmt: str, filters: Filters) -> ExportJob:
    if kind == ExportKind.RESPONSES and not viewer_for(user).raw:
        raise PermissionError("only the engagement team may export responses")
    job = ExportJob(user=user, kind=kind, format=fmt, filters=filters.to_json())
    job.full_clean()
    job.save()
    export_audit(user=user, kind=kind, filters=filters, fmt=fmt)
    enqueue_on_commit("everyvoice.export_insight", job.pk)
    return job


def export_job_run(*, job_id: int) -> ExportJob | None:
    """Build the file for a queued job (idempotent: a finished job is left alone)."""
    job = ExportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None or job.status == ExportStatus.DONE:
        return job
    filters = Filters.from_json(job.filters)
    total = exports.response_count(filters=filters) if job.kind == ExportKind.RESPONSES else 0
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING, total=total, done=0)

    def progress(done: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(done=done)

    try:
        data = export_build(
            user=job.user, kind=job.kind, fmt=job.format, filters=filters, progress=progress
        )
    except Exception:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED)
        logger.exception("export %s failed", job.pk)
        raise
    job.refresh_from_db()
    # A random file name: the download view checks the owner, the name is not a secret.
    job.file.save(f"{secrets.token_hex(16)}.{job.format}", ContentFile(data), save=False)
    job.status = ExportStatus.DONE
    job.done = job.total
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "done", "finished_at"])
    return job


def export_filename(*, kind: str, fmt: str) -> str:
    stamp = timezone.localdate().isoformat()
    name = "everyvoice-responses" if kind == ExportKind.RESPONSES else "everyvoice-insight"
    return f"{name}-{stamp}.{ExportFormat(fmt).value}"


# --- Outcomes ("you said, we did") ------------------------------------------------------------


def outcome_saved(*, outcome: Outcome) -> None:
    """Called after the admin saves an outcome. The first time it is published, record when
    and tell the people who asked to hear back (by email, after commit)."""
    if not outcome.live or outcome.published_at is not None:
        return
    now = timezone.now()
    updated = Outcome.objects.filter(pk=outcome.pk, published_at__isnull=True).update(
        published_at=now
    )
    outcome.published_at = now
    if updated and selectors.outcome_tells_people(outcome=outcome):
        enqueue_on_commit("everyvoice.notify_outcome", outcome.pk)


def outcome_notify(*, outcome_id: int) -> int:
    """Send the easy-read email about a published outcome to everyone who asked for updates
    from its consultation (in any of its languages). One email per address, with the outcome
    in the language they answered in where it is translated and live (English otherwise);
    each response is told once, ever, whichever translation went live first."""
    outcome = Outcome.objects.filter(pk=outcome_id, live=True).first()
    if outcome is None:
        return 0
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    follow_url = base + reverse("insight_follow:follow")
    results = YouSaidWeDidPage.objects.child_of(outcome.consultation).live().public().first()
    by_email: dict[str, list] = {}
    for response in selectors.responses_to_notify(outcome=outcome).iterator(chunk_size=500):
        by_email.setdefault(response.contact_email.strip().lower(), []).append(response)
    sent = 0
    for email, responses in by_email.items():
        supporter = any(r.voice == "supporter" for r in responses)
        language = responses[-1].language  # the language of their latest response
        shown = selectors.outcome_in_language(outcome=outcome, language_code=language)
        their_results = selectors.page_in_language(results, language)
        context = {
            "outcome": shown,
            "consultation": selectors.page_in_language(shown.consultation, language),
            "follow_url": follow_url,
            "results_url": (their_results.get_full_url() or "") if their_results else "",
            "supporter": supporter,
        }
        # In the language they answered in, where our catalogue has it (English otherwise).
        with translation.override(language):
            body = render_to_string("insight/email/outcome_published.txt", context)
            subject = gettext("What we are doing: %(title)s") % {"title": shown.easy_read_title}
        send_mail(
            subject=subject,
            message=body,
            from_email=None,
            recipient_list=[email],
        )
        with transaction.atomic():
            OutcomeNotification.objects.bulk_create(
                [OutcomeNotification(outcome=shown, response=r) for r in responses],
                ignore_conflicts=True,
            )
        sent += 1
    logger.info("outcome %s: %d emails sent", outcome.pk, sent)
    return sent
