"""Ad hoc closeness helper for drafting set Q.

Prints draft line numbers and MY OWN Q draft texts whose best token Jaccard against an A-P text is
>= 0.42, or whose overlap coefficient (>= 6 distinct tokens on both sides) is >= 0.70, with the
other set's id and the scores. It never prints an A-P text.
Run: python3 src/close_q.py [folder with unseen_a..p.csv]
"""

import csv
import pathlib
import re
import sys

SRC = pathlib.Path(__file__).resolve().parent
DEFAULT = SRC.parent / "prev" if (SRC.parent / "prev").is_dir() else SRC.parent
PREV = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT


def tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


others = []
for x in "abcdefghijklmnop":
    with open(PREV / f"unseen_{x}.csv", newline="", encoding="utf-8") as f:
        others += [(r["id"], tokens(r["text"])) for r in csv.DictReader(f)]

lines = (SRC / "q_draft.txt").read_text(encoding="utf-8").splitlines()
for n, ln in enumerate(lines, 1):
    text = ln.split("|", 4)[4]
    tq = tokens(text)
    bj, bjid, bo, boid = 0.0, None, 0.0, None
    for oid, to in others:
        inter = len(tq & to)
        j = inter / len(tq | to)
        if j > bj:
            bj, bjid = j, oid
        if min(len(tq), len(to)) >= 6:
            ov = inter / min(len(tq), len(to))
            if ov > bo:
                bo, boid = ov, oid
    if bj >= 0.42 or bo >= 0.70:
        print(f"line {n}: J {bj:.2f} ({bjid}) ov {bo:.2f} ({boid}) | {text}")
