"""Build unseen_p.csv from src/set_p.txt. Run: python3 src/build_p.py [--from-draft]

With --from-draft, first re-number src/p_draft.txt (texts grouped by voice) into
src/set_p.txt in a shuffled order (fixed seed), so ids say nothing about voice or label.
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_p.csv"
SEED = 20261205


def from_draft() -> None:
    """Shuffle the voice-grouped draft into id order and write set_p.txt."""
    lines = [
        ln for ln in (SRC / "p_draft.txt").read_text(encoding="utf-8").splitlines() if ln.strip()
    ]
    random.Random(SEED).shuffle(lines)
    out = [f"P{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "set_p.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build() -> None:
    """Write the CSV (id,text,severity,category,voice) from set_p.txt."""
    rows = []
    for ln in (SRC / "set_p.txt").read_text(encoding="utf-8").splitlines():
        if not ln.startswith("P"):
            continue
        pid, voice, severity, category, _embedded, text = ln.split("|", 5)
        rows.append([pid, text, severity, category, voice])
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "severity", "category", "voice"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
