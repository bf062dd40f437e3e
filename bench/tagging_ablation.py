"""Ablation of the tagger's parts on the held-out LLR test set; prints JSON.

    .venv/bin/python bench/tagging_ablation.py [--semantic]

Trains on the seeded taxonomy (cms/seed/taxonomy.json) only and scores on
tests/tasks/data/llr_labelled_test.csv, which was written separately from the seed examples.
`--semantic` adds the embedding variants; it needs the `semantic` extra and a local model.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.tagging import (  # noqa: E402
    Config,
    evaluate,
    labels_from_seed,
    read_labelled_csv,
    train_tagger,
)
from tasks.tagging.semantic import load_encoder  # noqa: E402

VARIANTS = {
    "rules_only": Config(model=False),
    "model_only_seed_examples": Config(rules=False, keyword_texts=False),
    "model_only": Config(rules=False),
    "combined_no_keyword_texts": Config(keyword_texts=False),
    "combined_no_weak_labels": Config(weak_labels=False),
    "combined": Config(),  # the default
}
SEMANTIC_VARIANTS = {
    "model_semantic": Config(rules=False, semantic=True),
    "combined_semantic": Config(semantic=True),
}


def run(config: Config, labels, test, codes) -> dict:
    start = time.perf_counter()
    tagger = train_tagger(labels, config=config)
    train_s = time.perf_counter() - start
    result = evaluate(tagger, test, codes)
    texts = [ex.text for ex in test] * 8
    start = time.perf_counter()
    tagger.predict_many(texts)
    rate = len(texts) / (time.perf_counter() - start)
    return {
        "micro_f1": result["micro_f1"],
        "macro_f1": result["macro_f1"],
        "micro_precision": result["micro_precision"],
        "micro_recall": result["micro_recall"],
        "train_seconds": round(train_s, 2),
        "predict_per_second": round(rate),
        "model_bytes": len(tagger.dumps()),
        "semantic_used": tagger.uses_semantic,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="add embedding variants")
    parser.add_argument("--per-label", action="store_true", help="per-label F1 of 'combined'")
    args = parser.parse_args()
    seed = json.loads((ROOT / "cms/seed/taxonomy.json").read_text(encoding="utf-8"))
    labels = labels_from_seed(seed)
    test = read_labelled_csv(ROOT / "tests/tasks/data/llr_labelled_test.csv")
    codes = [lb.code for lb in labels]
    variants = dict(VARIANTS)
    if args.semantic:
        if load_encoder() is None:
            parser.error("no local sentence-embedding model is installed")
        variants.update(SEMANTIC_VARIANTS)
    report = {
        "n_train": sum(len(lb.examples) for lb in labels),
        "n_test": len(test),
        "variants": {name: run(cfg, labels, test, codes) for name, cfg in variants.items()},
    }
    if args.per_label:
        tagger = train_tagger(labels)
        report["per_label"] = evaluate(tagger, test, codes)["per_label"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
