"""Keeping ``InsightCount`` equal to a live aggregation of the tags.

A change to anything counted (a tag written, reviewed or removed; a response submitted,
withdrawn, anonymised or deleted; a faces or FFT answer) marks the month of the response
stale *in the same transaction* (``months_mark_stale``, called from ``insight.signals``), and
queues ``everyvoice.refresh_insight_counts`` after commit. Until that job rebuilds the month,
the selectors read it live, so nobody ever sees a figure that is behind. The job is
idempotent and also runs on the beat (``tasks/schedule.py``), in case one was lost.

Contributions are not pre-aggregated: focus-group sessions are few and their counts are read
live through a partial index on their tags.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import DateField
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone

from cms.jobs import enqueue_on_commit
from feedback.models import Response

from .filters import Filters
from .models import InsightCount, InsightStaleMonth
from .selectors import CELL_SUMS, in_months, live_cells, response_tags

logger = logging.getLogger(__name__)

REFRESH_TASK = "everyvoice.refresh_insight_counts"
_KEYS = ("code", "month", "survey_id", "voice", "area", "channel", "language")


def months_mark_stale(months: Iterable[date | None], *, queue: bool = True) -> int:
    """Mark these months for rebuilding (new token each time) and queue the rebuild."""
    months = {m for m in months if m is not None}
    if not months:
        return 0
    token, now = uuid.uuid4().hex, timezone.now()
    # Rows are locked in month order here and in counts_refresh, so two writers never
    # deadlock on each other's marks.
    InsightStaleMonth.objects.bulk_create(
        [InsightStaleMonth(month=m, token=token, marked_at=now) for m in sorted(months)],
        update_conflicts=True,
        unique_fields=["month"],
        update_fields=["token", "marked_at"],
    )
    if queue:
        enqueue_on_commit(REFRESH_TASK)
    return len(months)


def responses_mark_stale(response_ids: Iterable[int]) -> int:
    """Mark the months of these responses stale (one query to find them)."""
    ids = list(response_ids)
    if not ids:
        return 0
    months = (
        Response.objects.filter(id__in=ids, submitted_at__isnull=False)
        .annotate(m=Cast(TruncMonth("submitted_at", output_field=DateField()), DateField()))
        .values_list("m", flat=True)
        .distinct()
    )
    return months_mark_stale(list(months))


def _counted_tags():
    """The same counted tags the pages read live (contained texts left out)."""
    return response_tags(Filters())


def _insert_live(months: list[date] | None) -> None:
    """INSERT ... SELECT the live cells of ``months`` (every month when None): the database
    groups and writes; no rows pass through Python."""
    tags = _counted_tags()
    if months is not None:
        tags = tags.filter(in_months(months))
    cells = live_cells(tags, _KEYS)
    try:
        sql, params = cells.query.sql_with_params()
    except EmptyResultSet:  # no months: nothing to insert
        return
    names = (*_KEYS, *CELL_SUMS, "first_response")  # live_cells' columns, in order
    columns = ", ".join(connection.ops.quote_name(c) for c in names)
    table = connection.ops.quote_name(InsightCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)


def counts_refresh() -> int:
    """Rebuild every stale month; returns how many. Concurrent runs wait for each other on
    the marks' row locks; a mark re-made by a change during the rebuild (new token) stays."""
    with transaction.atomic():
        marks = dict(
            InsightStaleMonth.objects.select_for_update()
            .order_by("month")
            .values_list("month", "token")
        )
        if not marks:
            return 0
        months = sorted(marks)
        InsightCount.objects.filter(month__in=months).delete()
        _insert_live(months)
        for month, token in marks.items():
            InsightStaleMonth.objects.filter(month=month, token=token).delete()
    logger.info("insight counts rebuilt for %d months", len(months))
    return len(months)


def counts_rebuild_all() -> int:
    """Rebuild everything from the tags (after a bulk load, or to check): marks every month
    with responses or stored counts stale, then refreshes."""
    with transaction.atomic():
        months = set(
            Response.objects.filter(submitted_at__isnull=False)
            .annotate(m=Cast(TruncMonth("submitted_at", output_field=DateField()), DateField()))
            .values_list("m", flat=True)
            .distinct()
        )
        months |= set(InsightCount.objects.values_list("month", flat=True).distinct())
        months_mark_stale(months, queue=False)
    return counts_refresh()
