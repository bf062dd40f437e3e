"""Turn the hand-written source lists (src/set_a.txt, src/set_b.txt) into CSVs.
Source format, one item per line: severity|category|voice|embedded(e/-)|text
Lines starting with '#' are comments. The embedded flag is kept out of the CSV
and only used for the README statistics."""

import csv
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent


def load(name):
    rows = []
    for ln, line in enumerate(
        (HERE / f"set_{name}.txt").read_text(encoding="utf-8").splitlines(), 1
    ):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 5:
            sys.exit(f"set_{name}.txt:{ln}: expected 5 fields, got {len(parts)}")
        sev, cat, voice, emb, text = (p.strip() for p in parts)
        rows.append(
            {
                "severity": sev,
                "category": cat,
                "voice": voice,
                "embedded": emb == "e",
                "text": text,
            }
        )
    return rows


def write(name, rows):
    prefix = name.upper()
    with open(OUT / f"unseen_{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        w.writerow(["id", "text", "severity", "category", "voice"])
        for i, r in enumerate(rows, 1):
            w.writerow([f"{prefix}{i:03d}", r["text"], r["severity"], r["category"], r["voice"]])


if __name__ == "__main__":
    for name in sys.argv[1:] or ["a", "b"]:
        rows = load(name)
        write(name, rows)
        harmful = [r for r in rows if r["severity"] != "none"]
        emb = sum(r["embedded"] for r in harmful)
        share = emb / len(harmful)
        print(f"set {name}: {len(rows)} rows, embedded harmful {emb}/{len(harmful)} = {share:.1%}")
