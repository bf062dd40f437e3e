"""Which words in a text drove a tag's score, shown as evidence in the review screen.

The evidence must come from the text under review, never from training data. It is measured
by occlusion: take each distinct word out of the text, score again, and see how far each tag's
score falls. That asks the tagger itself (phrase rules, model and all) rather than
re-deriving its weights, so it stays true when the engine changes. Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
MAX_WORDS = 60  # distinct words tried per text; a longer text is explained by its first 60
CONTEXT = 30  # characters either side of a highlighted word in a snippet
# A word whose removal lowers the score's log-odds by less than this did not drive it. Log-odds,
# not probability: a confident tag (0.9999) barely moves in probability when one of its words
# goes, but clearly does in log-odds.
MIN_DROP = 0.3
RELATIVE = 0.5  # and by at least half as much as the word that weighs most

ScoreFn = Callable[[Sequence[str]], np.ndarray]  # texts -> (texts x tags) scores


@dataclass(frozen=True)
class Driver:
    word: str
    drop: float  # how far the tag's score falls without this word, in log-odds
    spans: tuple[tuple[int, int], ...]  # where it occurs in the text


@dataclass(frozen=True)
class Snippet:
    """Part of the text, split into (chunk, highlighted) pieces for the template."""

    pieces: tuple[tuple[str, bool], ...]
    cut_start: bool
    cut_end: bool


def explain(
    text: str, columns: Sequence[int], score: ScoreFn, top: int = 4
) -> dict[int, list[Driver]]:
    """For each tag column, the words of ``text`` whose removal lowers its score most."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m in WORD.finditer(text):
        word = m.group().lower()
        if word in found or len(found) < MAX_WORDS:
            found.setdefault(word, []).append(m.span())
    if not found or not columns:
        return {c: [] for c in columns}
    words = list(found)
    variants = [text]
    for word in words:
        chars = list(text)
        for start, end in found[word]:
            chars[start:end] = [" "] * (end - start)
        variants.append("".join(chars))
    p = np.clip(np.asarray(score(variants), dtype=float), 1e-6, 1 - 1e-6)
    scores = np.log(p / (1 - p))
    out: dict[int, list[Driver]] = {}
    for col in columns:
        drops = scores[0, col] - scores[1:, col]
        order = np.argsort(-drops, kind="stable")[:top]
        # Only the words that weigh about as much as the strongest: the rest is context.
        floor = max(MIN_DROP, RELATIVE * float(drops[order[0]]))
        out[col] = [
            Driver(words[k], round(float(drops[k]), 3), tuple(found[words[k]]))
            for k in order
            if drops[k] >= floor
        ]
    return out


def snippets(text: str, drivers: Sequence[Driver], limit: int = 2) -> list[Snippet]:
    """Short pieces of ``text`` around its driving words, the words marked."""
    spans = sorted({span for d in drivers for span in d.spans})
    if not spans:
        return []
    windows: list[list[tuple[int, int]]] = []
    for span in spans:
        if windows and span[0] - windows[-1][-1][1] <= 2 * CONTEXT:
            windows[-1].append(span)
        else:
            windows.append([span])
    out = []
    for group in windows[:limit]:
        start = max(0, group[0][0] - CONTEXT)
        end = min(len(text), group[-1][1] + CONTEXT)
        pieces: list[tuple[str, bool]] = []
        at = start
        for s, e in group:
            if s > at:
                pieces.append((text[at:s], False))
            pieces.append((text[s:e], True))
            at = e
        if at < end:
            pieces.append((text[at:end], False))
        out.append(Snippet(tuple(pieces), start > 0, end < len(text)))
    return out
