"""Containment as a seam: which texts are held back and must not be confirmed or shown.

Safeguarding decides what is held, but it sits above tasks, so tasks must not import it. It
registers its containment helpers here instead (``safeguarding/receivers.py``), and tag
review, theme discovery and theme adoption ask through this module. With no provider
registered these refuse to answer rather than treat every text as free: a held disclosure
must never slip into quotes because an app failed to load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class HoldProvider:
    """``held_targets(targets)`` -> the held ones among tag targets ("a:1", "c:2");
    ``uncontained(qs, via=...)`` -> ``qs`` without rows whose text is held."""

    held_targets: Callable[[list[str]], set[str]]
    uncontained: Callable[..., QuerySet]


_PROVIDERS: list[HoldProvider] = []


def register_hold_provider(provider: HoldProvider) -> HoldProvider:
    """Add a provider (idempotent, so ``AppConfig.ready`` may run twice)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def _providers() -> list[HoldProvider]:
    if not _PROVIDERS:
        raise RuntimeError("no hold provider registered: is the safeguarding app installed?")
    return _PROVIDERS


def held_targets(targets: Iterable[str]) -> set[str]:
    """Which of these tag targets any provider holds."""
    targets = list(targets)
    held: set[str] = set()
    for provider in _providers():
        held |= provider.held_targets(targets)
    return held


def uncontained(qs: QuerySet, *, via: str) -> QuerySet:
    """``qs`` without the rows any provider holds (``via`` as in the provider's helper)."""
    for provider in _providers():
        qs = provider.uncontained(qs, via=via)
    return qs
