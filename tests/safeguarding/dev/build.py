"""Build dev_set.csv (columns id,text,severity,category,voice) from dev_set.txt.

Run: python tests/safeguarding/dev/build.py
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    rows = []
    for line in (HERE / "dev_set.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        severity, category, voice, text = line.split("|", 3)
        rows.append((f"D{len(rows) + 1:03d}", text, severity, category, voice))
    with open(HERE / "dev_set.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "severity", "category", "voice"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
