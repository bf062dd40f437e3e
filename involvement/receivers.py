"""Signal receivers: draft pathways get their step surveys when published; answers about a
step are tagged against the pathway when they are sent."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from feedback.models import Response, ResponseStatus

from . import services
from .models import PathwayDraftPage


@receiver(page_published, sender=PathwayDraftPage)
def draft_pathway_published(sender, instance, **kwargs) -> None:
    services.pathway_step_surveys_ensure(page=instance)


@receiver(post_save, sender=Response)
def step_response_sent(sender, instance, update_fields=None, **kwargs) -> None:
    # response_submit saves with update_fields including "status"; nothing else sends.
    if instance.status == ResponseStatus.SUBMITTED and (
        update_fields is None or "status" in update_fields
    ):
        services.step_response_tag(response=instance)
