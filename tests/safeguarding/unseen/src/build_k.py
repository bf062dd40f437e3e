"""Build unseen_k.csv from src/k_source.txt. Run: python3 src/build_k.py [--from-draft]

With --from-draft, src/k_draft.txt (voice|severity|category|embedded|text, grouped by voice)
is first shuffled with a fixed seed and numbered K001-K320 into src/k_source.txt, so ids say
nothing about voice or label.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_k.csv"
SEED = 20261204


def from_draft():
    lines = [
        ln
        for ln in (SRC / "k_draft.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    random.Random(SEED).shuffle(lines)
    out = [f"K{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "k_source.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for ln in (SRC / "k_source.txt").read_text(encoding="utf-8").splitlines():
        if not ln.startswith("K"):
            continue
        id_, voice, sev, cat, _emb, text = ln.split("|", 5)
        rows.append([id_, text.strip(), sev, cat, voice])
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "severity", "category", "voice"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv[1:]:
        from_draft()
    build()
