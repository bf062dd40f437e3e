"""An attacker's tools for the attack suite: a small exact integer solver.

The attacker knows the disclosure rule (docs/disclosure-control.md) but not the secret, sees
every figure a collaborative member can get, and knows which records each figure covers
(as a set of "atoms": the finest cells the filters can tell apart). Each shown figure becomes
an interval on the sum of its atoms; the solver then asks, for each atom, whether any value
other than the true one fits every interval at once. If none does, the atom is recovered.

Exact: bounds propagation over the sum constraints, then depth-first search by splitting the
smallest domain, so a "not recovered" answer comes with a witness solution.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Constraint = tuple[frozenset[int], int, int]


@dataclass
class Problem:
    """Integer atoms ``x[0..n)`` >= 0 and interval constraints on sums of them."""

    n: int
    top: int = 10_000
    constraints: dict[frozenset[int], tuple[int, int]] = field(default_factory=dict)

    def add(self, atoms: Iterable[int], low: int, high: int) -> None:
        key = frozenset(atoms)
        if not key:
            return
        old_low, old_high = self.constraints.get(key, (0, self.top))
        self.constraints[key] = (max(old_low, low), min(old_high, high))

    def rows(self) -> list[Constraint]:
        return [(atoms, lo, hi) for atoms, (lo, hi) in self.constraints.items()]


def _propagate(lo: list[int], hi: list[int], rows: Sequence[Constraint]) -> bool:
    """Tighten the bounds to a fixed point; False when the constraints cannot all hold."""
    changed = True
    while changed:
        changed = False
        for atoms, low, high in rows:
            sum_lo = sum(lo[i] for i in atoms)
            sum_hi = sum(hi[i] for i in atoms)
            if sum_lo > high or sum_hi < low:
                return False
            for i in atoms:
                new_hi = min(hi[i], high - (sum_lo - lo[i]))
                new_lo = max(lo[i], low - (sum_hi - hi[i]))
                if new_lo > new_hi:
                    return False
                if new_hi != hi[i] or new_lo != lo[i]:
                    sum_lo += new_lo - lo[i]
                    sum_hi += new_hi - hi[i]
                    lo[i], hi[i] = new_lo, new_hi
                    changed = True
    return True


def solve(problem: Problem, lo: list[int], hi: list[int]) -> list[int] | None:
    """One integer solution within the bounds, or None."""
    rows = problem.rows()
    stack = [(list(lo), list(hi))]
    while stack:
        lo_, hi_ = stack.pop()
        if not _propagate(lo_, hi_, rows):
            continue
        open_ = [i for i in range(problem.n) if lo_[i] < hi_[i]]
        if not open_:
            return lo_
        i = min(open_, key=lambda j: hi_[j] - lo_[j])
        mid = (lo_[i] + hi_[i]) // 2
        upper_lo, upper_hi = list(lo_), list(hi_)
        upper_lo[i] = mid + 1
        lower_hi = list(hi_)
        lower_hi[i] = mid
        stack.append((upper_lo, upper_hi))
        stack.append((list(lo_), lower_hi))
    return None


def recovered(problem: Problem, atom: int, truth: int) -> bool:
    """True when every solution gives ``atom`` its true value: the attack worked."""
    base_lo, base_hi = [0] * problem.n, [problem.top] * problem.n
    below_hi = list(base_hi)
    below_hi[atom] = truth - 1
    if truth > 0 and solve(problem, base_lo, below_hi) is not None:
        return False
    above_lo = list(base_lo)
    above_lo[atom] = truth + 1
    return solve(problem, above_lo, base_hi) is None
