"""Make a synthetic but realistic trust history (labelled patient feedback) for the benches.

    .venv/bin/python bench/synth_history.py [--out /work/data/synth] [--train 6000] [--test 1500]

Why synthetic: the public NHS patient-feedback set (pxtextmining, CC BY-NC-SA) could not be
fetched on this machine, and it must never be committed anyway. This writes a stand-in with
the same shape: 36 themes modelled on the NHS patient experience framework, Zipf-like theme
frequencies (a few themes in most texts, many rare ones), 1-3 themes per text, fragments that
share words across themes ("wait" is timeliness, appointments, transport and discharge),
misspellings, praise and filler that carry no theme, and labelling noise like a real
annotator's (about 8% of themes present in a text are not coded; 3% coded but absent).
Files: taxonomy.csv (code,kind,name,description,keywords), train.csv and test.csv
(text,codes). Deterministic for a --seed. Nothing here is real feedback.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "synth_history.json"


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    out = template
    for name, values in slots.items():
        while "{" + name + "}" in out:
            out = out.replace("{" + name + "}", rng.choice(values), 1)
    return out


def _misspell(text: str, rng: random.Random, rate: float) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 4 and w.isalpha() and rng.random() < rate:
            k = rng.randrange(1, len(w) - 1)
            op = rng.random()
            if op < 0.4:
                w = w[:k] + w[k + 1 :]  # dropped letter
            elif op < 0.7:
                w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]  # swapped
            else:
                w = w[:k] + w[k] + w[k:]  # doubled
            words[i] = w
    return " ".join(words)


def generate(n: int, spec: dict, rng: random.Random) -> list[tuple[str, list[str]]]:
    themes = spec["themes"]
    codes = [t["code"] for t in themes]
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(themes))]
    rows = []
    for _ in range(n):
        k = rng.choices((1, 2, 3), weights=(0.55, 0.33, 0.12))[0]
        chosen: list[int] = []
        while len(chosen) < k:
            j = rng.choices(range(len(themes)), weights=weights)[0]
            if j not in chosen:
                chosen.append(j)
        parts = []
        if rng.random() < 0.3:
            parts.append(_fill(rng.choice(spec["openers"]), spec["slots"], rng))
        for j in chosen:
            parts.append(_fill(rng.choice(themes[j]["fragments"]), spec["slots"], rng))
        if rng.random() < 0.35:
            parts.append(_fill(rng.choice(spec["fillers"]), spec["slots"], rng))
        rng.shuffle(parts)
        text = " ".join(p[0].upper() + p[1:] for p in parts)
        text = _misspell(text, rng, rate=rng.choice((0.0, 0.0, 0.02, 0.06)))
        if rng.random() < 0.2:
            text = text.lower()
        gold = {codes[j] for j in chosen if rng.random() > 0.08}
        if rng.random() < 0.03:
            gold.add(rng.choices(codes, weights=weights)[0])
        if not gold:
            gold = {codes[chosen[0]]}
        rows.append((text, sorted(gold)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="/work/data/synth")
    parser.add_argument("--train", type=int, default=6000)
    parser.add_argument("--test", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    spec = json.loads(DATA.read_text(encoding="utf-8"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "taxonomy.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "kind", "name", "description", "keywords"])
        for t in spec["themes"]:
            w.writerow([t["code"], "theme", t["name"], t["description"], ";".join(t["keywords"])])
    rng = random.Random(args.seed)
    for name, n in (("train", args.train), ("test", args.test)):
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["text", "codes"])
            for text, codes in generate(n, spec, rng):
                w.writerow([text, ";".join(codes)])
    print(json.dumps({"out": str(out), "themes": len(spec["themes"]), **vars(args)}))


if __name__ == "__main__":
    main()
