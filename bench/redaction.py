"""Redaction speed on 10,000 feedback texts.

The texts are the held-out labelled set's free text (tests/tasks/data/llr_labelled_test.csv,
251 texts written for the tagger, not for redaction), each repeated with a different
person's details mixed in every fourth time, to 10,000. Prints JSON: total seconds, texts per
second and the slowest text's milliseconds.

    .venv/bin/python bench/redaction.py [--texts 10000]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feedback.redaction import redact  # noqa: E402

EXTRAS = [
    " My son James rang 07700 900123.",
    " We live at 12 Oak Road, LE1 6AB.",
    " Dr Patel said it was fine, born 3/3/1990.",
    " follow @helper22 for news",
]


def texts(n: int) -> list[str]:
    with open(ROOT / "tests/tasks/data/llr_labelled_test.csv", encoding="utf-8") as fh:
        base = [row["text"] for row in csv.DictReader(fh)]
    return [
        base[i % len(base)] + (EXTRAS[(i // 4) % len(EXTRAS)] if i % 4 == 0 else "")
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    args = parser.parse_args()
    corpus = texts(args.texts)
    redact("warm up the lexicon")
    slowest = 0.0
    started = time.perf_counter()
    for text in corpus:
        t = time.perf_counter()
        redact(text)
        slowest = max(slowest, time.perf_counter() - t)
    total = time.perf_counter() - started
    print(
        json.dumps(
            {
                "texts": len(corpus),
                "mean_chars": round(sum(map(len, corpus)) / len(corpus)),
                "seconds": round(total, 3),
                "texts_per_second": round(len(corpus) / total),
                "slowest_ms": round(slowest * 1000, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
