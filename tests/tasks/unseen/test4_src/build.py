#!/usr/bin/env python3
"""Write ../llr_test4.csv from rows.txt (fourth unseen LLR test set).

rows.txt holds one hand-written row per line: codes|voice|channel|near_miss|text
(near-misses are marked ``nm``; lines starting with # are section comments).
Rows are shuffled with a fixed seed and written with csv.QUOTE_ALL, columns
text,codes,voice,channel.

Run:  python3 build.py
"""

import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "rows.txt")
OUT = os.path.join(HERE, "..", "llr_test4.csv")
SEED = 20261206


def read_rows():
    rows = []
    with open(SRC, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|", 4)
            if len(parts) != 5:
                raise SystemExit(f"rows.txt:{n}: expected 5 fields, got {len(parts)}")
            codes, voice, channel, near_miss, text = (p.strip() for p in parts)
            if near_miss not in ("nm", "-"):
                raise SystemExit(f"rows.txt:{n}: near_miss must be 'nm' or '-'")
            rows.append({"text": text, "codes": codes, "voice": voice, "channel": channel})
    return rows


def main():
    rows = read_rows()
    random.Random(SEED).shuffle(rows)
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(
            f, fieldnames=["text", "codes", "voice", "channel"], quoting=csv.QUOTE_ALL
        )
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
