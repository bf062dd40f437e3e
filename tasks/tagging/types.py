"""Plain value types shared by the engine, its readers and its callers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Label:
    """A tag people's feedback can be given: a pledge, a pathway or anything else."""

    code: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    """A text and the codes a person confirmed for it (possibly none).

    `unknown`: codes nobody has decided on for this text yet (a suggestion still waiting).
    The tagger learns nothing about them from it: undecided is not the same as wrong.
    """

    text: str
    codes: frozenset[str] = field(default_factory=frozenset)
    unknown: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Suggestion:
    """One suggested tag: why it was suggested and how sure the tagger is (0-1)."""

    code: str
    confidence: float
    evidence: str
    method: str  # "rules" or "model"
    version: str = ""
