"""Build unseen_s.csv from the source list src/set_s.txt.

Run: python3 src/build_s.py [--from-draft]

With --from-draft, the draft (src/s_draft.txt, grouped by voice) is first shuffled with a
fixed seed and numbered S001-S320 into src/set_s.txt, so ids say nothing about voice or label.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_s.csv"
SEED = 20261205


def from_draft():
    lines = [ln for ln in (SRC / "s_draft.txt").read_text(encoding="utf-8").splitlines() if ln]
    random.Random(SEED).shuffle(lines)
    out = [f"S{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "set_s.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for line in (SRC / "set_s.txt").read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        sid, voice, severity, category, _embedded, text = line.split("|", 5)
        rows.append(
            {"id": sid, "text": text, "severity": severity, "category": category, "voice": voice}
        )
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
