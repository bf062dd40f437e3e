"""Turn the spent unseen sets A-O into training examples for the safeguarding model.

    python3 tests/safeguarding/unseen/src/spent_to_training.py

Writes ``safeguarding/data/examples/spent_unseen_sets_a_to_o.txt`` (the examples' format).
Sets A-O have each been used for their one measurement (see ../README.md) and are spent; 4,800
texts by 15 separate authors are more varied wording than the project's own examples. Judged
leave-one-set-out before it was shipped (README.md, "Spent sets as training data"). Later sets
(P onwards) stay out of training until they too are spent. A text already among the examples,
already taken from an earlier set, or in a dev set (which stays out of training) is skipped.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))

from bench.safeguarding import EVAL_CATEGORY  # noqa: E402  the sets' names -> the screen's
from safeguarding.screen.model import EXAMPLES_DIR, read_examples  # noqa: E402

SETS = "abcdefghijklmno"
OUT = EXAMPLES_DIR / "spent_unseen_sets_a_to_o.txt"
HEADER = """\
# severity|category|voice|text -- the spent unseen sets A-O (tests/safeguarding/unseen/,
# 15 separate authors, 320 texts each), added as training data after each had been used for
# its one measurement. Built by tests/safeguarding/unseen/src/spent_to_training.py; do not
# edit by hand. Categories mapped to the screen's names (organisational -> organisational-abuse,
# modern_slavery -> exploitation, ...). See README.md "Spent sets as training data".
"""


def category(name: str) -> str:
    return name if name in ("none", "lookalike") else sorted(EVAL_CATEGORY[name])[0]


def main() -> None:
    seen = {
        e.text.strip().lower()
        for p in sorted(EXAMPLES_DIR.glob("*.txt"))
        if p != OUT
        for e in read_examples(p)
    }
    for path in sorted((ROOT / "tests/safeguarding/dev").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            seen |= {" ".join(r["text"].split()).lower() for r in csv.DictReader(fh)}
    lines, skipped = [], 0
    for letter in SETS:
        path = ROOT / f"tests/safeguarding/unseen/unseen_{letter}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = " ".join(row["text"].split())
                if not text or text.lower() in seen:
                    skipped += 1
                    continue
                seen.add(text.lower())
                lines.append(
                    f"{row['severity']}|{category(row['category'])}|{row['voice']}|{text}"
                )
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{OUT.name}: {len(lines)} examples ({skipped} skipped: already an example or a dev text)"
    )


if __name__ == "__main__":
    main()
