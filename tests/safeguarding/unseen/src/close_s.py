"""Closeness helper for drafting set S (ad hoc, used while rewriting).

Run: python3 src/close_s.py [folder with unseen_a..r.csv] [--all]

Prints my own S draft lines whose best token Jaccard against an A-R text is >= 0.42, or whose
overlap coefficient (>= 6 distinct tokens on both sides) is >= 0.70, with the other set's id and
the scores only. It never prints an A-R text. Also flags within-draft pairs over the limits.
"""

import csv
import itertools
import pathlib
import re
import sys

SRC = pathlib.Path(__file__).resolve().parent
args = [a for a in sys.argv[1:] if not a.startswith("--")]
PREV = pathlib.Path(args[0]).resolve() if args else SRC.parent / "prev"


def tokens(text):
    return set(re.findall(r"[a-z0-9']+", text.lower()))


draft = [ln for ln in (SRC / "s_draft.txt").read_text(encoding="utf-8").splitlines() if ln]
mine = [(n, ln.split("|", 4)[4], tokens(ln.split("|", 4)[4])) for n, ln in enumerate(draft, 1)]
other = []
for x in "abcdefghijklmnopqr":
    with open(PREV / f"unseen_{x}.csv", newline="", encoding="utf-8") as f:
        other += [(r["id"], tokens(r["text"])) for r in csv.DictReader(f)]

flagged = 0
for n, text, ts in mine:
    bj, bji, bo, boi = 0.0, None, 0.0, None
    for oid, to in other:
        inter = len(ts & to)
        j = inter / len(ts | to)
        if j > bj:
            bj, bji = j, oid
        if min(len(ts), len(to)) >= 6:
            o = inter / min(len(ts), len(to))
            if o > bo:
                bo, boi = o, oid
    if bj >= 0.42 or bo >= 0.70 or "--all" in sys.argv:
        flagged += 1
        print(f"line {n}: J {bj:.2f} ({bji}) O {bo:.2f} ({boi}) :: {text}")
for (na, _, ta), (nb, _, tb) in itertools.combinations(mine, 2):
    inter = len(ta & tb)
    j = inter / len(ta | tb)
    o = inter / min(len(ta), len(tb)) if min(len(ta), len(tb)) >= 6 else 0
    if j >= 0.6 or o > 0.7:
        print(f"within draft: line {na} / line {nb}: J {j:.2f} O {o:.2f}")
print(f"{flagged} lines flagged")
