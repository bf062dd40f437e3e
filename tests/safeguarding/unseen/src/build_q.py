"""Build unseen_q.csv from the source list set_q.txt.

Run: python3 src/build_q.py [--from-draft]

With --from-draft, the texts in q_draft.txt (grouped by voice, as written) are first shuffled
with a fixed seed and numbered Q001-Q320 into set_q.txt, so ids say nothing about voice or label.
Source list format: id|voice|severity|category|embedded|text ("e" = embedded disclosure).
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_q.csv"
SEED = 20261205


def renumber_draft() -> None:
    """Shuffle the draft into id order with a fixed seed and write set_q.txt."""
    lines = [ln for ln in (SRC / "q_draft.txt").read_text(encoding="utf-8").splitlines() if ln]
    random.Random(SEED).shuffle(lines)
    out = [f"Q{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "set_q.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build() -> None:
    """Write unseen_q.csv (id,text,severity,category,voice) from set_q.txt."""
    rows = []
    for ln in (SRC / "set_q.txt").read_text(encoding="utf-8").splitlines():
        if not ln.startswith("Q"):
            continue
        qid, voice, severity, category, _embedded, text = ln.split("|", 5)
        rows.append([qid, text, severity, category, voice])
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "severity", "category", "voice"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        renumber_draft()
    build()
