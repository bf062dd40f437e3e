"""Build unseen_m.csv from src/set_m.txt.

Run: python3 src/build_m.py [--from-draft]

--from-draft first re-numbers src/m_draft.txt (texts grouped by voice,
`voice|severity|category|embedded|text`) into src/set_m.txt
(`id|voice|severity|category|embedded|text`) in an order shuffled with a fixed seed.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_m.csv"
SEED = 20261205


def from_draft():
    lines = [
        ln for ln in (SRC / "m_draft.txt").read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    random.Random(SEED).shuffle(lines)
    out = [f"M{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "set_m.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for ln in (SRC / "set_m.txt").read_text(encoding="utf-8").splitlines():
        if not ln.startswith("M"):
            continue
        mid, voice, sev, cat, _emb, text = ln.split("|", 5)
        rows.append([mid, text.strip(), sev, cat, voice])
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "severity", "category", "voice"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
