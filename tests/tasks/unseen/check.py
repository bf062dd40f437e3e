#!/usr/bin/env python3
"""Sanity checks for the independent LLR tagger evaluation set.

Loads llr_pool.csv and llr_test.csv (next to this file) with the csv module and
asserts: known codes only, per-code and per-voice minimums, valid voice/channel,
no empty texts, no exact duplicates within or across files, and no
near-duplicates (token overlap above 0.8) anywhere in the 400 texts.

Run:  python3 check.py
"""

import csv
import itertools
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["llr_pool.csv", "llr_test.csv"]

PLEDGES = [f"pledge-{i}" for i in range(1, 14)]
PATHWAYS = [
    "annual-health-checks",
    "dynamic-support",
    "crisis-support",
    "respite-and-carers",
    "autism-team",
    "autism-assessment",
    "forensic",
    "hospital-discharge",
    "cyp-keyworker",
    "transitions",
    "leder",
]
CODES = set(PLEDGES + PATHWAYS)
HARD = {
    "hospital-discharge",
    "crisis-support",
    "pledge-7",
    "pledge-8",
    "dynamic-support",
    "transitions",
}
VOICES = {"self", "autistic", "carer", "young_person", "staff"}
CHANNELS = {"online", "paper", "focus_group", "phone"}
MIN_CODE, MIN_HARD, MIN_VOICE = 10, 12, 30
OVERLAP_MAX = 0.80  # max allowed token overlap between any two texts
CONTAIN_MIN_TOKENS = (
    8  # containment test only when the shorter text has >= this many distinct tokens
)


def tokens(text):
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def load(name):
    path = os.path.join(HERE, name)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["text", "codes", "voice", "channel"], reader.fieldnames
        return list(reader)


def check_file(name, rows):
    problems = []
    code_n, voice_n = Counter(), Counter()
    for n, r in enumerate(rows, start=2):
        text = (r["text"] or "").strip()
        if not text:
            problems.append(f"{name}:{n} empty text")
        codes = [c.strip() for c in (r["codes"] or "").split(";") if c.strip()]
        if not codes:
            problems.append(f"{name}:{n} no codes")
        if len(codes) != len(set(codes)):
            problems.append(f"{name}:{n} repeated code {codes}")
        if len(codes) > 3:
            problems.append(f"{name}:{n} more than 3 codes {codes}")
        for c in codes:
            if c not in CODES:
                problems.append(f"{name}:{n} unknown code {c!r}")
            code_n[c] += 1
        if r["voice"] not in VOICES:
            problems.append(f"{name}:{n} bad voice {r['voice']!r}")
        if r["channel"] not in CHANNELS:
            problems.append(f"{name}:{n} bad channel {r['channel']!r}")
        voice_n[r["voice"]] += 1
        words = len(text.split())
        if not 3 <= words <= 80:
            problems.append(f"{name}:{n} length {words} words outside 3-80")
    for c in sorted(CODES):
        need = MIN_HARD if c in HARD else MIN_CODE
        if code_n[c] < need:
            problems.append(f"{name}: code {c} has {code_n[c]} texts, needs >= {need}")
    for v in sorted(VOICES):
        if voice_n[v] < MIN_VOICE:
            problems.append(f"{name}: voice {v} has {voice_n[v]} texts, needs >= {MIN_VOICE}")
    return problems, code_n, voice_n


def near_duplicates(all_rows):
    problems = []
    toks = [(src, n, tokens(r["text"])) for src, n, r in all_rows]
    for (s1, n1, a), (s2, n2, b) in itertools.combinations(toks, 2):
        if not a or not b:
            continue
        inter = len(a & b)
        jacc = inter / len(a | b)
        small = min(len(a), len(b))
        contain = inter / small
        if jacc > OVERLAP_MAX or (small >= CONTAIN_MIN_TOKENS and contain > OVERLAP_MAX):
            problems.append(
                f"near-duplicate {s1}:{n1} ~ {s2}:{n2} (jaccard {jacc:.2f}, overlap {contain:.2f})"
            )
    return problems


def main():
    problems, tables = [], {}
    all_rows, seen = [], {}
    for name in FILES:
        rows = load(name)
        p, code_n, voice_n = check_file(name, rows)
        problems += p
        tables[name] = (len(rows), code_n, voice_n)
        for n, r in enumerate(rows, start=2):
            key = " ".join(r["text"].lower().split())
            if key in seen:
                problems.append(f"exact duplicate {name}:{n} = {seen[key]}")
            seen[key] = f"{name}:{n}"
            all_rows.append((name, n, r))
    problems += near_duplicates(all_rows)

    for name, (n, _code_n, voice_n) in tables.items():
        print(f"{name}: {n} rows; voices {dict(sorted(voice_n.items()))}")
    print(f"{'code':22s} " + " ".join(f"{f.split('_')[1].split('.')[0]:>5s}" for f in FILES))
    for c in PLEDGES + PATHWAYS:
        print(f"{c:22s} " + " ".join(f"{tables[f][1][c]:5d}" for f in FILES))

    if problems:
        print("\nFAILED:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
