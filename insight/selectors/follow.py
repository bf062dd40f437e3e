"""Follow your words: what happened to one person's answers (no account needed; the
reference-code look-up is feedback.selectors.response_look_up)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from cms.models import ConsultationPage
from feedback.models import Answer, Response
from feedback.targets import answer_target
from tasks.models import Tag, TagStatus

from .cells import QUOTE_FLOOR
from .outcomes import OutcomeView, outcomes_published
from .themes import Theme, themes


@dataclass(frozen=True)
class FollowedResponse:
    response: Response
    consultation: ConsultationPage
    themes: list[Theme]
    outcomes: list[OutcomeView]
    quoted: bool  # one of their answers is an outcome's example


def follow_response(*, response: Response) -> FollowedResponse:
    """What happened to one person's answers: the themes they were tagged with (confirmed or
    high-confidence only) and the published outcomes linked to those themes, in the language
    they answered in where an outcome is translated into it (English otherwise)."""
    consultation = response.survey.get_parent().specific
    codes = set(
        Tag.objects.filter(response=response)
        .filter(
            Q(status=TagStatus.CONFIRMED)
            | Q(status=TagStatus.SUGGESTED, confidence__gte=QUOTE_FLOOR)
        )
        .values_list("code", flat=True)
    )
    outcomes = (
        outcomes_published(
            consultation_id=consultation.pk,
            codes=codes,
            language_code=response.language or None,
        )
        if codes
        else []
    )
    answer_targets = {
        answer_target(pk)
        for pk in Answer.objects.filter(response=response).values_list("pk", flat=True)
    }
    quoted = any(
        ex.target in answer_targets for view in outcomes for ex in view.outcome.examples.all()
    )
    return FollowedResponse(
        response=response,
        consultation=consultation,
        themes=themes(codes) if codes else [],
        outcomes=outcomes,
        quoted=quoted,
    )
