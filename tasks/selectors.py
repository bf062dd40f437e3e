"""Reads for the tag review queue and the tagger health page."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Min
from django.db.models.functions import Abs

from .models import HUMAN_DECISION, RetagRun, Tag, TaggerVersion, TagStatus
from .texts import texts_for_targets


@dataclass
class ReviewItem:
    """One text waiting for review with every tag on it (suggested or already decided)."""

    target: str
    text: str
    uncertainty: float
    tags: list[Tag] = field(default_factory=list)

    @property
    def source(self) -> str:
        return "Focus group" if self.target.startswith("c:") else "Survey answer"


def review_queue(*, limit: int = 20, code: str = "") -> tuple[list[ReviewItem], int]:
    """Texts with suggestions nobody has decided on, least certain first.

    Uncertainty is how close a suggestion's confidence is to 0.5: those are the tags a
    person's decision teaches the tagger most about. Returns the page and the total waiting.
    """
    pending = Tag.objects.filter(status=TagStatus.SUGGESTED).exclude(method="human")
    if code:
        pending = pending.filter(code=code)
    by_text = (
        pending.values("target")
        .annotate(closeness=Min(Abs(F("confidence") - 0.5)))
        .order_by("closeness", "target")
    )
    total = by_text.count()
    page = list(by_text[:limit])
    targets = [row["target"] for row in page]
    texts = texts_for_targets(targets)
    items = {
        row["target"]: ReviewItem(
            target=row["target"],
            text=texts.get(row["target"], ""),
            uncertainty=round(1 - 2 * row["closeness"], 3),
        )
        for row in page
    }
    for tag in Tag.objects.filter(target__in=targets).order_by("-confidence"):
        items[tag.target].tags.append(tag)
    return [items[t] for t in targets], total


def review_counts() -> dict[str, int]:
    return dict(Tag.objects.values_list("status").annotate(n=Count("id")).order_by())


def tagger_versions(limit: int = 10) -> list[TaggerVersion]:
    return list(TaggerVersion.objects.defer("blob")[:limit])


def tagger_current_version() -> TaggerVersion | None:
    return TaggerVersion.objects.defer("blob").filter(is_current=True).first()


def retag_runs(limit: int = 5) -> list[RetagRun]:
    return list(RetagRun.objects.all()[:limit])


def reviews_since_training() -> int:
    current = tagger_current_version()
    decided = Tag.objects.filter(HUMAN_DECISION).count()
    return decided - (current.reviews_at_training if current else 0)
