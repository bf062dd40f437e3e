"""Checks for unseen set S. Run: python3 check_s.py [folder with unseen_a..r.csv]

Checks set S on its own (header, ids, allowed values, exact counts per severity,
voice and none/lookalike split, near-duplicates) and its closeness to sets A-R.
A-R are read only by script; it prints scores and ids, never their texts.
By default A-R are looked for beside this script; an optional argument overrides that.
Fails if any S text has token Jaccard >= 0.5 against an A-R text, or >= 0.8 against another S text
(or an overlap coefficient > 0.8 with at least 6 distinct tokens on both sides).
"""

import collections
import csv
import itertools
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
# A-R sit beside S in the repository; while S was written they were in a prev/ copy
PREV = HERE / "prev" if (HERE / "prev").is_dir() else HERE
ABC_DIR = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else PREV
PER_VOICE = {"urgent": 22, "concern": 16, "none": 18, "lookalike": 8}
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
MIN_PER_VOICE, MIN_PER_CAT = 45, 6
MIN_PER_CELL = 3  # set N was thin (2) in four category/severity cells
NEAR_DUP = 0.8
MAX_CROSS_JACCARD = 0.5

errors = []


def tokens(text):
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def load(name, base=HERE):
    with open(base / name, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


header, rows = load("unseen_s.csv")
if header != ["id", "text", "severity", "category", "voice"]:
    errors.append(f"bad header {header}")
for i, r in enumerate(rows, 1):
    if r["id"] != f"S{i:03d}":
        errors.append(f"id out of sequence at row {i}: {r['id']}")
    if not r["text"].strip():
        errors.append(f"{r['id']}: empty text")
    if r["severity"] not in SEVERITIES:
        errors.append(f"{r['id']}: bad severity {r['severity']}")
    if r["voice"] not in VOICES:
        errors.append(f"{r['id']}: bad voice {r['voice']}")
    ok = NONE_CATS if r["severity"] == "none" else HARM_CATS
    if r["category"] not in ok:
        errors.append(f"{r['id']}: category {r['category']} not allowed")
ids = [r["id"] for r in rows]
if len(ids) != len(set(ids)):
    errors.append("duplicate ids")
if len(rows) != 320:
    errors.append(f"{len(rows)} rows != 320")

sev = collections.Counter(r["severity"] for r in rows)
for s, n in SEVERITIES.items():
    if sev[s] != n:
        errors.append(f"{s} count {sev[s]} != {n}")
voice = collections.Counter(r["voice"] for r in rows)
for v in VOICES:
    if voice[v] < MIN_PER_VOICE:
        errors.append(f"voice {v} has {voice[v]} < {MIN_PER_VOICE}")
harm = collections.Counter(r["category"] for r in rows if r["severity"] != "none")
for c in HARM_CATS:
    if harm[c] < MIN_PER_CAT:
        errors.append(f"category {c} has {harm[c]} < {MIN_PER_CAT}")
none_c = collections.Counter(r["category"] for r in rows if r["severity"] == "none")
if none_c["none"] != 90 or none_c["lookalike"] != 40:
    errors.append(f"none split {dict(none_c)} != 90/40")
for v in VOICES:
    vr = [r for r in rows if r["voice"] == v]
    got = {
        "urgent": sum(r["severity"] == "urgent" for r in vr),
        "concern": sum(r["severity"] == "concern" for r in vr),
        "none": sum(r["category"] == "none" for r in vr),
        "lookalike": sum(r["category"] == "lookalike" for r in vr),
    }
    if got != PER_VOICE:
        errors.append(f"voice {v} counts {got} != {PER_VOICE}")

print(f"=== Set S: {len(rows)} rows ===")
print("severity:", dict(sev))
print("none split:", dict(none_c))
print(f"{'category':16s} urgent concern")
for c in HARM_CATS:
    u = sum(1 for r in rows if r["category"] == c and r["severity"] == "urgent")
    k = sum(1 for r in rows if r["category"] == c and r["severity"] == "concern")
    print(f"{c:16s} {u:6d} {k:7d}")
    if u < MIN_PER_CELL or k < MIN_PER_CELL:
        errors.append(f"category {c} thin: {u} urgent / {k} concern (< {MIN_PER_CELL})")
print(f"{'voice':14s} urgent concern none(ord/look) total")
for v in VOICES:
    vr = [r for r in rows if r["voice"] == v]
    n_ord = sum(1 for r in vr if r["category"] == "none")
    n_look = sum(1 for r in vr if r["category"] == "lookalike")
    print(
        f"{v:14s}",
        *(f"{sum(1 for r in vr if r['severity'] == s):6d}" for s in ("urgent", "concern")),
        f"  {n_ord + n_look} ({n_ord}/{n_look})",
        len(vr),
    )

# embedded count from the source list
emb = collections.Counter()
emb_v = collections.Counter()
for line in (HERE / "src" / "set_s.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("S"):
        _, v, s, _, e, _ = line.split("|", 5)
        if e == "e":
            emb[s] += 1
            emb_v[(v, s)] += 1
print("embedded:", dict(emb), f"of {sev['urgent'] + sev['concern']} harmful")
print(
    "embedded by voice:",
    ", ".join(f"{v} {emb_v[(v, 'urgent')]}u/{emb_v[(v, 'concern')]}c" for v in VOICES),
)

# near-duplicates within S
ctoks = [(r["id"], tokens(r["text"])) for r in rows]
for (ia, ta), (ib, tb) in itertools.combinations(ctoks, 2):
    inter = len(ta & tb)
    jacc = inter / len(ta | tb)
    overlap = inter / min(len(ta), len(tb))
    if jacc >= NEAR_DUP or (min(len(ta), len(tb)) >= 6 and overlap > NEAR_DUP):
        errors.append(f"near-duplicate within S: {ia} / {ib}")

# closeness to A-R: print only scores and ids, never the texts
best = (0.0, None, None)
best_ov = (0.0, None, None)
per_d = {}  # S id -> (max jaccard, other id)
over_half = []
OTHERS = [f"unseen_{x}.csv" for x in "abcdefghijklmnopqr"]
for name in OTHERS:
    path = ABC_DIR / name
    if not path.exists():
        errors.append(f"{name} not found for closeness check")
        continue
    _, other = load(name, ABC_DIR)
    for o in other:
        to = tokens(o["text"])
        if any(o["text"].strip().lower() == r["text"].strip().lower() for r in rows):
            errors.append(f"exact duplicate of a {name} text in S")
        for ic, tc in ctoks:
            inter = len(tc & to)
            jacc = inter / len(tc | to)
            if jacc > per_d.get(ic, (0.0, None))[0]:
                per_d[ic] = (jacc, o["id"])
            if jacc > best[0]:
                best = (jacc, ic, o["id"])
            if min(len(tc), len(to)) >= 6:
                ov = inter / min(len(tc), len(to))
                if ov > best_ov[0]:
                    best_ov = (ov, ic, o["id"])
                if ov > NEAR_DUP:
                    errors.append(
                        f"S text near-copies A-R by overlap: {ic} / {o['id']} ({ov:.2f})"
                    )
            if jacc > NEAR_DUP:
                errors.append(f"S text near-duplicates A-R: {ic} / {o['id']} ({jacc:.2f})")
print(f"max token Jaccard S vs A-R: {best[0]:.2f} ({best[1]} / {best[2]})")
print(
    f"max overlap coefficient S vs A-R (>=6 tokens): {best_ov[0]:.2f} "
    f"({best_ov[1]} / {best_ov[2]})"
)
top = sorted(per_d.items(), key=lambda kv: -kv[1][0])[:10]
print(
    "closest S texts (S id, Jaccard, other id):",
    ", ".join(f"{k} {v[0]:.2f} {v[1]}" for k, v in top),
)
close = sorted((k, v) for k, v in per_d.items() if v[0] >= 0.42)
print(
    "S ids with Jaccard >= 0.42 vs A-R:",
    ", ".join(f"{k} {v[0]:.2f} {v[1]}" for k, v in close) or "none",
)
for k, (j, oid) in per_d.items():
    if j >= MAX_CROSS_JACCARD:
        errors.append(f"S text too close to A-R: {k} / {oid} ({j:.2f})")

# closest pair within S (scores and ids only)
wbest = (0.0, None, None)
for (ia, ta), (ib, tb) in itertools.combinations(ctoks, 2):
    j = len(ta & tb) / len(ta | tb)
    if j > wbest[0]:
        wbest = (j, ia, ib)
print(f"max token Jaccard within S: {wbest[0]:.2f} ({wbest[1]} / {wbest[2]})")

wl = [len(r["text"].split()) for r in rows]
print(
    f"word length: min {min(wl)}, median {sorted(wl)[len(wl) // 2]}, max {max(wl)}, "
    f">60 words: {sum(w > 60 for w in wl)}, <=5 words: {sum(w <= 5 for w in wl)}"
)


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


groups = {
    "urgent": [r for r in rows if r["severity"] == "urgent"],
    "concern": [r for r in rows if r["severity"] == "concern"],
    "none (all)": [r for r in rows if r["severity"] == "none"],
    "none/ordinary": [r for r in rows if r["category"] == "none"],
    "none/lookalike": [r for r in rows if r["category"] == "lookalike"],
    "harmful (urgent+concern)": [r for r in rows if r["severity"] != "none"],
}
med = {}
for g, rs in groups.items():
    ws = [len(r["text"].split()) for r in rs]
    med[g] = median(ws)
    print(
        f"median words {g}: {med[g]} (min {min(ws)}, max {max(ws)}, "
        f"<=5: {sum(w <= 5 for w in ws)}, >60: {sum(w > 60 for w in ws)})"
    )
if abs(med["harmful (urgent+concern)"] - med["none (all)"]) > 4:
    errors.append("median length of harmful and none texts differs by more than 4 words")
short_h = sum(1 for r in groups["harmful (urgent+concern)"] if len(r["text"].split()) <= 8)
short_n = sum(1 for r in groups["none (all)"] if len(r["text"].split()) <= 8)
long_h = sum(1 for r in groups["harmful (urgent+concern)"] if len(r["text"].split()) > 60)
long_n = sum(1 for r in groups["none (all)"] if len(r["text"].split()) > 60)
print(f"<=8 words: harmful {short_h}, none {short_n}; >60 words: harmful {long_h}, none {long_n}")
if not (short_h and short_n):
    errors.append("short texts (<=8 words) must include both harmful and none texts")
if not (long_h and long_n):
    errors.append("long texts (>60 words) must include both harmful and none texts")
# set O's limitation: its very short harmful texts were almost all suicidal
short_cats = collections.Counter(
    r["category"] for r in groups["harmful (urgent+concern)"] if len(r["text"].split()) <= 8
)
print("<=8-word harmful texts by category:", dict(short_cats))
if short_h and (len(short_cats) < 3 or max(short_cats.values()) > short_h / 2):
    errors.append("short harmful texts (<=8 words) need >= 3 categories, none over half")
look_w = sorted(len(r["text"].split()) for r in groups["none/lookalike"])
print(
    f"look-alike lengths: min {look_w[0]}, max {look_w[-1]}, "
    f"<20 words: {sum(w < 20 for w in look_w)}, >35 words: {sum(w > 35 for w in look_w)}"
)
if not (look_w[0] < 20 and look_w[-1] > 35):
    errors.append("look-alikes must span lengths (some < 20 words and some > 35)")
if min(wl) < 3 or max(wl) > 80:
    errors.append("a text is shorter than 3 or longer than 80 words")

if errors:
    print("\nFAILED:")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("\nALL CHECKS PASSED")
