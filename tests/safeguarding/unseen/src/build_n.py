"""Build unseen_n.csv from src/set_n.txt.

python3 src/build_n.py               # set_n.txt -> unseen_n.csv
python3 src/build_n.py --from-draft  # first re-number src/n_draft.txt into set_n.txt
                                     # (fixed seed), then build
Source lines: id|voice|severity|category|embedded|text  (embedded: e or -)
"""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
ROOT = SRC.parent
SEED = 20261205

if "--from-draft" in sys.argv:
    rows = []
    for line in (SRC / "n_draft.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 4)
        assert len(parts) == 5, line
        rows.append(parts)
    random.Random(SEED).shuffle(rows)
    out = ["# id|voice|severity|category|embedded|text  (e = embedded disclosure, - = not)"]
    for i, (v, s, c, e, t) in enumerate(rows, 1):
        out.append(f"N{i:03d}|{v}|{s}|{c}|{e}|{t.strip()}")
    (SRC / "set_n.txt").write_text("\n".join(out) + "\n", encoding="utf-8")

recs = []
for line in (SRC / "set_n.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("N"):
        i, v, s, c, e, t = line.split("|", 5)
        recs.append({"id": i, "text": t, "severity": s, "category": c, "voice": v})
with open(ROOT / "unseen_n.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
    w.writeheader()
    w.writerows(recs)
print(f"wrote {len(recs)} rows to unseen_n.csv")
