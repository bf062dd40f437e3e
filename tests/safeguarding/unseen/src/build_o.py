"""Build unseen_o.csv from src/set_o.txt. With --from-draft, first re-number src/o_draft.txt
(grouped by voice) into src/set_o.txt in a shuffled order with a fixed seed."""

import csv
import pathlib
import random
import sys

SRC = pathlib.Path(__file__).resolve().parent
OUT = SRC.parent / "unseen_o.csv"
SEED = 20261205

if "--from-draft" in sys.argv:
    rows = [
        line.split("|", 4)
        for line in (SRC / "o_draft.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    random.Random(SEED).shuffle(rows)
    with open(SRC / "set_o.txt", "w", encoding="utf-8") as f:
        f.write("# id|voice|severity|category|embedded|text  (e = embedded disclosure, - = not)\n")
        for i, (v, s, c, e, t) in enumerate(rows, 1):
            f.write(f"O{i:03d}|{v}|{s}|{c}|{e}|{t}\n")

with open(OUT, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "severity", "category", "voice"])
    for line in (SRC / "set_o.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("O"):
            i, v, s, c, e, t = line.split("|", 5)
            w.writerow([i, t, s, c, v])
print("wrote", OUT)
