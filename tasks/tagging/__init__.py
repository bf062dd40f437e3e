"""Suggest pledge and pathway tags for feedback text. Pure Python: no Django in here.

tagger = train_tagger(labels_from_seed(seed), reviewed_examples)
tagger.predict("i never had my helth chek")  # [Suggestion("annual-health-checks", ...)]
blob = tagger.dumps(); Tagger.loads(blob)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.model_selection import KFold

from .io import labels_from_seed, read_labelled_csv, read_taxonomy_csv
from .metrics import score
from .tagger import ENGINE_VERSION, Config, Tagger, train_tagger
from .types import Example, Label, Suggestion

__all__ = [
    "ENGINE_VERSION",
    "Config",
    "Example",
    "Label",
    "Suggestion",
    "Tagger",
    "cross_validate",
    "evaluate",
    "labels_from_seed",
    "read_labelled_csv",
    "read_taxonomy_csv",
    "train_tagger",
]


def evaluate(tagger: Tagger, test: Sequence[Example], labels: Sequence[str]) -> dict:
    """Micro/macro precision, recall and F1 of `tagger` on `test`, over codes in `labels`."""
    predicted = tagger.predict_many([ex.text for ex in test])
    return score([ex.codes for ex in test], [{s.code for s in p} for p in predicted], labels)


def cross_validate(labels: Sequence[Label], examples: Sequence[Example], folds: int = 5) -> dict:
    """K-fold estimate on reviewed `examples` (the labels' seed examples always train).

    Same shape as `evaluate`; predictions from every fold are pooled before scoring.
    """
    examples = list(examples)
    if len(examples) < 2:
        raise ValueError("cross-validation needs at least 2 reviewed examples")
    folds = max(2, min(folds, len(examples)))
    predicted: list[set[str]] = [set() for _ in examples]
    for train, test in KFold(folds, shuffle=True, random_state=0).split(np.arange(len(examples))):
        tagger = train_tagger(labels, [examples[i] for i in train])
        for i, sugg in zip(
            test, tagger.predict_many([examples[i].text for i in test]), strict=True
        ):
            predicted[i] = {s.code for s in sugg} - examples[i].unknown  # undecided: not scored
    return score([ex.codes for ex in examples], predicted, [lb.code for lb in labels])
