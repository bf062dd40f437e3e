"""Build unseen_e.csv from src/e_source.txt. Run: python3 src/build_e.py"""

import csv
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
rows = []
for line in (HERE / "e_source.txt").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    id_, voice, sev, cat, emb, text = line.split("|", 5)
    rows.append((id_, text.strip(), sev, cat, voice))
with open(HERE.parent / "unseen_e.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "severity", "category", "voice"])
    w.writerows(rows)
print(f"wrote {len(rows)} rows to {HERE.parent / 'unseen_e.csv'}")
