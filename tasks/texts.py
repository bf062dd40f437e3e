"""Find the texts a tagging job works on, by id. The one place tagging reads feedback text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from feedback.models import Answer, Contribution, ResponseStatus
from feedback.targets import ANSWER, answer_target, contribution_target, target_parse

# Answers with the person's own words; choices and skipped questions have no text to tag.
MAX_TEXT = 20_000  # the engine caps what it reads; longer text is still stored in full


@dataclass(frozen=True)
class TextUnit:
    """One taggable text: a survey answer (within a response) or a focus-group contribution."""

    target: str
    text: str
    response_id: int | None = None
    answer_id: int | None = None
    contribution_id: int | None = None


def units_for_responses(response_ids: Iterable[int]) -> list[TextUnit]:
    """Every free-text answer of the given submitted responses (one query)."""
    rows = (
        Answer.objects.filter(
            response_id__in=list(response_ids), response__status=ResponseStatus.SUBMITTED
        )
        .exclude(text="")
        .values_list("id", "response_id", "text")
        .order_by("id")
    )
    return [
        TextUnit(target=answer_target(aid), text=text[:MAX_TEXT], response_id=rid, answer_id=aid)
        for aid, rid, text in rows
    ]


def units_for_contributions(contribution_ids: Iterable[int]) -> list[TextUnit]:
    rows = (
        Contribution.objects.filter(id__in=list(contribution_ids))
        .values_list("id", "text")
        .order_by("id")
    )
    return [
        TextUnit(target=contribution_target(cid), text=text[:MAX_TEXT], contribution_id=cid)
        for cid, text in rows
    ]


def texts_for_targets(targets: Iterable[str]) -> dict[str, str]:
    """The text behind each tag target (two queries), for review and retraining."""
    answer_ids, contribution_ids = [], []
    for target in targets:
        parsed = target_parse(target)
        if parsed is not None:
            (answer_ids if parsed.kind == ANSWER else contribution_ids).append(parsed.pk)
    texts = {
        answer_target(i): t
        for i, t in Answer.objects.filter(id__in=answer_ids).values_list("id", "text")
    }
    texts.update(
        (contribution_target(i), t)
        for i, t in Contribution.objects.filter(id__in=contribution_ids).values_list("id", "text")
    )
    return texts
