#!/usr/bin/env python3
"""Checks for the fourth unseen LLR test set, llr_test4.csv (adapted from check3.py).

Checks llr_test4.csv alone: header, known codes only (1-3 per text, no repeats),
per-code minimums (11; 13 for the six hard codes of this round: hospital-discharge,
pledge-7, pledge-8, crisis-support, pledge-11, pledge-13), per-voice minimum (36),
valid voice/channel, no empty texts, lengths 4-70 words, no exact duplicates and
no near-duplicates (token overlap above 0.8) within the file.

Closeness to the earlier files: llr_pool.csv, llr_test.csv, llr_test2.csv and
llr_test3.csv are read by script only. Their texts are never printed; only row numbers
and scores are. Against each of the earlier 800 texts, every new text must have a token
Jaccard below 0.5 AND share at most 60% of its own tokens with it (share = |new & old| /
|new|, the new text's tokens found in the earlier one).

Run:  python3 check4.py
"""

import csv
import itertools
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NEW = "llr_test4.csv"
PREV = [
    "llr_pool.csv",
    "llr_test.csv",
    "llr_test2.csv",
    "llr_test3.csv",
]  # beside it, read by script only

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
HARD = {  # the six hard codes named for this set
    "hospital-discharge",
    "pledge-7",
    "pledge-8",
    "crisis-support",
    "pledge-11",
    "pledge-13",
}
VOICES = ["self", "autistic", "carer", "young_person", "staff"]
CHANNELS = ["online", "paper", "focus_group", "phone"]
MIN_CODE, MIN_HARD, MIN_VOICE = 11, 13, 36
MIN_WORDS, MAX_WORDS = 4, 70
OVERLAP_MAX = 0.80  # within-file near-duplicate threshold
CONTAIN_MIN_TOKENS = 8
PREV_JACCARD_MAX = 0.50  # closeness to earlier files must be strictly below this
PREV_SHARE_MAX = 0.60  # no new text may share more than 60% of its tokens with an earlier one
EXPECT_ROWS = 200


def tokens(text):
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("'", "")))


def load(name):
    path = os.path.join(HERE, name)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["text", "codes", "voice", "channel"], reader.fieldnames
        return list(reader)


def check_file(rows):
    problems = []
    code_n, voice_n, chan_n, per_text = Counter(), Counter(), Counter(), Counter()
    lengths = []
    if len(rows) != EXPECT_ROWS:
        problems.append(f"{NEW}: {len(rows)} rows, expected {EXPECT_ROWS}")
    for n, r in enumerate(rows, start=2):
        text = (r["text"] or "").strip()
        if not text:
            problems.append(f"{NEW}:{n} empty text")
        codes = [c.strip() for c in (r["codes"] or "").split(";") if c.strip()]
        if not codes:
            problems.append(f"{NEW}:{n} no codes")
        if len(codes) != len(set(codes)):
            problems.append(f"{NEW}:{n} repeated code {codes}")
        if len(codes) > 3:
            problems.append(f"{NEW}:{n} more than 3 codes {codes}")
        per_text[len(codes)] += 1
        for c in codes:
            if c not in CODES:
                problems.append(f"{NEW}:{n} unknown code {c!r}")
            code_n[c] += 1
        # pairing rule from the labelling guide: pledge-9 always with annual-health-checks
        if "pledge-9" in codes and "annual-health-checks" not in codes:
            problems.append(f"{NEW}:{n} pledge-9 without annual-health-checks")
        if r["voice"] not in VOICES:
            problems.append(f"{NEW}:{n} bad voice {r['voice']!r}")
        if r["channel"] not in CHANNELS:
            problems.append(f"{NEW}:{n} bad channel {r['channel']!r}")
        voice_n[r["voice"]] += 1
        chan_n[r["channel"]] += 1
        words = len(text.split())
        lengths.append(words)
        if not MIN_WORDS <= words <= MAX_WORDS:
            problems.append(f"{NEW}:{n} length {words} words outside {MIN_WORDS}-{MAX_WORDS}")
    for c in sorted(CODES):
        need = MIN_HARD if c in HARD else MIN_CODE
        if code_n[c] < need:
            problems.append(f"{NEW}: code {c} has {code_n[c]} texts, needs >= {need}")
    for v in VOICES:
        if voice_n[v] < MIN_VOICE:
            problems.append(f"{NEW}: voice {v} has {voice_n[v]} texts, needs >= {MIN_VOICE}")
    for ch in CHANNELS:
        if chan_n[ch] == 0:
            problems.append(f"{NEW}: channel {ch} unused")
    return problems, code_n, voice_n, chan_n, per_text, lengths


def within_file(rows):
    problems, seen = [], {}
    best = (0.0, 0.0, None, None)
    for n, r in enumerate(rows, start=2):
        key = " ".join(r["text"].lower().split())
        if key in seen:
            problems.append(f"exact duplicate {NEW}:{n} = {NEW}:{seen[key]}")
        seen[key] = n
    toks = [(n, tokens(r["text"])) for n, r in enumerate(rows, start=2)]
    for (n1, a), (n2, b) in itertools.combinations(toks, 2):
        if not a or not b:
            continue
        inter = len(a & b)
        jacc = inter / len(a | b)
        small = min(len(a), len(b))
        contain = inter / small
        if jacc > best[0]:
            best = (jacc, best[1], (n1, n2), best[3])
        if small >= CONTAIN_MIN_TOKENS and contain > best[1]:
            best = (best[0], contain, best[2], (n1, n2))
        if jacc > OVERLAP_MAX or (small >= CONTAIN_MIN_TOKENS and contain > OVERLAP_MAX):
            problems.append(
                f"near-duplicate {NEW}:{n1} ~ {NEW}:{n2} "
                f"(jaccard {jacc:.2f}, overlap {contain:.2f})"
            )
    return problems, best


def closeness(rows):
    """Max token Jaccard and token share of each new text against the earlier 800 (by script)."""
    problems, report = [], []
    prev = []
    for name in PREV:
        for n, r in enumerate(load(name), start=2):
            prev.append((name, n, tokens(r["text"])))
    scores, shares = [], []
    for n, r in enumerate(rows, start=2):
        a = tokens(r["text"])
        best = (0.0, None, None, 0.0)
        top_share = (0.0, None, None)
        for name, m, b in prev:
            if not a or not b:
                continue
            inter = len(a & b)
            j = inter / len(a | b)
            if j > best[0]:
                best = (j, name, m, inter / min(len(a), len(b)))
            share = inter / len(a)
            if share > top_share[0]:
                top_share = (share, name, m)
            if share > PREV_SHARE_MAX:
                problems.append(
                    f"too close: {NEW}:{n} shares {share:.2f} of its tokens with {name}:{m}"
                )
        scores.append((best[0], n, best[1], best[2], best[3]))
        shares.append((top_share[0], n, top_share[1], top_share[2]))
        if best[0] >= PREV_JACCARD_MAX:
            problems.append(f"too close: {NEW}:{n} ~ {best[1]}:{best[2]} (jaccard {best[0]:.2f})")
    scores.sort(reverse=True)
    shares.sort(reverse=True)
    report.append(
        f"closeness to earlier files ({len(prev)} texts, read by script; "
        "row numbers and scores only)"
    )
    report.append(
        f"  max Jaccard {scores[0][0]:.2f}; "
        f"mean of per-text max {sum(s[0] for s in scores) / len(scores):.2f}"
    )
    report.append("  top 10 (new row ~ earlier file:row, jaccard, containment):")
    for j, n, name, m, c in scores[:10]:
        report.append(f"    {NEW}:{n} ~ {name}:{m}  jaccard {j:.2f}  containment {c:.2f}")
    bands = Counter(
        "<0.2"
        if s[0] < 0.2
        else "0.2-0.3"
        if s[0] < 0.3
        else "0.3-0.4"
        if s[0] < 0.4
        else "0.4-0.5"
        if s[0] < 0.5
        else ">=0.5"
        for s in scores
    )
    report.append(
        f"  max share of a new text's tokens found in one earlier text {shares[0][0]:.2f} "
        f"(limit {PREV_SHARE_MAX}); "
        f"mean of per-text max {sum(s[0] for s in shares) / len(shares):.2f}"
    )
    report.append("  top 5 by share (new row ~ earlier file:row, share):")
    for sh, n, name, m in shares[:5]:
        report.append(f"    {NEW}:{n} ~ {name}:{m}  share {sh:.2f}")
    report.append(
        "  per-text max Jaccard bands: "
        + ", ".join(f"{k} {bands[k]}" for k in ["<0.2", "0.2-0.3", "0.3-0.4", "0.4-0.5", ">=0.5"])
    )
    return problems, report


def main():
    rows = load(NEW)
    problems, code_n, voice_n, chan_n, per_text, lengths = check_file(rows)
    p, best = within_file(rows)
    problems += p
    p, report = closeness(rows)
    problems += p

    print(f"{NEW}: {len(rows)} rows; label instances {sum(code_n.values())}")
    print(f"{'code':22s} {'n':>4s}  min")
    for c in PLEDGES + PATHWAYS:
        print(
            f"{c:22s} {code_n[c]:4d}  "
            f"{MIN_HARD if c in HARD else MIN_CODE}{' (hard)' if c in HARD else ''}"
        )
    print("voices:   " + ", ".join(f"{v} {voice_n[v]}" for v in VOICES))
    print("channels: " + ", ".join(f"{c} {chan_n[c]}" for c in CHANNELS))
    print("codes per text: " + ", ".join(f"{k}: {per_text[k]}" for k in sorted(per_text)))
    print(
        f"length (words): min {min(lengths)}, max {max(lengths)}, "
        f"<=8: {sum(n <= 8 for n in lengths)}, >=50: {sum(n >= 50 for n in lengths)}"
    )
    print(
        f"within-file: max jaccard {best[0]:.2f} (rows {best[2]}), "
        f"max containment {best[1]:.2f} (rows {best[3]}); threshold {OVERLAP_MAX}"
    )
    for line in report:
        print(line)

    if problems:
        print("\nFAILED:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
