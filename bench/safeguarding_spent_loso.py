"""Leave one spent set out: how the screen does on each spent unseen set (A-O) when the model
learnt from the other fourteen, against the model trained on the project's own examples only.

    .venv/bin/python bench/safeguarding_spent_loso.py

The sets A-O (``tests/safeguarding/unseen/``, 15 separate authors) became training data after
each had been used for its one measurement (README, "Spent sets as training data"). This is the
check that decided it, and the one that chose the concern floor (``concern_rule_model_floor``
in ``safeguarding/data/rules.toml``): for each set X, train on every example except X's texts
and screen X. The rules are applied with the floor switched off, and each floor is applied to
the screenings afterwards, so one run prints every row. Only aggregate counts are printed, never
a text. About 15 model trainings of ~10 s each.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safeguarding.screen import screening  # noqa: E402
from safeguarding.screen.model import EXAMPLES_DIR, read_examples, train_model, training_examples  # noqa: E402

SETS = "abcdefghijklmno"
FLOORS = (0.0, 0.05, 0.10, 0.15, 0.20)
SPENT_FILE = EXAMPLES_DIR / "spent_unseen_sets_a_to_o.txt"


def _verdict(s: screening.Screening, floor: float) -> tuple[bool, bool]:
    """(flagged, urgent) with a concern-level rule verdict counted only from ``floor``."""
    rule = s.rule_severity is not None
    if rule and s.rule_severity != screening.URGENT and s.model_score < floor:
        rule = False
    flagged = rule or s.by_model
    return flagged, flagged and ((rule and s.rule_severity == screening.URGENT) or s.model_urgent)


def _tally(counts: dict, rows: list[dict], results: list) -> None:
    for row, s in zip(rows, results, strict=True):
        for floor in FLOORS:
            c, sev = counts[floor], row["severity"]
            flagged, urgent = _verdict(s, floor)
            c[sev] += 1
            c[sev + "_flagged"] += flagged
            c["graded"] += sev == "urgent" and urgent


def _summary(c: Counter) -> dict:
    return {
        "urgent_flagged": f"{c['urgent_flagged']}/{c['urgent']}",
        "graded_urgent": c["graded"],
        "concerns_flagged": f"{c['concern_flagged']}/{c['concern']}",
        "harmful_missed": c["urgent"] - c["urgent_flagged"] + c["concern"] - c["concern_flagged"],
        "false_alarms": f"{c['none_flagged']}/{c['none']}",
    }


def main() -> None:
    screening.CONCERN_RULE_MODEL_FLOOR = 0.0  # applied afterwards, per floor
    spent = {(e.text, e.severity) for e in read_examples(SPENT_FILE)}
    everything = list(training_examples())
    own = [e for e in everything if (e.text, e.severity) not in spent]
    own_model = train_model(examples=own)
    totals = {"own examples only": {f: Counter() for f in FLOORS},
              "+ the other 14 sets": {f: Counter() for f in FLOORS}}  # fmt: skip
    for letter in SETS:
        with (ROOT / f"tests/safeguarding/unseen/unseen_{letter}.csv").open(
            encoding="utf-8"
        ) as fh:
            rows = list(csv.DictReader(fh))
        held = {" ".join(r["text"].split()) for r in rows}
        model = train_model(examples=[e for e in everything if e.text not in held])
        texts = [r["text"] for r in rows]
        _tally(totals["own examples only"], rows, screening.screen_texts(texts, own_model))
        _tally(totals["+ the other 14 sets"], rows, screening.screen_texts(texts, model))
        print(f"set {letter.upper()} done", file=sys.stderr, flush=True)
    print(json.dumps({name: {f"floor {f}": _summary(c) for f, c in by.items()}
                      for name, by in totals.items()}, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
