"""How much review teaches the tagger: macro-F1 on an unseen set after N reviewed texts.

    .venv/bin/python bench/learning_curve.py [--taxonomy CSV] [--repeats 3] [--per-label]
        [--per-voice] [--dev [--splits 5]] [--test CSV [--halves [--splits 5]]]

Reviewed texts come from ``tests/tasks/unseen/llr_pool.csv`` (the review pool), drawn in a
shuffled order; each point is the mean over ``--repeats`` shuffles (200 uses the whole pool).
Scored on ``tests/tasks/unseen/llr_test.csv`` (or another unseen set named with ``--test``,
such as ``llr_test2.csv``), which nothing is ever tuned on. ``--dev`` scores
on the pool instead (each half trains, the other half scores, both ways round): use it when
trying changes, so the unseen set stays unseen. ``--halves`` does the same with the unseen
set itself, as the issue measured its private set (one half reviewed, the other scored):
measure with it, never tune with it. Labels come from the seed JSON, or from
``--taxonomy``. ``--per-voice`` adds macro-F1 for each voice of the scored set's ``voice``
column (self, autistic, carer, young person, staff). Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.tagging import (  # noqa: E402
    evaluate,
    labels_from_seed,
    read_labelled_csv,
    read_taxonomy_csv,
    train_tagger,
)

UNSEEN = ROOT / "tests/tasks/unseen"
POINTS = (0, 25, 50, 100, 200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--taxonomy", help="taxonomy CSV (default: cms/seed/taxonomy.json)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--dev", action="store_true", help="score on half the pool, not test")
    parser.add_argument(
        "--halves", action="store_true", help="review half of --test, score the other half"
    )
    parser.add_argument(
        "--splits", type=int, default=1, help="--dev: random halvings of the pool (seeds 99, 100…)"
    )
    parser.add_argument("--per-label", action="store_true")
    parser.add_argument("--per-voice", action="store_true", help="macro-F1 by the voice column")
    parser.add_argument(
        "--test", default=str(UNSEEN / "llr_test.csv"), help="unseen set to score on"
    )
    args = parser.parse_args()
    if args.taxonomy:
        labels = read_taxonomy_csv(args.taxonomy)
    else:
        labels = labels_from_seed(json.loads((ROOT / "cms/seed/taxonomy.json").read_text()))
    codes = [lb.code for lb in labels]
    pool = read_labelled_csv(UNSEEN / "llr_pool.csv")
    voice_of = {**_voices(UNSEEN / "llr_pool.csv"), **_voices(Path(args.test))}
    # (review pool, scored set) pairs. --dev: each half of the pool trains and the other half
    # scores, both ways round, so a change is judged on 200 texts without touching the test.
    splits = [(pool, read_labelled_csv(args.test))]
    points = POINTS
    if args.dev or args.halves:
        halved = pool if args.dev else splits[0][1]
        splits = []
        for seed in range(99, 99 + args.splits):
            order = list(range(len(halved)))
            random.Random(seed).shuffle(order)
            half = len(halved) // 2
            a, b = [halved[i] for i in order[:half]], [halved[i] for i in order[half:]]
            splits += [(a, b), (b, a)]
        points = (0, 25, 50, 100)
    curve = []
    for n in points:
        runs = []
        started = time.perf_counter()
        for reviewable, scored in splits:
            for rep in range(1 if n in (0, len(reviewable)) else args.repeats):
                order = list(range(len(reviewable)))
                random.Random(rep).shuffle(order)
                tagger = train_tagger(labels, [reviewable[i] for i in order[:n]])
                run = evaluate(tagger, scored, codes)
                if args.per_voice:
                    run["voices"] = {
                        v: evaluate(
                            tagger, [e for e in scored if voice_of.get(e.text) == v], codes
                        )
                        for v in sorted({voice_of.get(e.text, "") for e in scored} - {""})
                    }
                runs.append(run)
        point = {
            "reviewed": n,
            "macro_f1": round(sum(r["macro_f1"] for r in runs) / len(runs), 4),
            "macro_sd": round(statistics.pstdev(r["macro_f1"] for r in runs), 4),
            "micro_f1": round(sum(r["micro_f1"] for r in runs) / len(runs), 4),
            "runs": len(runs),
            "seconds_per_run": round((time.perf_counter() - started) / len(runs), 1),
        }
        if args.per_label:
            point["per_label"] = {
                c: round(sum(r["per_label"][c]["f1"] for r in runs) / len(runs), 3) for c in codes
            }
        if args.per_voice:
            point["per_voice"] = {
                v: round(sum(r["voices"][v]["macro_f1"] for r in runs) / len(runs), 3)
                for v in runs[0]["voices"]
            }
        curve.append(point)
        print(json.dumps(point), file=sys.stderr)
    base = curve[0]["macro_f1"]
    gain_100 = next(p["macro_f1"] for p in curve if p["reviewed"] == 100) - base
    print(
        json.dumps(
            {
                "taxonomy": args.taxonomy or "cms/seed/taxonomy.json",
                "scored_on": f"llr_pool.csv halves x{args.splits} (dev)"
                if args.dev
                else f"{Path(args.test).name}{f' halves x{args.splits}' if args.halves else ''}",
                "curve": curve,
                "gain_at_100": round(gain_100, 4),
            }
        )
    )


def _voices(path: Path) -> dict[str, str]:
    """Each text's voice, from the CSV's ``voice`` column (empty when it has none)."""
    with open(path, newline="", encoding="utf-8") as f:
        return {row["text"]: row.get("voice") or "" for row in csv.DictReader(f)}


if __name__ == "__main__":
    main()
