"""Ad hoc closeness helper for set R. Run: python3 src/close_r.py [folder with unseen_a..q.csv]

Prints each R draft text whose best token Jaccard against A-Q is >= 0.42 or overlap >= 0.70,
with the other set's id and the scores only. It never prints an A-Q text.
"""

import csv
import pathlib
import re
import sys

SRC = pathlib.Path(__file__).resolve().parent
PREV = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SRC.parent
J_MIN, OV_MIN = 0.42, 0.70


def tokens(text):
    return set(re.findall(r"[a-z0-9']+", text.lower()))


others = []
for x in "abcdefghijklmnopq":
    with open(PREV / f"unseen_{x}.csv", newline="", encoding="utf-8") as f:
        others += [(r["id"], tokens(r["text"])) for r in csv.DictReader(f)]

draft = (SRC / "r_draft.txt").read_text(encoding="utf-8").splitlines()
for n, line in enumerate(draft, 1):
    text = line.split("|", 4)[4]
    t = tokens(text)
    bj, bo = (0.0, ""), (0.0, "")
    for oid, to in others:
        inter = len(t & to)
        j = inter / len(t | to)
        if j > bj[0]:
            bj = (j, oid)
        if min(len(t), len(to)) >= 6:
            ov = inter / min(len(t), len(to))
            if ov > bo[0]:
                bo = (ov, oid)
    if bj[0] >= J_MIN or bo[0] >= OV_MIN:
        print(f"line {n}: J {bj[0]:.2f} {bj[1]} | ov {bo[0]:.2f} {bo[1]} | {text}")
