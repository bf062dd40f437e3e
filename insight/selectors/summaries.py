"""Easy-read insight summaries: the live one for a pledge or pathway (drafts and versions
waiting for the experts by experience are never read here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wagtail import hooks

from cms.models.pages import EASY_READ_CHECKED

from ..models import InsightSummary


@dataclass(frozen=True)
class SummaryView:
    summary: InsightSummary
    checked_on: datetime | None  # when experts by experience checked this version


def summary_published(*, code: str) -> SummaryView | None:
    """The live summary of ``code``, with when the panel checked it (the panel app answers
    through the cms hook): two queries, or one when there is none."""
    summary = InsightSummary.objects.filter(code=code, live=True).first()
    if summary is None:
        return None
    checked = next((w for fn in hooks.get_hooks(EASY_READ_CHECKED) if (w := fn(summary))), None)
    return SummaryView(summary=summary, checked_on=checked)
