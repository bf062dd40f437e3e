"""Keeping translations of people's feedback in step with the feedback itself."""

from django.dispatch import receiver

from feedback.models import Response
from feedback.signals import responses_changed

from .services import translations_forget


@receiver(responses_changed, sender=Response)
def _responses_changed(sender, response_ids, **kwargs) -> None:
    # An anonymised response loses its words: their English translation goes too.
    translations_forget(response_ids=response_ids)
