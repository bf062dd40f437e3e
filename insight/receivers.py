"""Wagtail's own publishing signals for outcomes: however an outcome goes live (the Publish
button, or the experts by experience approving it at the end of its workflow, when Wagtail
publishes on the submitter's behalf), the first time it does, people who asked are told."""

from __future__ import annotations

from django.dispatch import receiver
from wagtail.signals import published

from . import services
from .models import Outcome


@receiver(published, sender=Outcome)
def outcome_published(sender, instance: Outcome, **kwargs) -> None:
    services.outcome_saved(outcome=instance)
