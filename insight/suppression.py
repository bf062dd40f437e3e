"""Disclosure control: the ONE rule for every count a collaborative member or an expert by
experience sees, downloads or gets from the API. Pure Python, no Django. The threat model,
the attacks it was tested against and what is left are in docs/disclosure-control.md.

The rule (ONS's cell-key method, with key-controlled rounding to 5 as the perturbation):

1. **Same records, same answer.** Every count comes with the identity of the records behind
   it (``Records``): how many, and the oldest survey response and focus-group contribution
   among them. A keyed hash of that identity is the *cell key*. Whichever filters, page,
   export or API call reach the same records, they get the same key, so asking again, or
   asking the same thing another way, gives nothing new away.
2. **Rounding by the key.** The key picks an offset ``d`` from 0 to 4 and the count ``n`` is
   shown as ``5 * floor((n + d) / 5)``: always a multiple of 5, never more than 4 away, and
   right on average (13 shows as 10 three times in five and 15 twice in five). Two queries
   that differ by one person are rounded independently, so subtracting them gives a range,
   never the person.
3. **Small numbers are hidden.** When the rounded figure is 0 the page says "fewer than 5"
   and gives no number. Zero is hidden like 1 to 4: showing "0" beside "fewer than 5" told
   people which cell held the few. The hiding decision uses the rounded figure, not the true
   one: a rule on the true count would change at exactly 5, and adding your own answers one
   at a time until it changed would give the true count away.
4. **Breakdowns of a hidden total are hidden** (``protect_breakdown``): when the total is
   "fewer than 5", every row of its breakdowns is too.
5. **Derived figures come only from shown figures.** A change between periods is the shown
   difference of two rounded counts, and only when neither is hidden.

Why the *oldest* record, not every record, makes the key: someone who adds answers and
withdraws them again only ever adds the newest records, so the key (and the rounding) of a
group that already had someone in it stays put however often they try; they cannot ask for a
fresh roll of the dice and average the results. The engagement team sees exact figures
(``exact=True``): they already see raw responses.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

THRESHOLD = 5  # a rounded figure below this is hidden
ROUND_TO = 5
FEWER_THAN = f"fewer than {THRESHOLD}"
# A quote may be shown when its group's *shown* count is at least this: 10 can only come from
# 6 or more people, so a quote never comes from a group smaller than THRESHOLD.
QUOTE_GROUP_SHOWN = 2 * ROUND_TO


@dataclass(frozen=True)
class Records:
    """The identity of a set of records behind a count: how many, and the oldest response and
    contribution ids. Disjoint sets add up (``+``), so a total is the sum of its cells."""

    n: int = 0
    first_response: int | None = None
    first_contribution: int | None = None

    def __add__(self, other: Records) -> Records:
        return Records(
            self.n + other.n,
            _first(self.first_response, other.first_response),
            _first(self.first_contribution, other.first_contribution),
        )


def _first(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


@dataclass(frozen=True)
class Shown:
    """A count as a viewer may see it."""

    value: int | None  # None when hidden
    text: str  # what the page says: "fewer than 5", "10"
    suppressed: bool = False
    rounded: bool = False

    @property
    def is_zero(self) -> bool:
        return self.value == 0

    def __str__(self) -> str:
        return self.text


HIDDEN = Shown(None, FEWER_THAN, suppressed=True)


def cell_key(records: Records, secret: bytes, salt: str = "") -> int:
    """The cell key of a set of records: a keyed hash (HMAC-SHA256) of its identity, as a
    32-bit integer. ``salt`` separates figures of the same records that count other things
    (e.g. the happy faces among them)."""
    message = f"{records.first_response}:{records.first_contribution}:{salt}".encode()
    return int.from_bytes(hmac.new(secret, message, hashlib.sha256).digest()[:4], "big")


def protect(records: Records, *, exact: bool, secret: bytes = b"", salt: str = "") -> Shown:
    """The single disclosure rule: what to show for the count of ``records``."""
    n = int(records.n or 0)
    if exact:
        return Shown(n, f"{n:,}")
    offset = cell_key(records, secret, salt) % ROUND_TO
    r = ROUND_TO * ((n + offset) // ROUND_TO)
    if r < THRESHOLD:
        return HIDDEN
    return Shown(r, f"{r:,}", rounded=True)


def protect_breakdown(total: Shown, rows: Mapping[str, Shown]) -> dict[str, Shown]:
    """A breakdown of ``total`` as it may be shown: all hidden when the total is."""
    if total.suppressed:
        return dict.fromkeys(rows, HIDDEN)
    return dict(rows)


def shown_change(before: Shown, after: Shown) -> int | None:
    """The change between two periods, from the shown figures only (None if either is
    hidden)."""
    if before.value is None or after.value is None:
        return None
    return after.value - before.value


def may_quote(group: Shown, *, exact: bool) -> bool:
    """Whether a quote may be shown from a group with this shown count."""
    if exact:
        return True  # the engagement team reads every response anyway
    return group.value is not None and group.value >= QUOTE_GROUP_SHOWN
