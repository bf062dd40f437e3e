"""Safeguarding screen: choose the model's harm threshold by cross-validation.

Five-fold out-of-fold predictions on the training examples (``safeguarding/data/examples``),
combined with the phrase rules as the screen combines them (flag when a rule fires or the
model's harm score reaches the threshold). For each threshold prints urgent flagged, urgent
graded urgent, concerns flagged and false alarms, and picks the largest threshold that keeps
urgent flagged >= 0.96 and concerns flagged >= 0.86 (the targets, 0.95 and 0.85, plus a
margin). The rules were written alongside these examples, so the rules' share is in-sample:
treat the figures as a way to compare thresholds, not as accuracy. ``model_alone`` is each
severity's share flagged by the out-of-fold model alone (no rules), which rules written from
the examples cannot inflate: when a round adds rules, the "chosen" threshold rises with them
and should be read beside it. Never run on the unseen sets.

    .venv/bin/python bench/safeguarding_calibrate.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from safeguarding.screen.model import Config, out_of_fold, training_examples  # noqa: E402
from safeguarding.screen.rules import URGENT, screen  # noqa: E402

URGENT_FLAGGED, CONCERN_FLAGGED = 0.96, 0.86


def main() -> None:
    config = Config()
    examples = training_examples()
    predictions = out_of_fold(config=config)
    rules = [screen(e.text) for e in examples]
    rows = []
    for step in range(40, 61):
        t = step / 100
        n = {"urgent": [0, 0, 0], "concern": [0, 0, 0], "none": [0, 0, 0]}
        alone = {"urgent": 0, "concern": 0, "none": 0}  # the model alone: out of fold, honest
        for e, p, found in zip(examples, predictions, rules, strict=True):
            alone[e.severity] += p.harm >= t
            flagged = bool(found) or p.harm >= t
            urgent = flagged and (
                any(c.severity == URGENT for c in found) or p.urgent >= config.urgent_threshold
            )
            n[e.severity][0] += 1
            n[e.severity][1] += flagged
            n[e.severity][2] += urgent
        rows.append(
            {
                "harm_threshold": t,
                "urgent_flagged": round(n["urgent"][1] / n["urgent"][0], 3),
                "urgent_graded_urgent": round(n["urgent"][2] / n["urgent"][0], 3),
                "concern_flagged": round(n["concern"][1] / n["concern"][0], 3),
                "concern_graded_urgent": round(n["concern"][2] / n["concern"][0], 3),
                "false_alarms": round(n["none"][1] / n["none"][0], 3),
                "model_alone": {k: round(alone[k] / n[k][0], 3) for k in alone},
            }
        )
    ok = [
        r for r in rows
        if r["urgent_flagged"] >= URGENT_FLAGGED and r["concern_flagged"] >= CONCERN_FLAGGED
    ]  # fmt: skip
    print(json.dumps({"in_use": config.harm_threshold, "rows": rows,
                      "chosen": ok[-1]["harm_threshold"] if ok else None}, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
