"""Build unseen_f.csv from src/f_source.txt.

Run: python3 src/build_f.py            (rebuild unseen_f.csv from the source list)
     python3 src/build_f.py --from-draft  (re-assign F ids from src/f_draft.txt, then rebuild)

f_draft.txt holds the texts as drafted, grouped by voice: voice|severity|category|embedded|text.
--from-draft shuffles them with a fixed seed and numbers them F001-F320, so ids say nothing
about voice or label, and writes f_source.txt: id|voice|severity|category|embedded|text.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_f.csv"
SEED = 20261204


def from_draft():
    lines = [
        line
        for line in (SRC / "f_draft.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    random.Random(SEED).shuffle(lines)
    out = [f"F{i:03d}|{line}" for i, line in enumerate(lines, 1)]
    (SRC / "f_source.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (SRC / "f_source.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        fid, voice, sev, cat, emb, text = line.split("|", 5)
        assert emb in ("", "e"), fid
        rows.append(
            {"id": fid, "text": text.strip(), "severity": sev, "category": cat, "voice": voice}
        )
    for i, r in enumerate(rows, 1):
        assert r["id"] == f"F{i:03d}", r["id"]
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
