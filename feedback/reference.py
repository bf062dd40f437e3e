"""Reference codes: unguessable, yet easy to read aloud, write down and type back.

A code is 10 symbols from a 32-symbol alphabet (5 bits each, 50 bits in all, drawn with
``secrets``), shown in groups as ``K7QH-M3XW-9C``. The alphabet leaves out 0/O and 1/I, which
people mix up when reading aloud or copying from paper. Pure functions: no Django.
"""

import math
import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 10
GROUPS = (4, 4, 2)
ENTROPY_BITS = LENGTH * math.log2(len(ALPHABET))  # 50.0

_SEPARATORS = re.compile(r"[\s\-_.]+")


def reference_generate() -> str:
    """A new code in its stored (ungrouped) form, e.g. ``K7QHM3XW9C``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def reference_display(code: str) -> str:
    """Group a stored code for reading aloud: ``K7QH-M3XW-9C``."""
    parts, start = [], 0
    for size in GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(p for p in parts if p)


def reference_normalise(typed: str) -> str | None:
    """What a person typed (any case, spaces or dashes) as a stored code, or None if it
    cannot be one. Nothing is guessed: a 0, O, 1 or I is never part of a real code."""
    code = _SEPARATORS.sub("", typed or "").upper()
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code
