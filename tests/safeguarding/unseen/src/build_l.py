"""Build unseen_l.csv from src/set_l.txt.

Run: python3 src/build_l.py               (build the CSV from set_l.txt)
     python3 src/build_l.py --from-draft  (first re-number src/l_draft.txt into set_l.txt,
                                           shuffled with a fixed seed, then build)
set_l.txt lines: id|voice|severity|category|embedded|text  (embedded: e = embedded, - = not)
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
ROOT = SRC.parent
SEED = 20261205


def from_draft():
    lines = [
        ln
        for ln in (SRC / "l_draft.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    random.Random(SEED).shuffle(lines)
    out = ["# Set L source: id|voice|severity|category|embedded|text (e = embedded, - = not)"]
    out += [f"L{i:03d}|{ln}" for i, ln in enumerate(lines, 1)]
    (SRC / "set_l.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


def build():
    rows = []
    for ln in (SRC / "set_l.txt").read_text(encoding="utf-8").splitlines():
        if not ln.startswith("L"):
            continue
        id_, voice, sev, cat, emb, text = ln.split("|", 5)
        assert emb in ("e", "-"), ln
        rows.append({"id": id_, "text": text, "severity": sev, "category": cat, "voice": voice})
    with open(ROOT / "unseen_l.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to unseen_l.csv")


if __name__ == "__main__":
    if "--from-draft" in sys.argv:
        from_draft()
    build()
