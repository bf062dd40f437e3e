"""Small-number suppression: the ONE rule for every count a collaborative member or an
expert by experience sees, downloads or gets from the API. Pure Python, no Django.

The rule (documented in the insight pages' "About these numbers" and in the API schema):

1. **Primary suppression.** A count from 1 to 4 is shown as "fewer than 5" and has no number
   (``value`` is ``None``). Zero is shown as 0: "no young people from Rutland" is not about
   anyone.
2. **Rounding (our secondary suppression).** Every other count, *totals included*, is rounded
   to the nearest 5 (8 -> 10, 12 -> 10, 13 -> 15), and never below 5. Each number is rounded
   on its own from the true figure, never added up from rounded cells. So:

   - a hidden cell cannot be worked out from a total and the other cells in its row (the
     rounded total minus the rounded cells is only right to within +/- 2 per number); and
   - a filter that shrinks the base cannot be used to take one person away and see the
     difference (e.g. "all voices" 23 -> 25 and "carers only" 22 -> 20: the true difference
     could be anything from 1 to 9). Two queries can never be subtracted to get an exact 1-4.

   We chose rounding over "suppress the next-smallest cell" because complementary cell
   suppression only protects one table at a time: it does nothing against differencing across
   two filtered queries (date ranges, voice, area), which the insight filters make easy.
   Rounding protects every table and every pair of queries with one rule, the way NHS England
   and ONS publish small-area health statistics.
3. **Derived figures come only from shown figures.** A change between periods is the shown
   difference of two rounded counts, and only when neither is suppressed. No percentages or
   averages are computed from the true counts.

What is left (and why we accept it): many overlapping queries can narrow a rounded figure
down a little, as with any published rounded table. Only named collaborative members, behind
TOTP, can query; exports are audited. The engagement team sees exact figures (``exact=True``):
they already see raw responses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

THRESHOLD = 5  # counts 1 .. THRESHOLD-1 are hidden
ROUND_TO = 5
FEWER_THAN = f"fewer than {THRESHOLD}"


@dataclass(frozen=True)
class Shown:
    """A count as a viewer may see it."""

    value: int | None  # None when suppressed
    text: str  # what the page says: "fewer than 5", "10", "0"
    suppressed: bool = False
    rounded: bool = False

    @property
    def is_zero(self) -> bool:
        return self.value == 0

    def __str__(self) -> str:
        return self.text


def _round(n: int) -> int:
    # Round half up (12.5 never happens with integers and base 5; 7.5 -> 10 would) and never
    # below the threshold, so a shown number is never itself a small number.
    return max(THRESHOLD, ROUND_TO * ((n + ROUND_TO // 2) // ROUND_TO))


def protect(n: int, *, exact: bool) -> Shown:
    """The single suppression function: what to show for a true count ``n``."""
    n = int(n or 0)
    if exact or n == 0:
        return Shown(n, f"{n:,}")
    if n < THRESHOLD:
        return Shown(None, FEWER_THAN, suppressed=True)
    r = _round(n)
    return Shown(r, f"{r:,}", rounded=True)


def protect_map(counts: Mapping[str, int], *, exact: bool) -> dict[str, Shown]:
    return {key: protect(n, exact=exact) for key, n in counts.items()}


def shown_change(before: Shown, after: Shown) -> int | None:
    """The change between two periods, from the shown figures only (None if either is
    suppressed)."""
    if before.value is None or after.value is None:
        return None
    return after.value - before.value
