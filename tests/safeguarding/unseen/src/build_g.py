"""Build unseen_g.csv from src/g_source.txt. Run: python3 src/build_g.py [--from-draft]

--from-draft first re-numbers src/g_draft.txt (voice|severity|category|embedded|text, grouped by
voice) into src/g_source.txt (id|voice|severity|category|embedded|text), shuffled with a fixed seed
so that ids say nothing about voice or label.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_g.csv"
SEED = 20261204


def from_draft():
    lines = [
        line
        for line in (SRC / "g_draft.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    random.Random(SEED).shuffle(lines)
    out = [f"G{i:03d}|{line}" for i, line in enumerate(lines, 1)]
    (SRC / "g_source.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (SRC / "g_source.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("G"):
            continue
        gid, voice, sev, cat, _emb, text = line.split("|", 5)
        rows.append({"id": gid, "text": text, "severity": sev, "category": cat, "voice": voice})
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text", "severity", "category", "voice"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
