"""Find the texts a tagging job works on, by id. The one place tagging reads feedback text.

A text a person translated into English (``languages.TextTranslation``) is read as its
translation: the tagger and the safeguarding screen read English only, so the English words
are what they tag and screen. The original stays as it was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

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
    translated: bool = False  # the text is a person's English translation of the original


def _english(owner: str) -> Subquery:
    """The English translation a person entered for the row, if any (in the same query)."""
    from languages.models import TextTranslation, TranslationStatus

    return Subquery(
        TextTranslation.objects.filter(
            **{owner: OuterRef("pk")}, status=TranslationStatus.TRANSLATED
        ).values("text")[:1]
    )


def units_for_responses(response_ids: Iterable[int]) -> list[TextUnit]:
    """Every free-text answer of the given submitted responses (one query)."""
    rows = (
        Answer.objects.filter(
            response_id__in=list(response_ids), response__status=ResponseStatus.SUBMITTED
        )
        .exclude(text="")
        .annotate(english=_english("answer"))
        .values_list("id", "response_id", "text", "english")
        .order_by("id")
    )
    return [
        TextUnit(
            target=answer_target(aid),
            text=(english or text)[:MAX_TEXT],
            response_id=rid,
            answer_id=aid,
            translated=bool(english),
        )
        for aid, rid, text, english in rows
    ]


def units_for_contributions(contribution_ids: Iterable[int]) -> list[TextUnit]:
    rows = (
        Contribution.objects.filter(id__in=list(contribution_ids))
        .annotate(english=_english("contribution"))
        .values_list("id", "text", "english")
        .order_by("id")
    )
    return [
        TextUnit(
            target=contribution_target(cid),
            text=(english or text)[:MAX_TEXT],
            contribution_id=cid,
            translated=bool(english),
        )
        for cid, text, english in rows
    ]


def texts_for_targets(targets: Iterable[str]) -> dict[str, str]:
    """The text behind each tag target (two queries), for review and retraining: the English
    translation where a person entered one, as the tagger read it."""
    answer_ids, contribution_ids = [], []
    for target in targets:
        parsed = target_parse(target)
        if parsed is not None:
            (answer_ids if parsed.kind == ANSWER else contribution_ids).append(parsed.pk)
    answers = Answer.objects.filter(id__in=answer_ids).annotate(english=_english("answer"))
    texts = {answer_target(i): e or t for i, t, e in answers.values_list("id", "text", "english")}
    contributions = Contribution.objects.filter(id__in=contribution_ids).annotate(
        english=_english("contribution")
    )
    texts.update(
        (contribution_target(i), e or t)
        for i, t, e in contributions.values_list("id", "text", "english")
    )
    return texts
