"""Build unseen_h.csv from src/h_source.txt.

Run: python3 src/build_h.py [--from-draft]

--from-draft first re-numbers src/h_draft.txt (grouped by voice) into src/h_source.txt,
shuffled with a fixed seed, so ids (U001-U320) say nothing about voice or label.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_h.csv"
SEED = 20261204
PREFIX = "U"


def from_draft():
    lines = [ln for ln in (SRC / "h_draft.txt").read_text(encoding="utf-8").splitlines() if ln]
    random.Random(SEED).shuffle(lines)
    out = []
    for i, line in enumerate(lines, 1):
        voice, sev, cat, emb, text = line.split("|", 4)
        out.append(f"{PREFIX}{i:03d}|{voice}|{sev}|{cat}|{emb}|{text}")
    (SRC / "h_source.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (SRC / "h_source.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith(PREFIX):
            continue
        rid, voice, sev, cat, _emb, text = line.split("|", 5)
        rows.append({"id": rid, "text": text, "severity": sev, "category": cat, "voice": voice})
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
