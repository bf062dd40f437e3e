"""The safeguarding screen: phrase rules (``rules.py`` reading ``data/rules.toml``) or the
model (``model.py``). A text is flagged when **either** fires: false negatives matter more
than false positives. A text only the model flags is a ``concern``, never ``urgent``.

Pure Python: no Django. ``screen_text`` is what the app's services, the bulk screen and the
survey's "help now" callout all call, so they always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.tagging import Tagger

from . import model as model_module
from .rules import CATEGORIES, CONCERN, URGENT, Concern, normalise, screen

RULES, MODEL, BOTH = "rules", "model", "both"

__all__ = [
    "BOTH",
    "CATEGORIES",
    "CONCERN",
    "MODEL",
    "RULES",
    "URGENT",
    "Concern",
    "Screening",
    "normalise",
    "screen",
    "screen_text",
]


@dataclass(frozen=True)
class Screening:
    """What the two screens found in one text."""

    categories: tuple[str, ...]
    phrases: tuple[str, ...]
    rule_severity: str | None
    model_score: float
    threshold: float = model_module.MODEL_THRESHOLD

    @property
    def by_rules(self) -> bool:
        return bool(self.categories)

    @property
    def by_model(self) -> bool:
        return self.model_score >= self.threshold

    @property
    def flagged(self) -> bool:
        return self.by_rules or self.by_model

    @property
    def severity(self) -> str:
        return self.rule_severity or CONCERN

    @property
    def method(self) -> str:
        if self.by_rules and self.by_model:
            return BOTH
        return RULES if self.by_rules else MODEL


def screen_text(text: str, *, model: Tagger | None = None) -> Screening:
    """Both screens on one text. ``model`` defaults to the one trained from the data files;
    the app passes the lead-taught version when there is one."""
    concerns = screen(text)
    tagger = model or model_module.default_model()
    score = float(tagger.scores([text])[0, 0]) if text.strip() else 0.0
    return Screening(
        categories=tuple(c.category for c in concerns),
        phrases=tuple(c.phrase for c in concerns),
        rule_severity=(
            (URGENT if any(c.severity == URGENT for c in concerns) else CONCERN)
            if concerns
            else None
        ),
        model_score=round(score, 4),
        threshold=model_module.MODEL_THRESHOLD,
    )
