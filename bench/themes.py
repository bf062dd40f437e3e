"""Emerging themes: how many human themes does discovery recover with the labels hidden?

    .venv/bin/python bench/themes.py [LABELLED.csv ...] [--baselines]

For each labelled CSV (`text,codes`; default: the LLR review pool + unseen set, and the
synthetic history from ``bench/synth_history.py`` when it exists), the labels are hidden, the
texts go through ``discover_themes``, and each of the 16 largest labels counts as recovered
when one discovered theme is at least half that label and holds at least 30% of its texts.
``--baselines`` also scores TF-IDF + k-means and NMF with as many clusters as themes found.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.tagging import read_labelled_csv  # noqa: E402
from tasks.tagging.themes import Theme, discover_themes, recovery  # noqa: E402

DEFAULTS = [
    ROOT / "tests/tasks/unseen/llr_pool.csv",
    ROOT / "tests/tasks/unseen/llr_test.csv",
    Path("/work/data/synth/test.csv"),
]


def baselines(texts: list[str], k: int, gold) -> dict:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", min_df=2, sublinear_tf=True).fit_transform(texts)
    km = KMeans(k, n_init=3, random_state=0).fit_predict(x)
    w = NMF(k, init="nndsvda", random_state=0, max_iter=300).fit_transform(x)
    top = w.argmax(axis=1)
    as_themes = {
        "kmeans": [
            Theme(str(c), (), tuple(i for i, v in enumerate(km) if v == c)) for c in range(k)
        ],
        "nmf": [
            Theme(str(c), (), tuple(i for i, v in enumerate(top) if v == c)) for c in range(k)
        ],
    }
    return {name: recovery(t, gold)["share"] for name, t in as_themes.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--baselines", action="store_true")
    args = parser.parse_args()
    files = [Path(f) for f in args.files] or [p for p in DEFAULTS if p.exists()]
    out = []
    for path in files:
        examples = read_labelled_csv(path)
        texts, gold = [ex.text for ex in examples], [set(ex.codes) for ex in examples]
        started = time.perf_counter()
        themes = discover_themes(texts)
        seconds = time.perf_counter() - started
        result = recovery(themes, gold)
        row = {
            "file": path.name,
            "texts": len(texts),
            "themes": len(themes),
            "recovered": f"{len(result['recovered'])}/{len(result['labels'])}",
            "share": result["share"],
            "seconds": round(seconds, 2),
            "which": result["recovered"],
        }
        if args.baselines:
            row["baselines"] = baselines(texts, max(2, len(themes)), gold)
        out.append(row)
        print(json.dumps(row), file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
