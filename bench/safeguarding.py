"""Safeguarding screen: bulk speed, and accuracy on a labelled evaluation set.

Speed: the bulk CSV screen (``safeguarding.screen.bulk``, what ``manage.py
safeguarding_screen`` runs) over N texts built from the dev set's texts, on one core (the
BLAS thread pools are limited to one thread). Prints texts per second. Target: >= 200.

Accuracy (``--eval FILE``, a CSV with ``text,severity,category,voice`` columns, such as the
lead's ``tests/safeguarding/unseen/unseen_a.csv`` or our ``tests/safeguarding/dev/dev_set.csv``):
urgent flagged, urgent graded urgent, concerns flagged, false alarms on ordinary and
look-alike texts, and the same per voice and per category, plus how often the primary category
is among the screen's categories. Only aggregate figures are printed, never a text.

    .venv/bin/python bench/safeguarding.py [--texts 5000] [--eval FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the target says

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safeguarding.screen import screen_csv, screen_texts  # noqa: E402
from safeguarding.screen.model import default_model  # noqa: E402

DEV = ROOT / "tests/safeguarding/dev/dev_set.csv"
# The evaluation sets' category names -> the screen's (safeguarding/data/rules.toml).
EVAL_CATEGORY = {
    "physical": {"physical-abuse"},
    "sexual": {"sexual-abuse"},
    "psychological": {"emotional-abuse"},
    "financial": {"financial-abuse"},
    "neglect": {"neglect"},
    "domestic": {"domestic-abuse"},
    "discriminatory": {"discriminatory-abuse"},
    "organisational": {"organisational-abuse", "restrictive-practice"},
    "modern_slavery": {"exploitation"},
    "self_neglect": {"self-neglect"},
    "self_harm": {"self-harm"},
    "suicidal": {"suicide"},
    "missing_unsafe": {"missing-unsafe"},
}
TARGETS = {
    "urgent_flagged": 0.95,
    "urgent_graded_urgent": 0.80,
    "concern_flagged": 0.85,
    "false_alarms": 0.10,
}


def speed(n: int) -> dict:
    with open(DEV, encoding="utf-8", newline="") as fh:
        base = [row["text"] for row in csv.DictReader(fh)]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "text"])
    writer.writerows(
        [i, base[i % len(base)] + ("" if i < len(base) else f" ({i})")] for i in range(n)
    )
    data = buf.getvalue().encode("utf-8")
    started = time.perf_counter()
    default_model()
    trained = time.perf_counter() - started
    started = time.perf_counter()
    counts = screen_csv(io.BytesIO(data), io.StringIO(), screen_texts)
    seconds = time.perf_counter() - started
    return {
        "texts": counts["rows"],
        "model_training_seconds": round(trained, 2),
        "screen_seconds": round(seconds, 2),
        "texts_per_second": round(counts["rows"] / seconds),
        "target_texts_per_second": 200,
    }


def _category_found(row: dict) -> bool:
    """The set's primary category is among the screen's categories."""
    wanted = EVAL_CATEGORY.get(row["category"], {row["category"]})
    return bool(wanted & set(row["cats"]))


def _rates(rows: list[dict]) -> dict:
    def share(sel, cond) -> float | None:
        picked = [r for r in rows if sel(r)]
        return round(sum(cond(r) for r in picked) / len(picked), 3) if picked else None

    harm = [r for r in rows if r["severity"] != "none"]
    return {
        "n": len(rows),
        "urgent_flagged": share(lambda r: r["severity"] == "urgent", lambda r: r["flagged"]),
        "urgent_graded_urgent": share(
            lambda r: r["severity"] == "urgent", lambda r: r["got"] == "urgent"
        ),
        "concern_flagged": share(lambda r: r["severity"] == "concern", lambda r: r["flagged"]),
        "concern_graded_urgent": share(
            lambda r: r["severity"] == "concern", lambda r: r["got"] == "urgent"
        ),
        "false_alarms": share(lambda r: r["severity"] == "none", lambda r: r["flagged"]),
        "false_alarms_lookalike": share(
            lambda r: r["category"] == "lookalike", lambda r: r["flagged"]
        ),
        "false_alarms_by_a_rule": share(
            lambda r: r["severity"] == "none", lambda r: r["method"] in ("rules", "both")
        ),
        "false_alarms_model_only": share(
            lambda r: r["severity"] == "none", lambda r: r["method"] == "model"
        ),
        "category_found": round(sum(_category_found(r) for r in harm) / len(harm), 3)
        if harm
        else None,
        "rules_alone_urgent_flagged": share(
            lambda r: r["severity"] == "urgent", lambda r: r["method"] in ("rules", "both")
        ),
    }


def evaluate(path: Path) -> dict:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    started = time.perf_counter()
    results = screen_texts([r["text"] for r in rows])
    seconds = time.perf_counter() - started
    for r, s in zip(rows, results, strict=True):
        r.update(flagged=s.flagged, got=s.severity, cats=s.categories, method=s.method)
    by_voice, by_category = defaultdict(list), defaultdict(list)
    for r in rows:
        by_voice[r["voice"]].append(r)
        if r["severity"] != "none":
            by_category[r["category"]].append(r)
    overall = _rates(rows)
    return {
        "file": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "model_version": default_model().version,
        "overall": overall,
        "meets_targets": {
            k: (overall[k] <= v if k == "false_alarms" else overall[k] >= v)
            for k, v in TARGETS.items()
            if overall[k] is not None
        },
        "per_voice": {v: _rates(rs) for v, rs in sorted(by_voice.items())},
        "per_category": {
            c: {
                k: v
                for k, v in _rates(rs).items()
                if k
                in (
                    "n",
                    "urgent_flagged",
                    "urgent_graded_urgent",
                    "concern_flagged",
                    "category_found",
                )
            }
            for c, rs in sorted(by_category.items())
        },
        "texts_per_second": round(len(rows) / seconds),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5000)
    parser.add_argument("--eval", type=Path, help="labelled CSV: text,severity,category,voice")
    args = parser.parse_args()
    out = {"bulk_speed": speed(args.texts)}
    if args.eval:
        out["evaluation"] = evaluate(args.eval.resolve())
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
