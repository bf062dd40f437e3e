"""Build unseen_j.csv from src/j_source.txt. Run: python3 src/build_j.py [--from-draft]

j_source.txt lines: id|voice|severity|category|embedded|text ("e" marks an embedded disclosure).
With --from-draft, src/j_draft.txt (voice|severity|category|embedded|text, grouped by voice) is
first shuffled with a fixed seed and renumbered J001-J320 into j_source.txt, so ids say nothing
about voice or label. The embedded marker is not written to the CSV.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_j.csv"
SEED = 20261204


def from_draft():
    lines = [ln for ln in (SRC / "j_draft.txt").read_text(encoding="utf-8").splitlines() if ln]
    random.Random(SEED).shuffle(lines)
    out = [f"J{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "j_source.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (SRC / "j_source.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rid, voice, severity, category, embedded, text = line.split("|", 5)
        if embedded not in ("", "e"):
            raise SystemExit(f"{rid}: bad embedded marker {embedded!r}")
        rows.append((rid, text.strip(), severity, category, voice))
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "severity", "category", "voice"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv[1:]:
        from_draft()
    build()
