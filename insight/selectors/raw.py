"""The words behind a pledge or pathway (engagement team only, audited by the view)."""

from __future__ import annotations

from django.db.models import QuerySet

from tasks.models import Tag

from ..filters import Filters, insight_tags


def tagged_items(*, code: str, filters: Filters) -> QuerySet[Tag]:
    """Every tag of ``code`` (suggested, confirmed and rejected) with the words it is on."""
    rt = insight_tags().filter(filters.tags(), code=code)
    return rt.select_related("response", "answer", "contribution").order_by("-created_at", "-id")
