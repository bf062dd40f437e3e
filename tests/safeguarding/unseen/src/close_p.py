"""Ad hoc closeness helper for set P (prints P texts, other sets' ids and scores only).

Run: python3 src/close_p.py [folder with unseen_a..o.csv] [threshold]
Never prints a text from sets A-O.
"""

import csv
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent
PREV = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
THRESH = float(sys.argv[2]) if len(sys.argv) > 2 else 0.35


def tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


with open(HERE / "unseen_p.csv", newline="", encoding="utf-8") as f:
    prows = list(csv.DictReader(f))
best: dict[str, tuple[float, float, str]] = {}
for x in "abcdefghijklmno":
    with open(PREV / f"unseen_{x}.csv", newline="", encoding="utf-8") as f:
        for o in csv.DictReader(f):
            to = tokens(o["text"])
            for r in prows:
                tp = tokens(r["text"])
                inter = len(tp & to)
                j = inter / len(tp | to)
                ov = inter / min(len(tp), len(to)) if min(len(tp), len(to)) >= 6 else 0.0
                cur = best.get(r["id"], (0.0, 0.0, ""))
                if max(j, ov - 0.3) > max(cur[0], cur[1] - 0.3):
                    best[r["id"]] = (j, ov, o["id"])
text = {r["id"]: r["text"] for r in prows}
for pid, (j, ov, oid) in sorted(best.items(), key=lambda kv: -max(kv[1][0], kv[1][1] - 0.3)):
    if j >= THRESH or ov > 0.7:
        print(f"{pid} J={j:.2f} ov={ov:.2f} vs {oid}: {text[pid]}")
