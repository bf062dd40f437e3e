"""Multi-label precision, recall and F1, micro and macro averaged.

Macro averages only over labels that occur in the test set, so a test set that happens to
lack a rare tag is not punished (or flattered) for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(
    gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]], labels: Sequence[str]
) -> dict:
    """Compare gold and predicted code sets per text; codes outside `labels` are ignored."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have the same length")
    wanted = list(dict.fromkeys(labels))
    counts = {code: [0, 0, 0] for code in wanted}  # tp, fp, fn
    for g_codes, p_codes in zip(gold, predicted, strict=True):
        g, p = set(g_codes), set(p_codes)
        for code in wanted:
            c = counts[code]
            if code in p and code in g:
                c[0] += 1
            elif code in p:
                c[1] += 1
            elif code in g:
                c[2] += 1
    per_label, present = {}, []
    for code, (tp, fp, fn) in counts.items():
        precision, recall, f1 = _prf(tp, fp, fn)
        per_label[code] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": tp + fn,
        }
        if tp + fn:
            present.append(f1)
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    micro_p, micro_r, micro_f1 = _prf(tp, fp, fn)
    return {
        "micro_f1": round(micro_f1, 4),
        "macro_f1": round(sum(present) / len(present), 4) if present else 0.0,
        "micro_precision": round(micro_p, 4),
        "micro_recall": round(micro_r, 4),
        "n_test": len(gold),
        "per_label": per_label,
    }


def _f1_counts(tp, fp, fn):
    import numpy as np

    return np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)


def _bootstrap(gold: list[set[str]], predicted: list[set[str]], labels, n: int, seed: int):
    import numpy as np

    codes = list(dict.fromkeys(labels))
    m = len(gold)
    g = np.array([[c in s for c in codes] for s in gold], dtype=bool).reshape(m, len(codes))
    p = np.array([[c in s for c in codes] for s in predicted], dtype=bool).reshape(m, len(codes))
    tp, fp, fn = (g & p).astype(int), (~g & p).astype(int), (g & ~p).astype(int)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, m, size=(n, m)) if m else np.zeros((n, 0), dtype=int)
    # counts per resample: (n, labels)
    tps, fps, fns = tp[idx].sum(axis=1), fp[idx].sum(axis=1), fn[idx].sum(axis=1)
    # A resample that holds none of a label's texts (nothing gold, nothing predicted) says
    # nothing about it: its F1 is undefined, not 0, so it is left out of the interval (else a
    # perfect score on three texts shows as "1.00 (0.00-1.00)").
    f1s = np.where(2 * tps + fps + fns > 0, _f1_counts(tps, fps, fns), np.nan)
    point = _f1_counts(tp.sum(axis=0), fp.sum(axis=0), fn.sum(axis=0))
    out = {}
    for j, code in enumerate(codes):
        column = f1s[:, j]
        if m and not np.isnan(column).all():
            low, high = np.nanpercentile(column, [2.5, 97.5])
        else:
            low = high = point[j] if m else 0.0
        out[code] = {
            "f1": round(float(point[j]), 4),
            "low": round(float(low), 4),
            "high": round(float(high), 4),
            "support": int(g[:, j].sum()),
        }
    return out


def bootstrap_f1(
    gold: Sequence[Iterable[str]],
    predicted: Sequence[Iterable[str]],
    labels: Sequence[str],
    *,
    groups: Sequence[str] | None = None,
    n: int = 1000,
    seed: int = 0,
) -> dict:
    """Per-label F1 with a 95% percentile-bootstrap interval (texts resampled, `n` times).

    Returns ``{code: {"f1", "low", "high", "support"}}``. With ``groups`` (one value per text,
    e.g. the voice or the channel) returns ``{group: {code: ...}}`` for each group instead.
    Why an interval: most labels have a handful of reviewed texts, and one miss moves F1 a
    lot; the interval says how far the figure can be trusted. Deterministic for a `seed`.
    """
    gold_sets = [set(x) for x in gold]
    pred_sets = [set(x) for x in predicted]
    if len(gold_sets) != len(pred_sets):
        raise ValueError("gold and predicted must have the same length")
    if groups is None:
        return _bootstrap(gold_sets, pred_sets, labels, n, seed)
    groups = list(groups)
    if len(groups) != len(gold_sets):
        raise ValueError("groups must have one value per text")
    out = {}
    for value in sorted(set(groups)):
        rows = [i for i, v in enumerate(groups) if v == value]
        out[value] = _bootstrap(
            [gold_sets[i] for i in rows], [pred_sets[i] for i in rows], labels, n, seed
        )
    return out
