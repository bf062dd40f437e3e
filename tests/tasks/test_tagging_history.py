"""A trust's whole history: training on thousands of labelled texts (the engine's large path).

From `tagger.LARGE` texts, every fold shares one vocabulary and the tagger's model is the mean
of its two fold models (`model.Linear.average`). Pure pytest, no Django. The history here is
generated in the test from a few themes, with words shared between themes and filler.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from tasks.tagging import Example, Label, Tagger, evaluate, train_tagger
from tasks.tagging.tagger import LARGE

THEMES = {
    "waiting": ["we waited four hours in the corridor", "the wait for a bed was far too long"],
    "parking": ["parking cost a fortune", "there were no spaces in the car park"],
    "food": ["the food on the ward was cold", "meals came late and were not hot"],
    "staff": ["the nurses were kind to my mum", "staff were caring and listened"],
    "discharge": ["i was sent home without my tablets", "the discharge took all day waiting"],
    "cleanliness": ["the toilets were dirty", "the ward was not clean at night"],
}
FILLER = ["it was a tuesday", "my daughter came with me", "overall ok", "thank you"]


def _history(n: int, seed: int) -> list[Example]:
    rng = random.Random(seed)
    codes = list(THEMES)
    rows = []
    for _ in range(n):
        chosen = rng.sample(codes, rng.choice((1, 1, 2)))
        parts = [rng.choice(THEMES[c]) for c in chosen]
        if rng.random() < 0.4:
            parts.append(rng.choice(FILLER))
        parts.append(f"visit {rng.randrange(10_000)}")  # real histories rarely repeat a text
        rng.shuffle(parts)
        rows.append(Example(". ".join(parts), frozenset(chosen)))
    return rows


@pytest.fixture(scope="module")
def labels() -> list[Label]:
    # Keywords that only partly cover the themes, as a real taxonomy's would.
    keywords = {"waiting": ("waited",), "parking": ("car park",), "food": ("food",)}
    return [Label(c, c.title(), "", keywords.get(c, ())) for c in THEMES]


@pytest.fixture(scope="module")
def history() -> list[Example]:
    return _history(LARGE + 200, seed=1)


@pytest.fixture(scope="module")
def tagger(labels, history) -> Tagger:
    return train_tagger(labels, history)


def test_large_history_tags_unseen_texts_well(labels, tagger, history):
    assert tagger.trained_on >= LARGE
    result = evaluate(tagger, _history(300, seed=2), [lb.code for lb in labels])
    assert result["macro_f1"] >= 0.9
    assert result["micro_f1"] >= 0.9
    # Every theme has a model, including those with no keywords at all.
    found = {s.code: s for s in tagger.predict("the nurses were kind and the toilets were dirty")}
    assert {"staff", "cleanliness"} <= set(found)
    assert all(s.method == "model" for s in found.values())


def test_large_history_training_is_deterministic_and_round_trips(labels, tagger, history):
    again = train_tagger(labels, history)
    assert again.version == tagger.version
    texts = [ex.text for ex in _history(50, seed=3)]
    assert np.allclose(again.scores(texts), tagger.scores(texts))
    loaded = Tagger.loads(tagger.dumps())
    assert np.allclose(loaded.scores(texts), tagger.scores(texts))
    assert loaded.predict_many(texts) == tagger.predict_many(texts)
