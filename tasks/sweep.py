"""The registry of sweepers that find work whose background job was lost.

A sweeper is a callable returning how many jobs it queued again. Job families register
theirs here (e.g. untagged responses), so the one periodic sweep covers them all.
"""

from collections.abc import Callable

Sweeper = Callable[[], int]
_SWEEPERS: list[Sweeper] = []


def register(sweeper: Sweeper) -> Sweeper:
    if sweeper not in _SWEEPERS:
        _SWEEPERS.append(sweeper)
    return sweeper


def run_sweepers() -> int:
    return sum(sweeper() for sweeper in _SWEEPERS)
