"""The safeguarding screen: phrase rules and the classifier together, one verdict per text.

A text is flagged when **either** fires (a missed disclosure is the worst outcome here). Its
severity is ``urgent`` when a rule says urgent **or** the model's urgent probability reaches
``Config.urgent_threshold``; so a text only the model caught can be urgent. Categories are the
rules' first, then the model's. ``method`` says which fired: ``rules``, ``model`` or ``both``.

A rule's *soft* hit (a phrase in an ambiguous context: a joke, a resolved past, a check by a
GP, a procedure; ``rules.screen_with_hints``) weighs less than a rule's verdict: it counts, as a
concern, only when the model's harm score reaches ``SOFT_MODEL_SHARE`` of the model's own
threshold. So "mum will kill me when she sees the mess lol" is not flagged on its words alone,
but the same words in a text the model finds worrying still are (and the model can still make
it urgent).

A *settled* text (``rules.settled_reading``: the writer says the arrangement was agreed or their
own choice, or that a past event was dealt with, and nothing in the text says otherwise) needs a
confident model: there the model alone, and a soft hit, count only from ``SETTLED_MODEL_FLOOR``
(0.9) instead of the model's threshold. After set F the model's remaining false alarms were
ordinary accounts such as "my partner keeps my phone on the shelf after 10pm because I asked
her to" scoring 0.6-0.85. A rule's own verdict is never held back. A context settles only the
sentences that carry its words: when the rest of the text, read alone, reaches the model's
threshold, the text is read as any other (set G showed why: "thanks for the easy read about
flu jabs" once held back a friend gone off with a man from the internet).

A rule's *concern* verdict (no urgent rule fired) needs a little agreement from the model: its
harm score must reach ``CONCERN_RULE_MODEL_FLOOR`` (0.15, far below the model's own threshold).
After set Q most false alarms were concern-level phrases in look-alikes ("a session on
recognising neglect", "I shouted at my son ... and then felt guilty") that the model scored
near zero; leave-one-set-out on the spent sets A-O lost no disclosure to it. An urgent verdict
is never held back, whatever the model says.

Pure (no Django). ``screen_texts`` screens a batch (the model is vectorised, so a batch of a
few hundred is much faster per text than one at a time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Prediction, ScreenModel, default_model
from .rules import (
    CONCERN,
    CONCERN_RULE_MODEL_FLOOR,
    SETTLED_MODEL_FLOOR,
    SOFT_MODEL_SHARE,
    URGENT,
    screen_with_hints,
    settled_reading,
)

RULES, MODEL, BOTH = "rules", "model", "both"


@dataclass(frozen=True)
class Screening:
    """What the two screens found in one text."""

    categories: tuple[str, ...]
    phrases: tuple[str, ...]  # the words the rules matched (normalised)
    rule_severity: str | None  # urgent / concern / None when no rule fired
    model_score: float  # probability of a disclosure
    urgent_score: float  # probability that it is urgent
    model_flagged: bool
    model_urgent: bool  # urgent_score reached the model's urgent threshold
    model_version: str = ""

    @property
    def by_rules(self) -> bool:
        return self.rule_severity is not None

    @property
    def by_model(self) -> bool:
        return self.model_flagged

    @property
    def flagged(self) -> bool:
        return self.by_rules or self.by_model

    @property
    def severity(self) -> str:
        """urgent / concern, or "" when not flagged."""
        if not self.flagged:
            return ""
        if self.rule_severity == URGENT or self.model_urgent:
            return URGENT
        return CONCERN

    @property
    def method(self) -> str:
        if self.by_rules and self.by_model:
            return BOTH
        return RULES if self.by_rules else (MODEL if self.by_model else "")

    @property
    def score(self) -> float:
        return self.model_score


def screen_texts(texts: Sequence[str], model: ScreenModel | None = None) -> list[Screening]:
    """Both screens over a batch of texts, in order."""
    model = model or default_model()
    texts = [t if isinstance(t, str) else "" for t in texts]
    predictions = model.predict(texts)
    soft_floor = model.config.harm_threshold * SOFT_MODEL_SHARE
    settled = _settled_texts(texts, predictions, model, soft_floor)
    out = []
    for i, (text, p) in enumerate(zip(texts, predictions, strict=True)):
        concerns, soft = screen_with_hints(text)
        model_flagged = p.flagged(model.config)
        if not concerns and i in settled:
            # Only the model (or a soft hit) would flag a settled text: it must be confident.
            model_flagged = p.harm >= max(SETTLED_MODEL_FLOOR, model.config.harm_threshold)
            soft_counts = model_flagged
        else:
            soft_counts = p.harm >= soft_floor
        if soft and soft_counts:
            concerns = [*concerns, *soft]  # soft hits are always concerns, never urgent
        if (
            concerns
            and p.harm < CONCERN_RULE_MODEL_FLOOR
            and not any(c.severity == URGENT for c in concerns)
        ):
            concerns = []  # a concern-level phrase the model sees no harm in at all
        categories = list(dict.fromkeys([*(c.category for c in concerns), *p.categories]))
        out.append(
            Screening(
                categories=tuple(categories) if (concerns or model_flagged) else (),
                phrases=tuple(c.phrase for c in concerns),
                rule_severity=(
                    (URGENT if any(c.severity == URGENT for c in concerns) else CONCERN)
                    if concerns
                    else None
                ),
                model_score=round(p.harm, 4),
                urgent_score=round(p.urgent, 4),
                model_flagged=model_flagged,
                model_urgent=p.urgent >= model.config.urgent_threshold,
                model_version=model.version,
            )
        )
    return out


def _settled_texts(
    texts: Sequence[str], predictions: Sequence[Prediction], model: ScreenModel, soft_floor: float
) -> set[int]:
    """Indices of the texts whose possible flag a settled context explains: in a context, and
    the rest of the text (its sentences without the context's words), read alone, stays under
    the model's threshold. Only texts the model leans towards are looked at; their rests are
    scored in one batch."""
    candidates: dict[int, str] = {}
    for i, (text, p) in enumerate(zip(texts, predictions, strict=True)):
        if p.harm >= soft_floor and (found := settled_reading(text)) is not None:
            candidates[i] = found[1]
    rests = {i: rest for i, rest in candidates.items() if rest}
    scores = dict(zip(rests, model.predict(list(rests.values())), strict=True)) if rests else {}
    threshold = model.config.harm_threshold
    return {i for i in candidates if i not in scores or scores[i].harm < threshold}


def screen_text(text: str, model: ScreenModel | None = None) -> Screening:
    """Both screens on one text."""
    return screen_texts([text], model)[0]
