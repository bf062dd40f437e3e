#!/usr/bin/env python3
"""Build llr_test2.csv (beside this folder) from the hand-written rows in rows.txt.

rows.txt lines: ``codes|voice|channel|near_miss|text``. The near-miss mark is kept only here,
for the README counts; it is not written to the CSV. Output: UTF-8, header, every field
quoted (csv.QUOTE_ALL), shuffled with a fixed seed.
"""

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261205
OUT = HERE.parent / "llr_test2.csv"


def read_rows() -> list[tuple[str, str, str, str, bool]]:
    rows = []
    for line in (HERE / "rows.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            codes, voice, channel, near_miss, text = line.split("|", 4)
            rows.append((text.strip(), codes, voice, channel, near_miss == "nm"))
    return rows


def main() -> None:
    source = read_rows()
    rows = [r[:4] for r in source]
    assert len(rows) == 200, len(rows)
    random.Random(SEED).shuffle(rows)
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["text", "codes", "voice", "channel"])
        w.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} rows (seed {SEED}); near-misses: {sum(r[4] for r in source)}")


if __name__ == "__main__":
    main()
