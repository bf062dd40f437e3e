"""Retention: when a consultation's retention period is over, anonymise or delete its feedback
and write down what was done (``RetentionRun``, shown in the admin).

When feedback expires: ``retention_days`` after the consultation closes; for a consultation
with no closing date, ``retention_days`` after each response was sent (or started, for a
draft) and after each focus group was held. Consultations with no ``retention_days`` keep
everything.

What happens (``ConsultationPage.retention_action``):

* **anonymise** (the default): free text, recordings, 'about you' and contact details are
  removed; choices, faces, ratings, who-is-answering, channel and dates stay, so counts and
  charts still add up; tags stay as codes without their evidence. Focus-group contributions
  lose their words and flipchart photos are deleted; attendance counts stay.
* **delete**: the responses and contributions go entirely (tags with them).

Drafts that were never sent are deleted in both cases: nothing of them was ever counted.

After each run the ``retention_applied`` signal lets apps above tasks tidy their own copies:
safeguarding flags keep their copy of the text while open (a person must still read it) and
lose it once closed if the feedback's text is gone (``safeguarding/services.py``).

Idempotent: a second run finds nothing left to do. Logs and the report hold ids and counts.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from cms.models import ConsultationPage, RetentionAction
from feedback import services as feedback_services
from feedback.models import Contribution, FlipchartPhoto, Response, ResponseStatus, SurveyPage

from .models import RetentionRun, Tag

logger = logging.getLogger(__name__)

# Sent inside the run's transaction, kwargs ``now``; each receiver returns a dict of counts
# for the report (or None when it did nothing).
retention_applied = Signal()

# Zero-count reports are only kept this long: the job runs hourly.
KEEP_EMPTY_REPORTS = timedelta(days=7)


def _expired_responses(consultation: ConsultationPage, cutoff):
    surveys = SurveyPage.objects.descendant_of(consultation).values_list("id", flat=True)
    responses = Response.objects.filter(survey_id__in=list(surveys))
    if consultation.closes_at is not None:
        return responses if consultation.closes_at <= cutoff else responses.none()
    return responses.filter(
        Q(submitted_at__lte=cutoff) | Q(submitted_at__isnull=True, created_at__lte=cutoff)
    )


def _expired_contributions(consultation: ConsultationPage, cutoff):
    contributions = Contribution.objects.filter(session__consultation=consultation)
    if consultation.closes_at is not None:
        return contributions if consultation.closes_at <= cutoff else contributions.none()
    return contributions.filter(session__held_on__lte=cutoff.date())


def _expired_photos(consultation: ConsultationPage, cutoff):
    photos = FlipchartPhoto.objects.filter(session__consultation=consultation)
    if consultation.closes_at is not None:
        return photos if consultation.closes_at <= cutoff else photos.none()
    return photos.filter(session__held_on__lte=cutoff.date())


def _responses_delete(responses) -> int:
    deleted = 0
    for response in responses.prefetch_related("answers"):
        for answer in response.answers.all():
            answer.files_delete()  # recordings and BSL videos
        response.delete()
        deleted += 1
    return deleted


def _consultation_apply(consultation: ConsultationPage, now) -> dict:
    cutoff = now - timedelta(days=consultation.retention_days)
    delete = consultation.retention_action == RetentionAction.DELETE
    counts = {"consultation": consultation.pk, "action": consultation.retention_action}
    expired = _expired_responses(consultation, cutoff)
    drafts = _responses_delete(expired.filter(status=ResponseStatus.DRAFT))
    if delete:
        counts["responses_deleted"] = drafts + _responses_delete(expired)
        counts["responses_anonymised"] = 0
    else:
        counts["responses_deleted"] = drafts
        counts["responses_anonymised"] = sum(
            feedback_services.response_anonymise(response=r) for r in expired
        )
    contributions = _expired_contributions(consultation, cutoff)
    if delete:
        # Delete by id and count those: QuerySet.delete() also counts the cascaded tags.
        ids = list(contributions.values_list("id", flat=True))
        Contribution.objects.filter(id__in=ids).delete()
        counts["contributions_deleted"] = len(ids)
        counts["contributions_anonymised"] = 0
    else:
        with_text = contributions.exclude(text="")
        ids = list(with_text.values_list("id", flat=True))
        Tag.objects.filter(contribution_id__in=ids).exclude(evidence="").update(evidence="")
        counts["contributions_anonymised"] = Contribution.objects.filter(id__in=ids).update(
            text=""
        )
        counts["contributions_deleted"] = 0
    photos = 0
    for photo in _expired_photos(consultation, cutoff):
        photo.image.delete(save=False)
        photo.delete()
        photos += 1
    counts["photos_deleted"] = photos
    return counts


@transaction.atomic
def retention_apply(*, now=None) -> RetentionRun:
    """Apply every consultation's retention period; returns the report of this run."""
    now = now or timezone.now()
    run = RetentionRun()
    detail = []
    due = ConsultationPage.objects.filter(retention_days__isnull=False).order_by("pk")
    for consultation in due:
        counts = _consultation_apply(consultation, now)
        if any(v for k, v in counts.items() if k not in {"consultation", "action"}):
            detail.append(counts)
        run.responses_anonymised += counts["responses_anonymised"]
        run.responses_deleted += counts["responses_deleted"]
        run.contributions_anonymised += counts["contributions_anonymised"]
        run.contributions_deleted += counts["contributions_deleted"]
        run.photos_deleted += counts["photos_deleted"]
    for _receiver, counts in retention_applied.send(sender=RetentionRun, now=now):
        if counts:
            detail.append(counts)
    run.detail = detail
    run.save()
    RetentionRun.objects.filter(
        ran_at__lt=now - KEEP_EMPTY_REPORTS,
        responses_anonymised=0,
        responses_deleted=0,
        contributions_anonymised=0,
        contributions_deleted=0,
        photos_deleted=0,
        detail=[],
    ).delete()
    logger.info(
        "retention: %d responses anonymised, %d deleted; %d contributions anonymised, "
        "%d deleted; %d photos deleted",
        run.responses_anonymised,
        run.responses_deleted,
        run.contributions_anonymised,
        run.contributions_deleted,
        run.photos_deleted,
    )
    return run
