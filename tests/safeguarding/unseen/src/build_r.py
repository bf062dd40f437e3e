"""Build unseen_r.csv from src/set_r.txt. Run: python3 src/build_r.py [--from-draft]

--from-draft first re-numbers src/r_draft.txt (grouped by voice) into src/set_r.txt in a
shuffled order with a fixed seed, so ids say nothing about voice or label.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_r.csv"
SEED = 20261205


def from_draft():
    lines = [x for x in (SRC / "r_draft.txt").read_text(encoding="utf-8").splitlines() if x]
    random.Random(SEED).shuffle(lines)
    out = [f"R{i:03d}|{line}" for i, line in enumerate(lines, 1)]
    (SRC / "set_r.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (SRC / "set_r.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("R"):
            continue
        rid, voice, sev, cat, _emb, text = line.split("|", 5)
        rows.append({"id": rid, "text": text, "severity": sev, "category": cat, "voice": voice})
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
