"""A trust's whole history: the hybrid tagger against its own plain TF-IDF + logistic model.

    .venv/bin/python bench/history.py --taxonomy T.csv --train TRAIN.csv --test TEST.csv

Both learn from the same labelled history (`text,codes`); the hybrid also has the taxonomy's
keywords. "plain" is word 1-2-gram TF-IDF and one logistic regression per theme at 0.5, the
baseline a trust would build first; "plain + CV thresholds" adds per-theme thresholds picked
on 5-fold out-of-fold scores. Target: hybrid micro-F1 >= plain, macro-F1 >= plain + 0.03,
training in at most 60 s for 6,000 texts x 36 themes. Prints JSON (with per-label F1, wall
and CPU seconds, and the load average).
Make a stand-in history with ``bench/synth_history.py`` when no real one is at hand.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.tagging import evaluate, read_labelled_csv, read_taxonomy_csv, train_tagger  # noqa: E402
from tasks.tagging.metrics import score  # noqa: E402

GRID = np.arange(0.05, 0.951, 0.05)


def plain(train, test, codes, cv: bool) -> tuple[dict, float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    x = vec.fit_transform([ex.text for ex in train])
    y = np.array([[c in ex.codes for c in codes] for ex in train])
    xt = vec.transform([ex.text for ex in test])
    probs = np.zeros((len(test), len(codes)))
    thresholds = np.full(len(codes), 0.5)
    for j in range(len(codes)):
        if 0 < y[:, j].sum() < len(y):
            clf = LogisticRegression(C=10.0, solver="liblinear").fit(x, y[:, j])
            probs[:, j] = clf.predict_proba(xt)[:, 1]
            if cv:
                oof = np.zeros(len(train))
                for tr, te in KFold(5, shuffle=True, random_state=0).split(x):
                    if 0 < y[tr, j].sum() < len(tr):
                        m = LogisticRegression(C=10.0, solver="liblinear").fit(x[tr], y[tr, j])
                        oof[te] = m.predict_proba(x[te])[:, 1]
                f1 = [
                    2 * ((oof >= t) & y[:, j]).sum() / max((oof >= t).sum() + y[:, j].sum(), 1)
                    for t in GRID
                ]
                thresholds[j] = GRID[int(np.argmax(f1))]
    predicted = [
        {c for c, p, t in zip(codes, row, thresholds, strict=True) if p >= t} for row in probs
    ]
    seconds = time.perf_counter() - started
    return score([ex.codes for ex in test], predicted, codes), seconds, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--taxonomy", required=True)
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--no-cv-baseline", action="store_true", help="skip the slow baseline")
    args = parser.parse_args()
    labels = read_taxonomy_csv(args.taxonomy)
    codes = [lb.code for lb in labels]
    train, test = read_labelled_csv(args.train), read_labelled_csv(args.test)
    started, cpu = time.perf_counter(), time.process_time()
    tagger = train_tagger(labels, train)
    train_s, train_cpu = time.perf_counter() - started, time.process_time() - cpu
    hybrid = evaluate(tagger, test, codes)
    out = {"train": len(train), "test": len(test), "labels": len(codes)}
    rows = [("hybrid", hybrid, train_s, train_cpu)]
    rows.append(("plain", *plain(train, test, codes, cv=False)))
    if not args.no_cv_baseline:
        rows.append(("plain + CV thresholds", *plain(train, test, codes, cv=True)))
    for name, result, seconds, cpu_seconds in rows:
        out[name] = {
            "macro_f1": result["macro_f1"],
            "micro_f1": result["micro_f1"],
            "train_seconds": round(seconds, 1),
            # CPU time of this process (all threads): the machine is shared, so wall time
            # says as much about the neighbours' load as about the tagger.
            "train_cpu_seconds": round(cpu_seconds, 1),
            "per_label_f1": {c: v["f1"] for c, v in result["per_label"].items()},
        }
    p = out["plain"]
    out["targets_met"] = {
        "micro_f1 >= plain": hybrid["micro_f1"] >= p["micro_f1"],
        "macro_f1 >= plain + 0.03": hybrid["macro_f1"] >= p["macro_f1"] + 0.03,
        "train <= 60 s": train_s <= 60,
    }
    out["load_average"] = [round(v, 2) for v in os.getloadavg()]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
