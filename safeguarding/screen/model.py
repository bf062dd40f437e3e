"""The safeguarding model: a one-label classifier trained with the tagger's pure engine
(``tasks.tagging``) for disclosures worded in ways no phrase rule foresaw.

Training data is data (``safeguarding/data/training.jsonl``: ``{"text", "category"}``, with
benign look-alikes as category ``"none"``), plus the taxonomy's ordinary feedback examples
that the rules do not flag (realistic negatives), plus any decisions the safeguarding lead
made (``extra``: closed flags and texts flagged by hand), which is how the lead teaches it.
Pure Python: no Django.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from tasks.tagging import Example, Label, Tagger, labels_from_seed, train_tagger

from .rules import screen

DISCLOSURE = "disclosure"
MODEL_THRESHOLD = 0.3  # see the table in the README's Safeguarding section
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TRAINING_FILE = DATA_DIR / "training.jsonl"
TAXONOMY_SEED = Path(__file__).resolve().parents[2] / "cms" / "seed" / "taxonomy.json"


def training_examples(path: Path = TRAINING_FILE) -> list[tuple[str, str]]:
    """(text, category) pairs from the training file; category "none" is a look-alike."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append((str(row["text"]), str(row["category"])))
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path.name} line {n}: {exc}") from exc
    return rows


@lru_cache(maxsize=1)
def ordinary_feedback() -> tuple[str, ...]:
    """The taxonomy's example feedback the rules do not flag: realistic negatives."""
    try:
        seed = json.loads(TAXONOMY_SEED.read_text(encoding="utf-8"))
    except FileNotFoundError:  # pragma: no cover - the seed ships with the code
        return ()
    return tuple(e for lb in labels_from_seed(seed) for e in lb.examples if not screen(e))


def training_data(
    extra: Iterable[tuple[str, bool]] = (),
) -> tuple[list[str], list[bool]]:
    """Texts and whether each is a disclosure: the file, ordinary feedback, then ``extra``."""
    examples = training_examples()
    texts = [t for t, _ in examples]
    positive = [c != "none" for _, c in examples]
    ordinary = ordinary_feedback()
    texts += ordinary
    positive += [False] * len(ordinary)
    for text, is_disclosure in extra:
        if text.strip():
            texts.append(text)
            positive.append(bool(is_disclosure))
    return texts, positive


def train(texts: list[str], positive: list[bool]) -> Tagger:
    label = Label(
        DISCLOSURE,
        "Possible disclosure of harm",
        examples=tuple(t for t, p in zip(texts, positive, strict=True) if p),
    )
    negatives = [Example(t) for t, p in zip(texts, positive, strict=True) if not p]
    return train_tagger([label], negatives)


@lru_cache(maxsize=1)
def default_model() -> Tagger:
    """Trained once per process from the data files alone (deterministic, about a second)."""
    return train(*training_data())


def cross_validate(*, folds: int = 5, thresholds=(0.2, 0.3, 0.4, 0.5)) -> dict:
    """Out-of-fold recall and false-positive rates of the model, and of rules-or-model, on
    the training data (a regression figure: the rules were written beside these texts)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    texts, positive = training_data()
    n_examples = len(training_examples())
    y = np.array(positive)
    ordinary = np.arange(len(texts)) >= n_examples
    lookalike = ~y & ~ordinary
    scores = np.zeros(len(texts))
    strata = y.astype(int) + 2 * ordinary
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, strata):
        model = train([texts[i] for i in tr], [positive[i] for i in tr])
        scores[te] = model.scores([texts[i] for i in te])[:, 0]
    rules = np.array([bool(screen(t)) for t in texts])
    out = {
        "disclosures": int(y.sum()),
        "lookalikes": int(lookalike.sum()),
        "ordinary": int(ordinary.sum()),
        "rules_recall": float(rules[y].mean()),
        "rules_fp_lookalike": float(rules[lookalike].mean()),
        "rules_fp_ordinary": float(rules[ordinary].mean()),
        "thresholds": {},
    }
    for th in thresholds:
        model, either = scores >= th, (scores >= th) | rules
        out["thresholds"][th] = {
            "model_recall": float(model[y].mean()),
            "model_fp_lookalike": float(model[lookalike].mean()),
            "model_fp_ordinary": float(model[ordinary].mean()),
            "either_recall": float(either[y].mean()),
            "either_fp_ordinary": float(either[ordinary].mean()),
        }
    return out
