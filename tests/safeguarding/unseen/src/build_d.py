"""Build unseen_d.csv from src/d_source.txt. Run: python3 src/build_d.py"""

import csv
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
rows = []
for line in (HERE / "d_source.txt").read_text(encoding="utf-8").splitlines():
    if not line.startswith("D"):
        continue
    id_, voice, sev, cat, _emb, text = line.split("|", 5)
    rows.append(
        {"id": id_, "text": text.strip(), "severity": sev, "category": cat, "voice": voice}
    )
with open(HERE.parent / "unseen_d.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=["id", "text", "severity", "category", "voice"])
    w.writeheader()
    w.writerows(rows)
print(f"wrote {len(rows)} rows to unseen_d.csv")
