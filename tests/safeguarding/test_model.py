"""The safeguarding classifier: its training data, storage without pickle, and how the lead's
decisions retrain it (versioned). Pure Python (``-p no:django``)."""

from __future__ import annotations

from collections import Counter

import pytest

from safeguarding.screen import CATEGORIES, Decision, ScreenModel, default_model, train_model
from safeguarding.screen.model import SEVERITIES, pieces, training_examples

CARE_ACT_AND_MORE = {
    "physical-abuse", "sexual-abuse", "emotional-abuse", "financial-abuse", "neglect",
    "domestic-abuse", "discriminatory-abuse", "organisational-abuse", "exploitation",
    "self-neglect", "self-harm", "suicide", "missing-unsafe",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Overrides the cache-clearing autouse fixture: no Django needed here."""


def test_training_data_is_broad_and_well_formed() -> None:
    examples = training_examples()
    severity = Counter(e.severity for e in examples)
    assert set(severity) == set(SEVERITIES)
    assert severity["urgent"] >= 300 and severity["concern"] >= 150 and severity["none"] >= 800
    harm = Counter(e.category for e in examples if e.severity != "none")
    assert set(harm) <= set(CATEGORIES)
    assert all(harm[c] >= 10 for c in CARE_ACT_AND_MORE), harm
    assert {e.category for e in examples if e.severity == "none"} == {"none", "lookalike"}
    voices = Counter(e.voice for e in examples if e.severity != "none")
    assert all(voices[v] >= 50 for v in ("self", "autistic", "carer", "young_person", "staff"))
    texts = [e.text.strip().lower() for e in examples]
    assert len(texts) == len(set(texts)), "a text is in the examples twice"


# Unseen sets that were spent (each used for its one measurement) and then became training
# data (safeguarding/data/examples/spent_unseen_sets_a_to_o.txt). Every other unseen set, and
# every dev set, must stay out of training.
SPENT_INTO_TRAINING = {f"unseen_{letter}.csv" for letter in "abcdefghijklmno"}


def test_the_dev_and_unseen_sets_are_not_in_the_training_data() -> None:
    import csv
    from pathlib import Path

    train = {e.text.strip().lower() for e in training_examples()}
    here = Path(__file__).parent
    unseen = [
        p for p in sorted((here / "unseen").glob("*.csv")) if p.name not in SPENT_INTO_TRAINING
    ]
    for path in [*sorted((here / "dev").glob("*.csv")), *unseen]:
        with path.open(encoding="utf-8", newline="") as fh:
            overlap = [r for r in csv.DictReader(fh) if r["text"].strip().lower() in train]
        assert not overlap, f"{path.name}: {len(overlap)} texts are also training examples"


def test_the_spent_sets_in_training_are_exactly_their_csvs() -> None:
    """The spent sets enter training unedited (rebuilt by their script), so a later edit to an
    example cannot quietly drift from the set it came from; only texts already among the other
    examples or in a dev set are left out."""
    import csv
    from pathlib import Path

    from safeguarding.screen.model import EXAMPLES_DIR, read_examples

    spent_file = EXAMPLES_DIR / "spent_unseen_sets_a_to_o.txt"
    spent = [(e.text, e.severity) for e in read_examples(spent_file)]
    others = {e.text.lower() for e in training_examples()} - {t.lower() for t, _ in spent}
    here = Path(__file__).parent
    for path in sorted((here / "dev").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            others |= {" ".join(r["text"].split()).lower() for r in csv.DictReader(fh)}
    rows = []
    for name in sorted(SPENT_INTO_TRAINING):
        with (here / "unseen" / name).open(encoding="utf-8", newline="") as fh:
            rows += [(" ".join(r["text"].split()), r["severity"]) for r in csv.DictReader(fh)]
    assert spent == [r for r in rows if r[0].lower() not in others]
    assert len(spent) >= 4_700


def test_a_stored_model_loads_without_pickle_and_predicts_the_same() -> None:
    model = default_model()
    again = ScreenModel.loads(model.dumps())
    texts = ["he knelt on my chest", "the bus was late", "i gave my cat away, i wont need her"]
    assert again.version == model.version and again.config == model.config
    for a, b in zip(model.predict(texts), again.predict(texts), strict=True):
        assert a.harm == pytest.approx(b.harm, abs=1e-5)
        assert a.urgent == pytest.approx(b.urgent, abs=1e-5)
        assert a.categories == b.categories
    assert b"pickle" not in model.dumps()[:200]


def test_the_neighbour_memory_holds_the_training_texts_with_their_labels() -> None:
    """The harm score's nearest-neighbour half (model round after set K) reads the stored
    training features: a training text's nearest neighbour is itself, so the neighbour shares
    of disclosures and of look-alikes must follow their labels, in the trained model and in a
    stored one (a misaligned memory would silently turn the half into noise)."""
    import dataclasses

    from safeguarding.screen.rules import normalise

    model = default_model()
    assert model.memory is not None and model.memory_harm is not None
    assert model.memory.shape[0] == len(model.memory_harm) >= len(training_examples())
    harm = [e.text for e in training_examples() if e.severity != "none"][:25]
    ordinary = [e.text for e in training_examples() if e.category == "lookalike"][:25]
    for m in (model, ScreenModel.loads(model.dumps())):
        X = m._features([normalise(t) for t in harm + ordinary])
        share = m._neighbour_harm(X)
        assert share[: len(harm)].mean() > 0.8 and share[len(harm) :].mean() < 0.3
    # knn_weight 0 is the logistic head alone
    alone = dataclasses.replace(model, config=dataclasses.replace(model.config, knn_weight=0.0))
    text = ["the bus was late"]
    assert alone.predict(text)[0].harm != model.predict(text)[0].harm


def test_the_leads_decisions_retrain_a_new_version() -> None:
    examples = [e for e in training_examples() if e.voice == "self"]
    base = train_model(examples=examples)
    text = "zorbly the wibbler did the flurg to me again last night"
    taught = train_model(
        [Decision(text, "urgent", "physical-abuse"), Decision(text + " twice", "urgent",
                                                              "physical-abuse")],
        examples=examples,
    )  # fmt: skip
    assert taught.version != base.version and taught.version.startswith("sg-")
    assert taught.trained_on["decisions"] == 2
    assert taught.predict([text])[0].harm > base.predict([text])[0].harm
    # Same inputs, same version (deterministic), so a stored model can be matched to its data.
    assert train_model(examples=examples).version == base.version


def test_a_decision_replaces_the_example_with_the_same_text() -> None:
    examples = [e for e in training_examples() if e.voice == "autistic"]
    urgent = next(e for e in examples if e.severity == "urgent")
    model = train_model([Decision(urgent.text, "none", "none")], examples=examples)
    assert model.trained_on["urgent"] == sum(e.severity == "urgent" for e in examples) - 1


def test_a_disclosure_inside_a_long_text_is_read_sentence_by_sentence() -> None:
    filler = "The cafe is nice and the bus was on time. " * 30
    text = filler + "My carer knelt on my chest last night. " + filler
    assert len(pieces(text.lower())) > 1
    assert default_model().predict([text])[0].harm >= default_model().config.harm_threshold


def test_empty_and_whitespace_texts_score_zero() -> None:
    for p in default_model().predict(["", "   ", "\n\n"]):
        assert (p.harm, p.urgent, p.categories) == (0.0, 0.0, ())


def test_the_default_model_is_kept_on_disk_under_its_version(tmp_path, monkeypatch) -> None:
    from safeguarding.screen import model as model_module

    monkeypatch.setenv("SAFEGUARDING_MODEL_CACHE", str(tmp_path))
    model_module.default_model.cache_clear()
    try:
        first = model_module.default_model()
        stored = tmp_path / f"{first.version}.npz"
        assert stored.is_file()
        model_module.default_model.cache_clear()
        monkeypatch.setattr(model_module, "train_model", lambda *a, **k: pytest.fail("retrained"))
        again = model_module.default_model()
        assert again.version == first.version
        stored.write_bytes(b"damaged")  # a damaged file is never trusted
        model_module.default_model.cache_clear()
        monkeypatch.undo()
        monkeypatch.setenv("SAFEGUARDING_MODEL_CACHE", str(tmp_path))
        assert model_module.default_model().version == first.version
    finally:
        model_module.default_model.cache_clear()
