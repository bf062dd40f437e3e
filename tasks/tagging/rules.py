"""Keyword phrase rules, tolerant of misspellings, word forms and joined-up compounds.

Why rules at all: they work for a tag with no training examples, they give reviewers a
readable reason ("matched 'health check'"), and they catch the misspelt short texts that
people with a learning disability often write, where a model trained on a few hundred
sentences has little to go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from .text import normalise, stem, stems, words

MAX_GAP = 1  # words allowed between two words of a phrase ("health and care plan")
_CACHE_LIMIT = 50_000


@dataclass(frozen=True)
class Hit:
    """The best phrase match of one label in one text."""

    keyword: str
    matched: str  # the words of the text that matched, as written (normalised)
    exact: bool  # every word matched exactly after stemming
    count: int  # distinct keyword phrases of this label that matched


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    for d in range(1, depth + 1):
        for idx in combinations(range(len(word)), d):
            out.add("".join(c for i, c in enumerate(word) if i not in idx))
    return out


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (adjacent swaps count 1), or limit+1 if larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _allowed(word: str, multi: bool) -> int:
    """Edit distance tolerated for a phrase word; stricter for one-word phrases."""
    if word.isdigit():
        return 0
    n = len(word)
    if multi:
        return 2 if n >= 8 else 1 if n >= 4 else 0
    return 2 if n >= 9 else 1 if n >= 6 else 0


class PhraseMatcher:
    """Matches each label's keyword phrases in text; built once, reused for every text."""

    def __init__(self, keywords: Sequence[Iterable[str]]) -> None:
        # phrases[k] = (label index, keyword as written, stemmed words)
        self._phrases: list[tuple[int, str, tuple[str, ...]]] = []
        for label_idx, kws in enumerate(keywords):
            for kw in kws:
                parts = tuple(stems(normalise(kw)))
                if not parts:
                    continue
                self._phrases.append((label_idx, kw, parts))
                if len(parts) > 1 and len("".join(parts)) >= 6:
                    self._phrases.append((label_idx, kw, ("".join(parts),)))
        self.n_labels = len(keywords)
        self._by_first: dict[str, list[int]] = {}
        vocab: set[str] = set()
        for k, (_, _, parts) in enumerate(self._phrases):
            self._by_first.setdefault(parts[0], []).append(k)
            vocab.update(parts)
        self._index: dict[str, set[str]] = {}
        for w in vocab:
            depth = _allowed(w, multi=True)
            for d in _deletes(w, depth) if depth else ():
                self._index.setdefault(d, set()).add(w)
        self._vocab = frozenset(vocab)
        self._cache: dict[str, dict[str, int]] = {}

    def _near(self, token: str) -> dict[str, int]:
        """Phrase words within tolerated distance of a text token: {word: distance}."""
        found = self._cache.get(token)
        if found is not None:
            return found
        found = {token: 0} if token in self._vocab else {}
        if len(token) >= 3 and not token.isdigit():
            cands: set[str] = set()
            for d in _deletes(token, 2 if len(token) >= 7 else 1):
                cands |= self._index.get(d, set())
            for w in cands:
                if w in found or w[0] != token[0]:
                    continue
                dist = _distance(token, w, _allowed(w, multi=True))
                if dist <= _allowed(w, multi=True):
                    found[w] = dist
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = found
        return found

    def match(self, text: str) -> dict[int, Hit]:
        """Best hit per label index for one text (exact beats fuzzy, longer beats shorter)."""
        norm = normalise(text)
        raw = words(norm)
        toks = [stem(w) for w in raw] if raw else []
        near = [self._near(t) for t in toks]
        best: dict[int, tuple[tuple[bool, int], Hit]] = {}
        found: dict[int, set[str]] = {}
        for i, cand in enumerate(near):
            for first in cand:
                for k in self._by_first.get(first, ()):
                    label_idx, kw, parts = self._phrases[k]
                    span = self._follow(near, i, parts)
                    if span is None:
                        continue
                    end, exact = span
                    found.setdefault(label_idx, set()).add(kw)
                    rank = (exact, len(parts))
                    if label_idx not in best or rank > best[label_idx][0]:
                        hit = Hit(kw, " ".join(raw[i : end + 1]), exact, 0)
                        best[label_idx] = (rank, hit)
        return {
            idx: Hit(hit.keyword, hit.matched, hit.exact, len(found[idx]))
            for idx, (_, hit) in best.items()
        }

    @staticmethod
    def _follow(
        near: list[dict[str, int]], start: int, parts: tuple[str, ...]
    ) -> tuple[int, bool] | None:
        multi = len(parts) > 1
        dist = near[start][parts[0]]
        if dist > _allowed(parts[0], multi):
            return None
        exact = dist == 0
        pos = start
        for part in parts[1:]:
            for nxt in range(pos + 1, min(pos + 2 + MAX_GAP, len(near))):
                d = near[nxt].get(part)
                if d is not None and d <= _allowed(part, multi):
                    exact = exact and d == 0
                    pos = nxt
                    break
            else:
                return None
        return pos, exact
