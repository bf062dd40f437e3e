"""Names of the texts people wrote, as tags, flags, outcomes and review refer to them:
``a:<answer id>`` for a survey answer, ``c:<contribution id>`` for a focus-group
contribution (``r:<response id>`` for a whole response, where a tagger works on one). The
one place these are built and read, instead of ``f"a:{pk}"`` by hand."""

from __future__ import annotations

from typing import NamedTuple

ANSWER = "a"
CONTRIBUTION = "c"
RESPONSE = "r"


class Target(NamedTuple):
    kind: str  # ANSWER, CONTRIBUTION or RESPONSE
    pk: int


def answer_target(pk: int) -> str:
    return f"{ANSWER}:{pk}"


def contribution_target(pk: int) -> str:
    return f"{CONTRIBUTION}:{pk}"


def target_parse(target: str) -> Target | None:
    """The kind and id a target names, or None when it is not one (``"a:12"`` -> a, 12)."""
    kind, _, pk = (target or "").strip().lower().partition(":")
    if kind not in (ANSWER, CONTRIBUTION, RESPONSE) or not pk.isdigit():
        return None
    return Target(kind, int(pk))
