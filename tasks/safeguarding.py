"""Safeguarding: screen every free-text answer and contribution for disclosures of harm, put
what is found in the safeguarding lead's queue, tell the lead (by email, with no text in it)
and record who acknowledged each flag and when.

Two screens, and a text is flagged when **either** fires (false negatives matter more than
false positives):

1. the phrase rules in ``feedback.safeguarding_rules`` (readable, tolerant of misspelling,
   give the category and severity);
2. a one-label classifier trained with the tagger's engine (``tasks.tagging``) on
   ``SAFEGUARDING_TRAINING_EXAMPLES``: the disclosures are its positives; the benign
   look-alikes, plus the taxonomy's ordinary feedback examples that the rules do not flag,
   are its negatives. It is there for disclosures worded in ways no rule foresaw; a text only
   the model flags is a ``concern``, never ``urgent``, and says "model" in the queue.

Measured figures (``disclosure_cross_validate()``, 5-fold stratified, out of fold; 68
disclosures, 31 benign look-alikes, 225 ordinary feedback texts; run 2026-11-23):

======================  ==============  ======================  ====================
model threshold         model recall    model FP, look-alikes   model FP, ordinary
======================  ==============  ======================  ====================
0.2 (engine's F1 pick)  0.78            0.58                    0.16
**0.3 (chosen)**        **0.66**        **0.52**                **0.09**
0.4                     0.59            0.48                    0.06
0.5                     0.47            0.32                    0.03
======================  ==============  ======================  ====================

The rules catch 68/68 training disclosures with 0/31 false alarms, but they were written
alongside those examples, so that is an in-sample figure, not an estimate. Rules-or-model
recall is therefore 1.00 in sample; the model's out-of-fold recall (0.66) is what it adds
for unforeseen wording. 0.3 was chosen because a false alarm costs the lead a minute's
reading, while 0.2 would flag one ordinary answer in six and bury real flags.

Nothing here logs text: ids and counts only. Task arguments are ids.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone

from cms.audit import audit_record
from cms.models import AuditAction
from cms.roles import Role
from feedback.safeguarding_rules import SAFEGUARDING_TRAINING_EXAMPLES, URGENT, screen

from .models import FlagMethod, FlagSeverity, SafeguardingFlag
from .sweep import register as register_sweeper
from .tagging import Example, Label, Tagger, labels_from_seed, train_tagger
from .texts import TextUnit, units_for_contributions, units_for_responses

logger = logging.getLogger(__name__)

MODEL_THRESHOLD = 0.3  # see the table above
DISCLOSURE = "disclosure"
EXCERPT_CHARS = 5000
_TAXONOMY_SEED = Path(settings.BASE_DIR) / "cms" / "seed" / "taxonomy.json"


# --- The pure screen ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Screening:
    """What the two screens found in one text."""

    categories: tuple[str, ...]
    phrases: tuple[str, ...]
    rule_severity: str | None
    model_score: float

    @property
    def by_rules(self) -> bool:
        return bool(self.categories)

    @property
    def by_model(self) -> bool:
        return self.model_score >= MODEL_THRESHOLD

    @property
    def flagged(self) -> bool:
        return self.by_rules or self.by_model

    @property
    def severity(self) -> str:
        return self.rule_severity or FlagSeverity.CONCERN

    @property
    def method(self) -> str:
        if self.by_rules and self.by_model:
            return FlagMethod.BOTH
        return FlagMethod.RULES if self.by_rules else FlagMethod.MODEL


def _ordinary_feedback() -> list[str]:
    """The taxonomy's example feedback the rules do not flag: realistic negatives."""
    try:
        seed = json.loads(_TAXONOMY_SEED.read_text(encoding="utf-8"))
    except FileNotFoundError:  # pragma: no cover - the seed ships with the code
        return []
    return [e for lb in labels_from_seed(seed) for e in lb.examples if not screen(e)]


def _training_data() -> tuple[list[str], list[bool]]:
    texts = [t for t, _ in SAFEGUARDING_TRAINING_EXAMPLES]
    is_disclosure = [c != "none" for _, c in SAFEGUARDING_TRAINING_EXAMPLES]
    ordinary = _ordinary_feedback()
    return texts + ordinary, is_disclosure + [False] * len(ordinary)


def _train(texts: list[str], positive: list[bool]) -> Tagger:
    label = Label(
        DISCLOSURE,
        "Possible disclosure of harm",
        examples=tuple(t for t, p in zip(texts, positive, strict=True) if p),
    )
    negatives = [Example(t) for t, p in zip(texts, positive, strict=True) if not p]
    return train_tagger([label], negatives)


@lru_cache(maxsize=1)
def disclosure_model() -> Tagger:
    """Trained once per process (deterministic, about a second)."""
    return _train(*_training_data())


def screen_text(text: str) -> Screening:
    """Both screens on one text. Pure: no database."""
    concerns = screen(text)
    score = float(disclosure_model().scores([text])[0, 0]) if text.strip() else 0.0
    return Screening(
        categories=tuple(c.category for c in concerns),
        phrases=tuple(c.phrase for c in concerns),
        rule_severity=(
            (URGENT if any(c.severity == URGENT for c in concerns) else FlagSeverity.CONCERN)
            if concerns
            else None
        ),
        model_score=round(score, 4),
    )


def disclosure_cross_validate(*, folds: int = 5, thresholds=(0.2, 0.3, 0.4, 0.5)) -> dict:
    """Out-of-fold recall and false-positive rates of the model, and of rules-or-model."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    texts, positive = _training_data()
    n_examples = len(SAFEGUARDING_TRAINING_EXAMPLES)
    y = np.array(positive)
    ordinary = np.arange(len(texts)) >= n_examples
    lookalike = ~y & ~ordinary
    scores = np.zeros(len(texts))
    strata = y.astype(int) + 2 * ordinary
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, strata):
        model = _train([texts[i] for i in train], [positive[i] for i in train])
        scores[test] = model.scores([texts[i] for i in test])[:, 0]
    rules = np.array([bool(screen(t)) for t in texts])
    out = {
        "disclosures": int(y.sum()),
        "lookalikes": int(lookalike.sum()),
        "ordinary": int(ordinary.sum()),
        "rules_recall": float(rules[y].mean()),
        "rules_fp_lookalike": float(rules[lookalike].mean()),
        "rules_fp_ordinary": float(rules[ordinary].mean()),
        "thresholds": {},
    }
    for th in thresholds:
        model, either = scores >= th, (scores >= th) | rules
        out["thresholds"][th] = {
            "model_recall": float(model[y].mean()),
            "model_fp_lookalike": float(model[lookalike].mean()),
            "model_fp_ordinary": float(model[ordinary].mean()),
            "either_recall": float(either[y].mean()),
            "either_fp_ordinary": float(either[ordinary].mean()),
        }
    return out


# --- Screening feedback (idempotent) -------------------------------------------------------


def _flag_units(units: list[TextUnit]) -> list[int]:
    """One flag per flagged text, never two; returns the ids of flags made just now."""
    created_ids: list[int] = []
    for unit in units:
        result = screen_text(unit.text)
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


def queue_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("safeguarding_admin:queue")


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


# --- The lead's queue --------------------------------------------------------------------------


def flags_queue(*, show: str = "open"):
    """Open flags first, urgent before concern, oldest first."""
    qs = SafeguardingFlag.objects.select_related(
        "response", "contribution__session", "acknowledged_by"
    )
    if show == "open":
        qs = qs.filter(acknowledged_at__isnull=True)
    elif show == "acknowledged":
        qs = qs.filter(acknowledged_at__isnull=False)
    rank = Case(When(severity=FlagSeverity.URGENT, then=Value(0)), default=Value(1),
                output_field=IntegerField())  # fmt: skip
    if show == "acknowledged":
        return qs.order_by("-acknowledged_at")
    return qs.annotate(rank=rank).order_by("rank", "created_at")


def flag_counts() -> dict[str, int]:
    open_flags = SafeguardingFlag.objects.filter(acknowledged_at__isnull=True)
    return {
        "open": open_flags.count(),
        "urgent": open_flags.filter(severity=FlagSeverity.URGENT).count(),
        "acknowledged": SafeguardingFlag.objects.filter(acknowledged_at__isnull=False).count(),
    }


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


# The periodic sweep also re-sends notifications that never went out.
register_sweeper(flags_notify_pending)
