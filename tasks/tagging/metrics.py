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
