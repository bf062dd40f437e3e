"""What a reviewer is shown changes what review teaches: a simulation on the review pool (dev).

    .venv/bin/python bench/review_loop.py [--splits 5] [--near 0.25]

The learning-curve bench gives reviewed texts every true tag. On the review screen a person
decides what the tagger suggested and adds what they notice, so a true tag the tagger did not
suggest may be recorded as absent. Three reviewers, on halves of ``llr_pool.csv`` (each half
reviewed, the other half scored, both ways round; ``--splits`` random halvings):

- ``gold``: every true tag (the learning-curve bench);
- ``shown``: only the true tags among the cold-start tagger's suggestions (adds nothing);
- ``near``: as ``shown``, plus up to 3 near misses per text offered for a tick (tags scoring
  below their threshold by at most ``--near``).

Prints macro-F1 at 25, 50 and 100 reviewed texts for each, and the paired gain of ``near``
over ``shown``. Dev data only: never point it at an unseen set.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.tagging import Example, evaluate, labels_from_seed, read_labelled_csv, train_tagger  # noqa: E402

POINTS = (25, 50, 100)
NEAR_CAP = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", type=int, default=5)
    parser.add_argument("--near", type=float, default=0.25)
    args = parser.parse_args()
    labels = labels_from_seed(json.loads((ROOT / "cms/seed/taxonomy.json").read_text()))
    codes = [lb.code for lb in labels]
    pool = read_labelled_csv(ROOT / "tests/tasks/unseen/llr_pool.csv")
    cold = train_tagger(labels)
    thresholds = np.array([cold.thresholds()[c] for c in codes])

    def shown(texts: list[Example]) -> list[tuple[set[str], set[str]]]:
        """Per text: the tags suggested, and the near misses offered."""
        p = cold.scores([e.text for e in texts])
        out = []
        for row in p:
            suggested = {codes[j] for j in np.flatnonzero(row >= thresholds)}
            below = (row < thresholds) & (row >= thresholds - args.near)
            near = [codes[j] for j in np.argsort(-row) if below[j]][:NEAR_CAP]
            out.append((suggested, set(near)))
        return out

    scores: dict[str, dict[int, list[float]]] = {
        k: {n: [] for n in POINTS} for k in ("gold", "shown", "near")
    }
    cold_scores, seen = [], {"gold": 0, "shown": 0, "near": 0}
    for seed in range(99, 99 + args.splits):
        order = list(range(len(pool)))
        random.Random(seed).shuffle(order)
        half = len(pool) // 2
        a, b = [pool[i] for i in order[:half]], [pool[i] for i in order[half:]]
        for reviewable, scored in ((a, b), (b, a)):
            cold_scores.append(evaluate(cold, scored, codes)["macro_f1"])
            offered = shown(reviewable)
            for e, (s, c) in zip(reviewable, offered, strict=True):
                seen["gold"] += len(e.codes)
                seen["shown"] += len(e.codes & s)
                seen["near"] += len(e.codes & (s | c))
            for n in POINTS:
                pairs = list(zip(reviewable[:n], offered[:n], strict=True))
                sets = {
                    "gold": [e for e, _ in pairs],
                    "shown": [Example(e.text, e.codes & s) for e, (s, _) in pairs],
                    "near": [Example(e.text, e.codes & (s | c)) for e, (s, c) in pairs],
                }
                for k, examples in sets.items():
                    tagger = train_tagger(labels, examples)
                    scores[k][n].append(evaluate(tagger, scored, codes)["macro_f1"])
    result = {
        "runs": len(cold_scores),
        "cold_start": round(statistics.mean(cold_scores), 4),
        "true_tags_recorded": seen,
        "curve": [
            {
                "reviewed": n,
                **{k: round(statistics.mean(scores[k][n]), 4) for k in scores},
                "near_minus_shown": round(
                    statistics.mean(np.subtract(scores["near"][n], scores["shown"][n])), 4
                ),
                "near_minus_shown_sd": round(
                    statistics.pstdev(np.subtract(scores["near"][n], scores["shown"][n])), 4
                ),
            }
            for n in POINTS
        ],
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
