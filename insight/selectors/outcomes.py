"""You said, we did: published outcomes with their themes and redacted example quotes, and
who to tell when one is published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from wagtail import hooks

from cms.models import ConsultationPage
from cms.models.pages import EASY_READ_CHECKED
from feedback.models import Response, ResponseStatus, SurveyPage
from feedback.redaction import redact
from feedback.targets import ANSWER, answer_target, contribution_target, target_parse

from ..filters import insight_answers, insight_contributions
from ..models import Outcome, OutcomeNotification
from .themes import Theme, themes


@dataclass(frozen=True)
class OutcomeView:
    outcome: Outcome
    themes: list[Theme]
    examples: list[str]  # redacted quotes
    checked_on: datetime | None = None  # when experts by experience checked this version


def outcomes_published(
    *, consultation_id: int, codes: set[str] | None = None
) -> list[OutcomeView]:
    """Published outcomes of a consultation (optionally only those linked to ``codes``), with
    their themes, redacted example quotes (none held by a safeguarding flag) and when the
    experts by experience checked the live version: five queries, and one an outcome."""
    qs = Outcome.objects.filter(consultation_id=consultation_id, live=True)
    if codes is not None:
        qs = qs.filter(Q(pledges__code__in=codes) | Q(pathways__code__in=codes)).distinct()
    outcomes = list(
        qs.prefetch_related("pledges", "pathways", "examples").order_by("-published_at", "title")
    )
    # Examples held by a safeguarding flag are left out until the lead releases them: the
    # base querysets (insight_answers, insight_contributions) do not return them.
    answer_ids, contribution_ids = set(), set()
    for o in outcomes:
        for ex in o.examples.all():
            parsed = target_parse(ex.target)
            if parsed is not None:
                (answer_ids if parsed.kind == ANSWER else contribution_ids).add(parsed.pk)
    texts = {
        answer_target(pk): text
        for pk, text in insight_answers()
        .filter(pk__in=answer_ids, response__status=ResponseStatus.SUBMITTED)
        .values_list("pk", "text")
    }
    texts.update(
        {
            contribution_target(pk): text
            for pk, text in insight_contributions()
            .filter(pk__in=contribution_ids)
            .values_list("pk", "text")
        }
    )
    all_codes = {p.code for o in outcomes for p in [*o.pledges.all(), *o.pathways.all()]}
    by_code = {t.code: t for t in themes(all_codes)} if all_codes else {}
    checkers = hooks.get_hooks(EASY_READ_CHECKED)
    views = []
    for o in outcomes:
        linked = [
            by_code[p.code] for p in [*o.pledges.all(), *o.pathways.all()] if p.code in by_code
        ]
        examples = [
            " ".join(redact(texts[ex.target]).text.split())
            for ex in o.examples.all()
            if texts.get(ex.target)
        ]
        # The panel app answers (cms hook), for the live revision only: a handful a page.
        checked = next((when for fn in checkers if (when := fn(o))), None)
        views.append(OutcomeView(outcome=o, themes=linked, examples=examples, checked_on=checked))
    return views


def responses_to_notify(*, outcome: Outcome) -> QuerySet[Response]:
    """Submitted responses to the outcome's consultation whose person asked to hear back and
    has not been told about this outcome yet."""
    consultation = ConsultationPage.objects.get(pk=outcome.consultation_id)
    return (
        Response.objects.filter(
            survey_id__in=SurveyPage.objects.child_of(consultation).values("pk"),
            status=ResponseStatus.SUBMITTED,
            wants_updates=True,
        )
        .exclude(contact_email="")
        .exclude(pk__in=OutcomeNotification.objects.filter(outcome=outcome).values("response_id"))
        .order_by("pk")
    )


def you_said_we_did_page(*, consultation_id: int):
    """The consultation's "you said, we did" page (draft or live), or None."""
    from cms.models import YouSaidWeDidPage

    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return None
    return YouSaidWeDidPage.objects.child_of(consultation).order_by("path").first()
