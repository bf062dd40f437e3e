"""Build unseen_c.csv from c_source.txt. Run: python3 src/build_c.py

c_source.txt: one text per line, `id|voice|severity|category|embedded|text`
(embedded is `e` for a disclosure embedded in ordinary feedback, `-` otherwise).
"""

import csv
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
rows = []
for line in (HERE / "c_source.txt").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    rid, voice, sev, cat, emb, text = line.split("|", 5)
    rows.append((rid, text, sev, cat, voice))
with open(HERE.parent / "unseen_c.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "severity", "category", "voice"])
    w.writerows(rows)
print(len(rows), "rows written")
