"""Mark insight counts stale when what they count changes (see ``insight/counts.py``).

Connected in ``InsightConfig.ready()``. Each receiver marks the month of the response
concerned, in the same transaction as the change. Bulk writes (tagging, review, anonymising)
send ``feedback.signals.responses_changed`` instead.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from feedback.models import Answer, Response, ResponseStatus
from feedback.signals import responses_changed
from safeguarding.models import SafeguardingFlag
from tasks.models import Tag

from .counts import months_mark_stale, responses_mark_stale
from .filters import month_of
from .selectors import SENTIMENT_TYPES

# What a response's counts depend on: saving only other fields (e.g. updated_at on every
# answer of a draft) marks nothing.
_COUNTED_FIELDS = {"status", "submitted_at", "survey", "voice", "area", "channel", "language"}


def _month(moment) -> object:
    return month_of(moment) if moment is not None else None


@receiver(post_init, sender=Response)
def _remember_state(sender, instance: Response, **kwargs) -> None:
    # Deferred fields are simply unknown (None): their old month is then not marked.
    instance._insight_was = (
        instance.__dict__.get("status"),
        instance.__dict__.get("submitted_at"),
    )


@receiver(post_save, sender=Response)
def _response_saved(sender, instance: Response, created, update_fields=None, **kwargs) -> None:
    was_status, was_at = getattr(instance, "_insight_was", (None, None))
    instance._insight_was = (instance.status, instance.submitted_at)
    if created or (update_fields is not None and not _COUNTED_FIELDS & set(update_fields)):
        return
    if ResponseStatus.SUBMITTED not in (was_status, instance.status):
        return  # drafts are counted nowhere
    if not Tag.objects.filter(response_id=instance.pk).exists():
        return  # nothing of it is counted yet (a submission: its tagging job will mark it)
    months_mark_stale({_month(was_at), _month(instance.submitted_at)})


# Deleting a response deletes its tags first (cascade), and each tag marks its month.


@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
def _tag_changed(sender, instance: Tag, **kwargs) -> None:
    if instance.response_id:
        responses_mark_stale([instance.response_id])


@receiver(post_save, sender=Answer)
@receiver(post_delete, sender=Answer)
def _answer_changed(sender, instance: Answer, **kwargs) -> None:
    if instance.question_type not in SENTIMENT_TYPES:
        return  # only faces and FFT answers are counted (as feelings)
    cached = instance._state.fields_cache.get("response")
    if cached is not None:
        if cached.submitted_at is not None:
            months_mark_stale({_month(cached.submitted_at)})
        return
    responses_mark_stale([instance.response_id])


@receiver(post_save, sender=SafeguardingFlag)
@receiver(post_delete, sender=SafeguardingFlag)
def _flag_changed(sender, instance: SafeguardingFlag, **kwargs) -> None:
    # A held text leaves the counts, a released one comes back (insight/filters.py).
    if instance.response_id:
        responses_mark_stale([instance.response_id])


@receiver(responses_changed)
def _responses_changed(sender, response_ids, **kwargs) -> None:
    responses_mark_stale(response_ids)
