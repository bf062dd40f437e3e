"""Checks for the unseen safeguarding evaluation sets. Run: python3 check.py"""

import collections
import csv
import itertools
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
FILES = {"A": HERE / "unseen_a.csv", "B": HERE / "unseen_b.csv"}
SEVERITIES = {"urgent": 110, "concern": 80, "none": 130}
HARM_CATS = [
    "physical",
    "sexual",
    "psychological",
    "financial",
    "neglect",
    "domestic",
    "discriminatory",
    "organisational",
    "modern_slavery",
    "self_neglect",
    "self_harm",
    "suicidal",
    "missing_unsafe",
]
NONE_CATS = ["none", "lookalike"]
VOICES = ["self", "autistic", "carer", "young_person", "staff"]
MIN_PER_VOICE, MIN_PER_CAT = 45, 5
NEAR_DUP = 0.8

errors = []


def err(msg):
    errors.append(msg)


def tokens(text):
    return set(re.findall(r"[a-z0-9']+", text.lower()))


all_rows = []
for set_name, path in FILES.items():
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["id", "text", "severity", "category", "voice"]:
            err(f"{set_name}: bad header {reader.fieldnames}")
        rows = list(reader)
    for r in rows:
        r["set"] = set_name
    all_rows.extend(rows)

    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        err(f"{set_name}: duplicate ids")
    for i, r in enumerate(rows, 1):
        if r["id"] != f"{set_name}{i:03d}":
            err(f"{set_name}: id out of sequence at row {i}: {r['id']}")
        if not r["text"].strip():
            err(f"{r['id']}: empty text")
        if r["severity"] not in SEVERITIES:
            err(f"{r['id']}: bad severity {r['severity']}")
        if r["voice"] not in VOICES:
            err(f"{r['id']}: bad voice {r['voice']}")
        ok_cats = NONE_CATS if r["severity"] == "none" else HARM_CATS
        if r["category"] not in ok_cats:
            err(f"{r['id']}: category {r['category']} not allowed for {r['severity']}")

    sev = collections.Counter(r["severity"] for r in rows)
    for s, n in SEVERITIES.items():
        if sev[s] != n:
            err(f"{set_name}: {s} count {sev[s]} != {n}")
    if len(rows) != 320:
        err(f"{set_name}: {len(rows)} rows != 320")
    voice = collections.Counter(r["voice"] for r in rows)
    for v in VOICES:
        if voice[v] < MIN_PER_VOICE:
            err(f"{set_name}: voice {v} has {voice[v]} < {MIN_PER_VOICE}")
    harm = collections.Counter(r["category"] for r in rows if r["severity"] != "none")
    for c in HARM_CATS:
        if harm[c] < MIN_PER_CAT:
            err(f"{set_name}: category {c} has {harm[c]} < {MIN_PER_CAT}")
    none_c = collections.Counter(r["category"] for r in rows if r["severity"] == "none")
    if not (85 <= none_c["none"] <= 95 and 35 <= none_c["lookalike"] <= 45):
        err(f"{set_name}: none/lookalike split {dict(none_c)} not about 90/40")

    # table
    print(f"\n=== Set {set_name}: {len(rows)} rows ===")
    print("severity:", dict(sev))
    print("none split:", dict(none_c))
    print("voice:", dict(voice))
    print(f"{'category':16s} urgent concern")
    for c in HARM_CATS:
        u = sum(1 for r in rows if r["category"] == c and r["severity"] == "urgent")
        k = sum(1 for r in rows if r["category"] == c and r["severity"] == "concern")
        print(f"{c:16s} {u:6d} {k:7d}")
    print(f"{'voice':14s} urgent concern none")
    for v in VOICES:
        print(
            f"{v:14s}",
            *(
                f"{sum(1 for r in rows if r['voice'] == v and r['severity'] == s):6d}"
                for s in SEVERITIES
            ),
        )

# exact and near duplicates, within and across sets
seen = {}
for r in all_rows:
    key = " ".join(sorted(tokens(r["text"])))
    norm = re.sub(r"\W+", " ", r["text"].lower()).strip()
    if norm in seen:
        err(f"exact duplicate: {seen[norm]} / {r['id']}")
    seen[norm] = r["id"]

toks = [(r["id"], tokens(r["text"])) for r in all_rows]
near = []
for (ia, ta), (ib, tb) in itertools.combinations(toks, 2):
    if not ta or not tb:
        continue
    inter = len(ta & tb)
    jacc = inter / len(ta | tb)
    overlap = inter / min(len(ta), len(tb))
    if jacc > NEAR_DUP or (min(len(ta), len(tb)) >= 6 and overlap > NEAR_DUP):
        near.append((ia, ib, round(jacc, 2), round(overlap, 2)))
for n in near:
    err(f"near-duplicate pair {n[0]} / {n[1]} (jaccard {n[2]}, overlap {n[3]})")

wl = [len(r["text"].split()) for r in all_rows]
print(
    f"\nword length: min {min(wl)}, median {sorted(wl)[len(wl) // 2]}, max {max(wl)}, "
    f">60 words: {sum(w > 60 for w in wl)}"
)

if errors:
    print("\nFAILED:")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("\nALL CHECKS PASSED")
