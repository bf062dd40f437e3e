"""Build the dev sets' CSVs (columns id,text,severity,category,voice) from their sources.

``dev_set.txt`` -> ``dev_set.csv`` (ids D001...), ``dev2_set.txt`` -> ``dev2_set.csv`` (E001...),
``dev3_set.txt`` -> ``dev3_set.csv`` (F001...),
``dev4_set.txt`` -> ``dev4_set.csv`` (G001...),
``dev5_set.txt`` -> ``dev5_set.csv`` (H001...),
``dev6_set.txt`` -> ``dev6_set.csv`` (K001...),
``dev7_set.txt`` -> ``dev7_set.csv`` (M001...),
``dev8_set.txt`` -> ``dev8_set.csv`` (P001...),
``dev9_set.txt`` -> ``dev9_set.csv`` (R001...),
``dev10_set.txt`` -> ``dev10_set.csv`` (Z001...),
``dev11_set.txt`` -> ``dev11_set.csv`` (W001...),
``dev12_set.txt`` -> ``dev12_set.csv`` (Q001...).

Run: python tests/safeguarding/dev/build.py
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {
    "dev_set": "D",
    "dev2_set": "E",
    "dev3_set": "F",
    "dev4_set": "G",
    "dev5_set": "H",
    "dev6_set": "K",
    "dev7_set": "M",
    "dev8_set": "P",
    "dev9_set": "R",
    "dev10_set": "Z",
    "dev11_set": "W",
    "dev12_set": "Q",
}


def build(name: str, prefix: str) -> None:
    rows = []
    for line in (HERE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        severity, category, voice, text = line.split("|", 3)
        rows.append((f"{prefix}{len(rows) + 1:03d}", text, severity, category, voice))
    with open(HERE / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "severity", "category", "voice"])
        writer.writerows(rows)


def main() -> None:
    for name, prefix in SETS.items():
        build(name, prefix)


if __name__ == "__main__":
    main()
