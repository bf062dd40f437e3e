"""Build unseen_i.csv from src/i_source.txt.

Run: python3 src/build_i.py [--from-draft]

With --from-draft, first re-number src/i_draft.txt (grouped by voice) into
src/i_source.txt in a shuffled order (fixed seed), so ids say nothing about voice or label.
Source lines: id|voice|severity|category|embedded|text
"""

import csv
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = 20261204
PREFIX = "W"


def from_draft():
    lines = [
        line for line in (HERE / "i_draft.txt").read_text(encoding="utf-8").splitlines() if line
    ]
    random.Random(SEED).shuffle(lines)
    out = [f"{PREFIX}{i:03d}|{line}" for i, line in enumerate(lines, 1)]
    (HERE / "i_source.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (HERE / "i_source.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rid, voice, severity, category, _embedded, text = line.split("|", 5)
        rows.append([rid, text, severity, category, voice])
    with open(ROOT / "unseen_i.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "severity", "category", "voice"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to unseen_i.csv")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
