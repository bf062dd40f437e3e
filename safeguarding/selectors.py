"""Reads for safeguarding: the lead's queue and counts, and **containment**, the one helper
other apps use so that a flagged text never reaches quotes, insight, exports, "you said, we
did" examples or the API until the lead releases it.

    from safeguarding.selectors import uncontained
    tags = uncontained(Tag.objects.filter(...), via="target")       # tag target "a:1"/"c:2"
    answers = uncontained(Answer.objects.filter(...), via="pk")
    rows = uncontained(Tag.objects.filter(...), via="answer")         # path to an Answer

Apps below safeguarding (tasks) must not import this module: they ask ``tasks.holds``, where
``safeguarding/receivers.py`` registers these two helpers.

A text is *contained* while it has a flag with no ``released_at`` (whatever the flag's
state: closing a flag does not release its text; releasing is its own decision).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models import Case, IntegerField, QuerySet, Value, When

from feedback.models import Answer, Contribution

from .models import (
    FlagOutcome,
    FlagSeverity,
    FlagSource,
    FlagStatus,
    SafeguardingFlag,
    ScreenJob,
    ScreenModelVersion,
)


def _held() -> QuerySet[SafeguardingFlag]:
    return SafeguardingFlag.objects.filter(released_at__isnull=True)


def _resolve(model: type[models.Model], via: str) -> models.Field:
    """The field ``via`` ends on (``pk``, a foreign key, or a ``target`` text field)."""
    parts = via.split("__")
    for i, part in enumerate(parts):
        field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        if i < len(parts) - 1:
            model = field.related_model
    return field


def uncontained(qs: QuerySet, *, via: str) -> QuerySet:
    """``qs`` without the rows whose text is held by an unreleased safeguarding flag.

    ``via`` is the lookup from ``qs``'s model to the text: a path ending on an ``Answer`` or
    ``Contribution`` (a foreign key to one, or ``pk`` on those models themselves), or on a
    tag-style ``target`` field ("a:<answer id>" / "c:<contribution id>"). One subquery; rows
    with no text at that path (a NULL key) are kept."""
    field = _resolve(qs.model, via)
    if field.is_relation:
        target_model = field.related_model
    elif field.primary_key:
        target_model = field.model
    else:
        return qs.exclude(**{f"{via}__in": _held().values("target")})
    if target_model is Answer:
        ids = _held().filter(answer_id__isnull=False).values("answer_id")
    elif target_model is Contribution:
        ids = _held().filter(contribution_id__isnull=False).values("contribution_id")
    else:
        raise ValueError(f"via={via!r} reaches {target_model.__name__}, not a text")
    return qs.exclude(**{f"{via}__in": ids})


def held_targets(targets: Iterable[str]) -> set[str]:
    """Which of these tag targets are contained (to mark them, e.g. in tag review)."""
    targets = list(targets)
    if not targets:
        return set()
    return set(_held().filter(target__in=targets).values_list("target", flat=True))


SHOW = {
    "waiting": "Waiting",
    "new": "New",
    "in_progress": "In progress",
    "mine": "Mine",
    "closed": "Closed",
    "all": "All",
}


def flags_queue(*, show: str = "waiting", user=None) -> QuerySet[SafeguardingFlag]:
    """Waiting (new or in progress) first, urgent before concern, oldest first; closed
    ones newest first."""
    qs = SafeguardingFlag.objects.select_related(
        "response", "contribution__session", "closed_by", "assignee"
    )
    if show == "waiting":
        qs = qs.exclude(status=FlagStatus.CLOSED)
    elif show in (FlagStatus.NEW, FlagStatus.IN_PROGRESS, FlagStatus.CLOSED):
        qs = qs.filter(status=show)
    elif show == "mine":
        qs = qs.filter(assignee=user).exclude(status=FlagStatus.CLOSED)
    if show == FlagStatus.CLOSED:
        return qs.order_by("-closed_at")
    rank = Case(When(severity=FlagSeverity.URGENT, then=Value(0)), default=Value(1),
                output_field=IntegerField())  # fmt: skip
    return qs.annotate(rank=rank).order_by("rank", "created_at")


def flag_counts() -> dict[str, int]:
    """Waiting = new or in progress (what the admin home and the menu badge show)."""
    waiting = SafeguardingFlag.objects.exclude(status=FlagStatus.CLOSED)
    return {
        "waiting": waiting.count(),
        "new": waiting.filter(status=FlagStatus.NEW).count(),
        "urgent": waiting.filter(severity=FlagSeverity.URGENT).count(),
        "closed": SafeguardingFlag.objects.filter(status=FlagStatus.CLOSED).count(),
    }


def waiting_count() -> int:
    """One cheap query, for the menu badge on every admin page."""
    return SafeguardingFlag.objects.exclude(status=FlagStatus.CLOSED).count()


def screen_health() -> dict:
    """The screen's own figures for the lead's page: which model is in use and what it was
    trained on, and how the lead's decisions judge it (share of closed screen flags that were
    a real concern; texts the lead had to flag by hand, i.e. misses)."""
    closed = SafeguardingFlag.objects.filter(status=FlagStatus.CLOSED, source=FlagSource.SCREEN)
    n_closed = closed.count()
    no_concern = closed.filter(outcome=FlagOutcome.NO_CONCERN).count()
    by_hand = SafeguardingFlag.objects.filter(source=FlagSource.LEAD).count()
    active = ScreenModelVersion.objects.filter(active=True).defer("blob").first()
    return {
        "model": active,
        "closed": n_closed,
        "real": n_closed - no_concern,
        "precision": round((n_closed - no_concern) / n_closed, 2) if n_closed else None,
        "by_hand": by_hand,
        "versions": ScreenModelVersion.objects.count(),
    }


def screen_jobs(*, limit: int = 50) -> QuerySet[ScreenJob]:
    """The files screened from the admin, newest first (counts and names only, no text)."""
    return ScreenJob.objects.select_related("created_by")[:limit]
