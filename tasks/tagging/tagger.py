"""Train, apply and store the tagger: keyword rules + TF-IDF model (+ optional embeddings).

How the parts become one confidence: the model's out-of-fold scores on the training data are
Platt-calibrated into a probability; a rule hit carries the precision rules showed on the
training data; the two are combined as independent evidence (noisy-OR). Per-tag thresholds
are chosen on the same out-of-fold probabilities, shrunk towards one global threshold because
most tags have only a handful of examples. Why not learn the combination? The seed examples
were written alongside the keywords, so on training data the rules look near-perfect and a
learned combiner all but ignores the model; on real feedback it is the other way round.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from . import semantic
from .model import NO_MODEL_SCORE, Featuriser, Linear, Tfidf
from .rules import Hit, PhraseMatcher
from .text import has_content, normalise, stem, words
from .types import Example, Label, Suggestion

ENGINE_VERSION = "2026.1"
FORMAT = 1
CHUNK = 1000  # texts per vectorised batch; bounds memory for very large inputs
EVIDENCE_CHARS = 200
_GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)
LARGE = 1000  # training texts from which one vocabulary serves every fold (see _out_of_fold)
LARGE_FOLDS = 2  # their mean is the model (see Linear.average)
LARGE_TOL = 1e-3  # liblinear tolerance there: same F1 on the synthetic history, ~10% faster
RULE_PRIOR = 10.0  # pseudo-hits pulling fuzzy-rule precision towards exact-rule precision


@dataclass(frozen=True)
class Config:
    """Switches for the ablation; the defaults are the measured best (see README)."""

    rules: bool = True
    model: bool = True
    semantic: bool = False  # add a local sentence-embedding model (slow; small gain)
    keyword_texts: bool = True  # also train the model on each keyword phrase as a text
    weak_labels: bool = True  # a seed example containing another tag's phrase counts for it
    folds: int = 5
    C: float = 10.0
    min_positives: int = 2  # fewer examples than this: the tag is served by rules only
    shrink: float = 10.0  # pseudo-examples pulling a tag's threshold to the global one
    reviewed_weight: float = 3.0  # a person's decision counts this many times a seed example
    min_reviewed: int = 20  # reviewed texts needed before thresholds are fitted on them alone
    rule_label_prior: float = 5.0  # pseudo-hits pulling a tag's rule precision to all tags'
    stack: bool = True  # with enough reviewed texts, learn how rules and model combine


@dataclass(frozen=True)
class Head:
    """Calibration of each part, how they combine, and the per-tag thresholds."""

    features: tuple[str, ...]  # () for rules alone, ("model",) or ("model", "semantic")
    coef: tuple[float, ...]  # Platt weights of the features
    intercept: float
    rule_exact: float  # P(tag | exact phrase hit)
    rule_fuzzy: float  # P(tag | fuzzy phrase hit)
    thresholds: tuple[float, ...] = ()
    # Per tag, measured on reviewed texts (empty: every tag uses rule_exact / rule_fuzzy).
    label_exact: tuple[float, ...] = ()
    label_fuzzy: tuple[float, ...] = ()

    def probabilities(self, feats: dict[str, np.ndarray], has_model: np.ndarray) -> np.ndarray:
        exact = np.asarray(self.label_exact) if self.label_exact else self.rule_exact
        fuzzy = np.asarray(self.label_fuzzy) if self.label_fuzzy else self.rule_fuzzy
        rules = feats["exact"] * exact + feats["fuzzy"] * fuzzy
        if not self.features:
            return rules
        derived = {
            **feats,
            "hit": np.maximum(feats["exact"], feats["fuzzy"]),
            "rule": _logit(rules) * (rules > 0),
        }
        logit = np.full(rules.shape, self.intercept)
        for name, weight in zip(self.features, self.coef, strict=True):
            logit += weight * derived[name]
        model = 1.0 / (1.0 + np.exp(-logit))
        if "rule" in self.features:  # learnt on reviewed texts: rules are one input of many
            return np.where(has_model[None, :], model, rules)
        combined = 1.0 - (1.0 - model) * (1.0 - rules)
        return np.where(has_model[None, :], combined, rules)


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(q / (1 - q))


def _as_written(text: str, norm_words: str) -> str:
    """`norm_words` as the person wrote them (case kept), when they can be found."""
    pattern = r"\b" + r"\W+".join(re.escape(w) for w in norm_words.split()) + r"\b"
    found = re.search(pattern, text, flags=re.IGNORECASE)
    return found.group(0) if found else norm_words


def _sha(payload: object) -> str:
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(raw).hexdigest()[:10]


def _max_similarity(query: np.ndarray, ref: np.ndarray, ref_y: np.ndarray) -> np.ndarray:
    """Per tag, the cosine similarity to the closest reference text with that tag."""
    sims = query @ ref.T
    out = np.zeros((query.shape[0], ref_y.shape[1]))
    for j in range(ref_y.shape[1]):
        cols = ref_y[:, j]
        if cols.any():
            out[:, j] = sims[:, cols].max(axis=1)
    return out


def _pick_thresholds(p: np.ndarray, y: np.ndarray, usable: np.ndarray, shrink: float):
    """Per-tag F1-optimal thresholds, shrunk towards the micro-F1-optimal global one."""

    def best(f1s: np.ndarray) -> float:
        top = _GRID[f1s >= f1s.max() - 1e-9]
        return float(np.median(top))  # middle of a plateau is the most stable choice

    def f1_at(pp: np.ndarray, yy: np.ndarray) -> np.ndarray:
        pred = pp[..., None] >= _GRID
        tp = (pred & yy[..., None]).sum(axis=tuple(range(pp.ndim)))
        fp = (pred & ~yy[..., None]).sum(axis=tuple(range(pp.ndim)))
        fn = (~pred & yy[..., None]).sum(axis=tuple(range(pp.ndim)))
        return 2 * tp / np.maximum(2 * tp + fp + fn, 1)

    if not usable.any():
        return np.full(p.shape[1], 0.5), 0.5
    glob = best(f1_at(p[:, usable], y[:, usable]))
    out = np.full(p.shape[1], glob)
    for j in np.flatnonzero(usable):
        pos = y[:, j].sum()
        if pos:
            own = best(f1_at(p[:, j], y[:, j]))
            out[j] = (pos * own + shrink * glob) / (pos + shrink)
    return out, glob


class Tagger:
    """A trained, immutable tagger. Build with `train_tagger` or `Tagger.loads`."""

    def __init__(
        self,
        *,
        labels: Sequence[Label],
        config: Config,
        version: str,
        trained_on: int,
        featuriser: Featuriser | None,
        linear: Linear | None,
        heads: dict[str, Head],
        seed_texts: Sequence[str],
        seed_labels: np.ndarray,
        train_emb: np.ndarray | None = None,
        train_y: np.ndarray | None = None,
    ) -> None:
        self.labels = tuple(Label(lb.code, lb.name, lb.description, lb.keywords) for lb in labels)
        self.codes = tuple(lb.code for lb in labels)
        self.config = config
        self.version = version
        self.trained_on = trained_on
        self._featuriser = featuriser
        self._linear = linear
        self._heads = heads
        self._matcher = PhraseMatcher([lb.keywords if config.rules else () for lb in labels])
        self._seed_texts = tuple(seed_texts)
        self._seed_labels = seed_labels
        self._train_emb = train_emb
        self._train_y = train_y
        n = len(self.codes)
        self._has_model = linear.has_model if linear is not None else np.zeros(n, dtype=bool)
        self._coef64 = linear.coef.astype(np.float64) if linear is not None else None

    # ---- prediction -------------------------------------------------------------------------

    @property
    def uses_semantic(self) -> bool:
        """True when predictions currently include the embedding model."""
        return "semantic" in self._heads and semantic.load_encoder() is not None

    def predict(self, text: str) -> list[Suggestion]:
        """Tags above their threshold, most confident first."""
        return self.predict_many([text])[0]

    def predict_many(self, texts: Sequence[str]) -> list[list[Suggestion]]:
        """`predict` for many texts at once (vectorised, in bounded chunks)."""
        out: list[list[Suggestion]] = []
        for start in range(0, len(texts), CHUNK):
            out.extend(self._predict_chunk(list(texts[start : start + CHUNK])))
        return out

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Combined confidences (texts x tags) before thresholds; for evaluation tools."""
        probs, _, _, _ = self._probabilities([normalise(t) for t in texts])
        return probs

    def explain(self, text: str, code: str, top: int = 5) -> list[tuple[str, float]]:
        """The answer's own words that drove `code`'s score, strongest first.

        A rule hit gives the phrase as written in the answer. The model's weight is spread
        over the words it came from: a word's stem, the two-word phrases it is in, and its
        character n-grams (so a misspelling is credited to the word as written). Never a
        training text: evidence must be something the person actually said.
        """
        if code not in self.codes:
            raise KeyError(code)
        j = self.codes.index(code)
        norm = normalise(text)
        found: list[tuple[str, float]] = []
        hit = self._matcher.match(norm).get(j)
        if hit is not None:  # the phrase comes first: it is the plainest reason
            found.append((_as_written(text, hit.matched), 1.0))
        raw = words(norm)
        if raw and self._featuriser is not None and self._has_model[j]:
            weights = self._word_weights(raw, j)
            best = max(weights.values(), default=0.0)
            covered = set(hit.matched.split()) if hit is not None else set()
            ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
            for phrase, weight in ranked:
                if weight > 0.1 * best and not set(phrase.split()) <= covered:
                    found.append((_as_written(text, phrase), round(float(weight), 4)))
        return found[:top]

    def _word_weights(self, raw: list[str], j: int, x=None, chars: bool = True) -> dict:
        """Model contribution per word (and per two-word phrase) of one normalised text.

        `x`: the text's feature row when already computed; `chars=False` skips character
        n-grams (the costly part), which is how `predict` keeps thousands of texts a second.
        """
        featuriser = self._featuriser
        if x is None:
            x = featuriser.transform([" ".join(raw)])
        contrib = x.multiply(self._coef64[j]).tocsr()
        n_word = len(featuriser.word.terms)
        weights: dict[str, float] = {}
        toks = [stem(w) for w in raw]
        by_stem: dict[str, list[str]] = {}
        for w, t in zip(raw, toks, strict=True):
            by_stem.setdefault(t, []).append(w)
        for k, v in zip(contrib.indices, contrib.data, strict=True):
            if k < n_word:
                term = featuriser.word.terms[k]
                if " " in term:
                    a, b = term.split(" ", 1)
                    for i in range(len(toks) - 1):
                        if toks[i] == a and toks[i + 1] == b:
                            phrase = f"{raw[i]} {raw[i + 1]}"
                            weights[phrase] = weights.get(phrase, 0.0) + v
                            break
                else:
                    for w in by_stem.get(term, [])[:1]:
                        weights[w] = weights.get(w, 0.0) + v
            elif chars:
                gram = featuriser.char.terms[k - n_word]
                owners = [w for w in dict.fromkeys(raw) if gram in f" {w} "]  # char_wb pads
                for w in owners:
                    weights[w] = weights.get(w, 0.0) + v / len(owners)
        # Little words ("the", "at the") carry weight but explain nothing to a reader.
        return {w: v for w, v in weights.items() if max(len(p) for p in w.split()) > 3}

    def thresholds(self) -> dict[str, float]:
        """The per-tag thresholds in use."""
        return {c: float(t) for c, t in zip(self.codes, self._head().thresholds, strict=True)}

    def _head(self) -> Head:
        return self._heads["semantic"] if self.uses_semantic else self._heads["core"]

    def _features(self, norm: list[str], head: Head):
        n, n_labels = len(norm), len(self.codes)
        exact = np.zeros((n, n_labels))
        fuzzy = np.zeros((n, n_labels))
        hits: list[dict[int, Hit]] = []
        for i, text in enumerate(norm):
            found = self._matcher.match(text)
            hits.append(found)
            for j, hit in found.items():
                (exact if hit.exact else fuzzy)[i, j] = 1.0
        feats = {"exact": exact, "fuzzy": fuzzy}
        x = None
        if self._linear is not None and self._featuriser is not None:
            x = self._featuriser.transform(norm)
            scores = np.asarray(x @ self._coef64.T) + self._linear.intercept
            scores[:, ~self._has_model] = NO_MODEL_SCORE
            feats["model"] = np.clip(scores, -10.0, 10.0)
        if "semantic" in head.features:
            encoder = semantic.load_encoder()
            emb = encoder.encode(norm)
            feats["semantic"] = _max_similarity(emb, self._train_emb, self._train_y)
        return feats, hits, x

    def _probabilities(self, norm: list[str]):
        head = self._head()  # once per batch, so scores and thresholds always agree
        feats, hits, x = self._features(norm, head)
        probs = head.probabilities(feats, self._has_model)
        empty = np.array([not has_content(t) for t in norm])
        probs[empty] = 0.0
        return probs, head, hits, x

    def _predict_chunk(self, texts: list[str]) -> list[list[Suggestion]]:
        norm = [normalise(t) for t in texts]
        probs, head, hits, x = self._probabilities(norm)
        thresholds = np.asarray(head.thresholds)
        chosen = probs >= thresholds
        out: list[list[Suggestion]] = []
        for i in range(len(texts)):
            row: list[Suggestion] = []
            for j in np.flatnonzero(chosen[i]):
                hit = hits[i].get(j)
                if hit is not None:
                    evidence = hit.keyword if hit.exact else f'{hit.keyword} (as "{hit.matched}")'
                    method = "rules"
                else:
                    row_x = x[i] if x is not None else None
                    evidence = self._model_evidence(texts[i], norm[i], row_x, j)
                    method = "model"
                conf = round(float(probs[i, j]), 4)
                row.append(Suggestion(self.codes[j], conf, evidence, method, self.version))
            row.sort(key=lambda s: (-s.confidence, s.code))
            out.append(row)
        return out

    def _model_evidence(self, text: str, norm: str, x_row, j: int) -> str:
        """The answer's own words that weighed most for the tag (see `explain`)."""
        weights = self._word_weights(words(norm), j, x_row, chars=False)
        top = [w for w, v in sorted(weights.items(), key=lambda kv: -kv[1]) if v > 0][:3]
        if not top:
            return self._evidence_text(self.explain(text, self.codes[j], top=3))
        return self._evidence_text([(_as_written(text, w), 0.0) for w in top])

    @staticmethod
    def _evidence_text(found: list[tuple[str, float]]) -> str:
        return ("words: " + ", ".join(f'"{w}"' for w, _ in found))[:EVIDENCE_CHARS]

    # ---- storage ----------------------------------------------------------------------------

    def dumps(self) -> bytes:
        """Serialise to bytes (numpy .npz, no pickle) for storing in the database."""
        meta = {
            "format": FORMAT,
            "version": self.version,
            "trained_on": self.trained_on,
            "config": asdict(self.config),
            "labels": [asdict(lb) for lb in self.labels],
            "heads": {k: asdict(h) for k, h in self._heads.items()},
        }
        arrays: dict[str, np.ndarray] = {
            "meta": np.array(json.dumps(meta, ensure_ascii=False)),
            "seed_texts": np.array(self._seed_texts, dtype=str),
            "seed_labels": self._seed_labels.astype(np.int32),
        }
        if self._featuriser is not None and self._linear is not None:
            for block in (self._featuriser.word, self._featuriser.char):
                arrays[f"{block.kind}_terms"] = np.array(block.terms, dtype=str)
                arrays[f"{block.kind}_idf"] = block.idf
            arrays["coef"] = self._linear.coef
            arrays["intercept"] = self._linear.intercept
            arrays["has_model"] = self._linear.has_model
        if self._train_emb is not None:
            arrays["train_emb"] = self._train_emb
            arrays["train_y"] = self._train_y
        buf = io.BytesIO()
        np.savez_compressed(buf, **arrays)
        return buf.getvalue()

    @classmethod
    def loads(cls, data: bytes) -> Tagger:
        """Inverse of `dumps`; raises ValueError for data from another format."""
        try:
            arrays = np.load(io.BytesIO(data), allow_pickle=False)
            meta = json.loads(str(arrays["meta"]))
        except Exception as exc:
            raise ValueError("not a stored tagger") from exc
        if meta.get("format") != FORMAT:
            raise ValueError(f"stored tagger format {meta.get('format')!r} is not {FORMAT}")
        labels = [
            Label(lb["code"], lb["name"], lb["description"], tuple(lb["keywords"]))
            for lb in meta["labels"]
        ]
        featuriser = linear = None
        if "coef" in arrays:
            featuriser = Featuriser(
                *(
                    Tfidf(kind, tuple(arrays[f"{kind}_terms"].tolist()), arrays[f"{kind}_idf"])
                    for kind in ("word", "char")
                )
            )
            linear = Linear(arrays["coef"], arrays["intercept"], arrays["has_model"])
        heads = {
            k: Head(
                **{
                    **h,
                    "coef": tuple(h["coef"]),
                    "features": tuple(h["features"]),
                    "thresholds": tuple(h["thresholds"]),
                    "label_exact": tuple(h.get("label_exact", ())),
                    "label_fuzzy": tuple(h.get("label_fuzzy", ())),
                }
            )
            for k, h in meta["heads"].items()
        }
        return cls(
            labels=labels,
            config=Config(**meta["config"]),
            version=meta["version"],
            trained_on=meta["trained_on"],
            featuriser=featuriser,
            linear=linear,
            heads=heads,
            seed_texts=arrays["seed_texts"].tolist(),
            seed_labels=arrays["seed_labels"],
            train_emb=arrays.get("train_emb"),
            train_y=arrays.get("train_y"),
        )


# ---- training -------------------------------------------------------------------------------


def _check_labels(labels: Sequence[Label]) -> list[Label]:
    codes = [lb.code for lb in labels]
    if not codes:
        raise ValueError("at least one label is needed")
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise ValueError(f"duplicate label codes: {', '.join(dupes)}")
    return list(labels)


def _training_set(labels: list[Label], examples: Sequence[Example]):
    """Seed examples first; a reviewed example with the same text replaces the seed one.

    Returns the texts, their labels, which are seed examples, and which labels are known
    (False where a reviewed text's tag is still undecided: it teaches nothing there).
    """
    index = {lb.code: j for j, lb in enumerate(labels)}
    rows: dict[str, tuple[set[int], bool, set[int]]] = {}
    for j, lb in enumerate(labels):
        for text in lb.examples:
            norm = normalise(text)
            if has_content(norm):
                rows.setdefault(norm, (set(), True, set()))[0].add(j)
    for ex in examples:
        norm = normalise(ex.text)
        if has_content(norm):
            codes = {index[c] for c in ex.codes if c in index}
            rows[norm] = (codes, False, {index[c] for c in ex.unknown if c in index} - codes)
    y = np.zeros((len(rows), len(labels)), dtype=bool)
    is_seed = np.zeros(len(rows), dtype=bool)
    known = np.ones((len(rows), len(labels)), dtype=bool)
    for i, (codes, seed, unknown) in enumerate(rows.values()):
        y[i, list(codes)] = True
        is_seed[i] = seed
        known[i, list(unknown)] = False
    return list(rows), y, is_seed, known


def _keyword_texts(labels: list[Label]) -> tuple[list[str], np.ndarray]:
    """Each keyword phrase as a short training text for its tag."""
    pairs = [(normalise(kw), j) for j, lb in enumerate(labels) for kw in lb.keywords]
    y = np.zeros((len(pairs), len(labels)), dtype=bool)
    for i, (_, j) in enumerate(pairs):
        y[i, j] = True
    return [t for t, _ in pairs], y


def _out_of_fold(texts, y, weights, extra_texts, extra_y, emb, config: Config, shared=None):
    """Model (and embedding) scores for each training text from a model that never saw it.

    Keyword texts are always on the training side: they are part of every model. A large
    history (`shared`: the full model's featuriser and matrix) reuses one vocabulary for every
    fold and uses two folds: vocabulary and idf carry no labels, and with thousands of
    texts a fold-fitted vocabulary changes nothing but the training time. Returns the fold
    models too when they share that matrix: their mean is then the tagger's model.
    """
    n = len(texts)
    folds = min(config.folds if shared is None else LARGE_FOLDS, n)
    scores = np.full(y.shape, NO_MODEL_SCORE)
    sims = np.zeros(y.shape)
    fold_models: list[Linear] = []
    if folds < 2:
        return None, None, fold_models
    for train, test in KFold(folds, shuffle=True, random_state=0).split(texts):
        tr_texts = [texts[i] for i in train] + extra_texts
        tr_y = np.vstack([y[train], extra_y])
        te_texts = [texts[i] for i in test]
        tr_w = np.vstack([weights[train], np.ones((len(extra_texts), y.shape[1]))])
        if config.model and shared is not None:
            x = shared
            rows = np.concatenate([train, np.arange(n, x.shape[0])])
            lin = Linear.fit(x[rows], tr_y, config.C, 1, tr_w, tol=LARGE_TOL)
            fold_models.append(lin)
            scores[test] = np.clip(lin.decision(x[test]), -10.0, 10.0)
        elif config.model:
            feat, tr_x = Featuriser.fit_transform(tr_texts)
            lin = Linear.fit(tr_x, tr_y, config.C, 1, tr_w)
            scores[test] = np.clip(lin.decision(feat.transform(te_texts)), -10.0, 10.0)
        if emb is not None:
            sims[test] = _max_similarity(emb[test], emb[train], y[train])
    return scores, sims, fold_models


def _precision(right: float, hits: float, prior: float, weight: float) -> float:
    """Hit precision with `weight` pseudo-hits at `prior` (shrinks small counts)."""
    return float(right + weight * prior) / float(hits + weight)


def _rule_precision(given, exact, fuzzy, reviewed, config: Config):
    """Rule precision: all tags pooled, then per tag from reviewed texts.

    Seed examples were written alongside the keywords, so on them rules look near-perfect.
    Reviewed texts are real feedback: there a phrase that misleads (an idiom such as "fall
    through the gaps") shows its true precision, first pooled, then for its own tag. Hits
    on an undecided tag are left out by the caller (`exact`/`fuzzy` are False there).
    """
    rule_exact = float((given & exact).sum() + 1) / float(exact.sum() + 2)
    # Fuzzy hits are rare in training data: trust them like exact hits until data disagrees.
    rule_fuzzy = _precision((given & fuzzy).sum(), fuzzy.sum(), rule_exact, RULE_PRIOR)
    if not reviewed.any():
        return rule_exact, rule_fuzzy, (), ()
    g, e, f = given[reviewed], exact[reviewed], fuzzy[reviewed]
    pooled_exact = _precision((g & e).sum(), e.sum(), rule_exact, RULE_PRIOR)
    pooled_fuzzy = _precision((g & f).sum(), f.sum(), rule_fuzzy, RULE_PRIOR)
    k = config.rule_label_prior
    label_exact = tuple(
        _precision((g & e)[:, j].sum(), e[:, j].sum(), pooled_exact, k) for j in range(g.shape[1])
    )
    label_fuzzy = tuple(
        _precision((g & f)[:, j].sum(), f[:, j].sum(), pooled_fuzzy, k) for j in range(g.shape[1])
    )
    return rule_exact, rule_fuzzy, label_exact, label_fuzzy


def _fit_head(
    features: list[str], feats, y, given, has_model, weights, reviewed, config: Config
) -> Head:
    """Calibrate each part on out-of-fold data, then pick thresholds on the combination.

    Rule precision is measured against the labels as given (`given`), never against weak
    labels, which rule hits would make positive by construction. With enough reviewed
    texts, thresholds are fitted on those alone: they are the real feedback the tagger meets.
    """
    exact, fuzzy = feats["exact"].astype(bool), feats["fuzzy"].astype(bool)
    known = weights > 0  # texts x tags: False where a reviewed text's tag is undecided
    rule_exact, rule_fuzzy, label_exact, label_fuzzy = _rule_precision(
        given, exact & known, fuzzy & known, reviewed, config
    )
    coef: tuple[float, ...] = ()
    intercept = 0.0
    fit_rows = np.ones_like(reviewed)
    if features and config.stack and reviewed.sum() >= config.min_reviewed:
        # Enough real feedback to learn how far to trust rules against the model.
        features = [*features, "rule", "hit"]
        fit_rows = reviewed
    target = y[fit_rows][:, has_model].ravel()
    if features and 0 < target.sum() < target.size:
        pre = Head((), (), 0.0, rule_exact, rule_fuzzy, (), label_exact, label_fuzzy)
        rules = pre.probabilities(feats, has_model)
        derived = {**feats, "hit": np.maximum(exact, fuzzy), "rule": _logit(rules) * (rules > 0)}
        x = np.column_stack([derived[f][fit_rows][:, has_model].ravel() for f in features])
        w = weights[fit_rows][:, has_model].ravel()  # 0 where undecided: not learnt from
        platt = LogisticRegression(C=1.0, max_iter=1000).fit(x, target, sample_weight=w)
        coef = tuple(float(c) for c in platt.coef_[0])
        intercept = float(platt.intercept_[0])
    else:
        features = []
    head = Head(
        tuple(features), coef, intercept, rule_exact, rule_fuzzy, (), label_exact, label_fuzzy
    )
    # Thresholds are learnt only for tags with real examples; the rest go by their rules.
    usable = has_model & y.any(axis=0) if features else np.zeros_like(has_model)
    probs = head.probabilities(feats, has_model)
    rows = reviewed if reviewed.sum() >= config.min_reviewed else np.ones_like(reviewed)
    # An undecided tag is neither right nor wrong: never predicted, never missed.
    probs = np.where(known, probs, -1.0)
    thresholds, _ = _pick_thresholds(probs[rows], y[rows] & known[rows], usable, config.shrink)
    # Tags served by rules alone: any phrase hit is suggested, at its rule confidence.
    floor = min([rule_exact, rule_fuzzy, *label_exact, *label_fuzzy])
    thresholds[~usable] = floor - 1e-6 if config.rules else 1.0
    return Head(
        tuple(features),
        coef,
        intercept,
        rule_exact,
        rule_fuzzy,
        tuple(thresholds),
        label_exact,
        label_fuzzy,
    )


def train_tagger(
    labels: Sequence[Label], examples: Sequence[Example] = (), *, config: Config | None = None
) -> Tagger:
    """Train on the labels' own examples plus human-reviewed `examples`.

    A reviewed example with no codes is a confirmed "no tag" and teaches the model what
    off-topic feedback looks like. Deterministic: same inputs, same tagger and version.
    """
    config = config or Config()
    labels = _check_labels(labels)
    texts, given, is_seed, known = _training_set(labels, examples)
    n, n_labels = given.shape
    reviewed = ~is_seed
    # Per text and tag: a reviewed text counts for more; an undecided tag not at all.
    weights = np.where(reviewed, config.reviewed_weight, 1.0)[:, None] * known
    matcher = PhraseMatcher([lb.keywords if config.rules else () for lb in labels])
    exact = np.zeros((n, n_labels))
    fuzzy = np.zeros((n, n_labels))
    for i, text in enumerate(texts):
        for j, hit in matcher.match(text).items():
            (exact if hit.exact else fuzzy)[i, j] = 1.0
    y = given.copy()
    if config.weak_labels and reviewed.sum() < config.min_reviewed:
        # Seed examples are listed under one tag only, but "i never had my helth chek" (a
        # pledge-9 example) is just as much about annual health checks. Reviewed examples are
        # taken as given. Once there are enough of them they teach the twin tags better than
        # a guess from keywords does (measured on the review pool: +0.03 macro-F1 at 100).
        y[is_seed] |= (exact + fuzzy)[is_seed] > 0

    encoder = semantic.load_encoder() if config.semantic else None
    emb = encoder.encode(texts) if encoder is not None and n else None

    kw_texts, kw_y = _keyword_texts(labels) if config.keyword_texts else ([], y[:0])
    featuriser = linear = x = None
    has_model = np.zeros(n_labels, dtype=bool)
    if config.model and n:
        featuriser, x = Featuriser.fit_transform(texts + kw_texts)
        all_w = np.vstack([weights, np.ones((len(kw_texts), n_labels))])
        if n < LARGE:  # a large history's model is the mean of its fold models (below)
            linear = Linear.fit(x, np.vstack([y, kw_y]), config.C, config.min_positives, all_w)
            has_model = linear.has_model

    oof_scores, oof_sims = (None, None)
    if n and (config.model or emb is not None):
        shared = x if n >= LARGE else None
        oof_scores, oof_sims, fold_models = _out_of_fold(
            texts, y, weights, kw_texts, kw_y, emb, config, shared
        )
        if linear is None and fold_models:
            enough = np.vstack([y, kw_y]).sum(axis=0) >= config.min_positives
            linear = Linear.average(fold_models, enough)
            has_model = linear.has_model
    feats = {"exact": exact, "fuzzy": fuzzy}
    core: list[str] = []
    if config.model and oof_scores is not None:
        feats["model"] = oof_scores
        core.append("model")
    fit = (y, given, has_model, weights, reviewed, config)
    heads = {"core": _fit_head(core, feats, *fit)}
    if emb is not None and oof_sims is not None and core:
        feats["semantic"] = oof_sims
        heads["semantic"] = _fit_head([*core, "semantic"], feats, *fit)

    seed_texts = [text for lb in labels for text in lb.examples]
    seed_labels = [j for j, lb in enumerate(labels) for _ in lb.examples]
    digest = _sha(
        {
            "labels": [asdict(lb) for lb in labels],
            "examples": sorted(
                (e.text, sorted(e.codes), *([sorted(e.unknown)] if e.unknown else []))
                for e in examples
            ),
            "config": asdict(config),
            "semantic": encoder.name if encoder is not None else None,
        }
    )
    return Tagger(
        labels=labels,
        config=config,
        version=f"{ENGINE_VERSION}-{digest}",
        trained_on=n,
        featuriser=featuriser,
        linear=linear,
        heads=heads,
        seed_texts=seed_texts,
        seed_labels=np.array(seed_labels, dtype=np.int32),
        train_emb=emb,
        train_y=y if emb is not None else None,
    )
