"""Learning from review: weights, thresholds and rule trust fitted on reviewed texts; the
answer's own words as evidence; per-label F1 with bootstrap intervals. Pure (no Django)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tasks.tagging import Example, Label, labels_from_seed, read_labelled_csv, train_tagger
from tasks.tagging.metrics import bootstrap_f1, score
from tasks.tagging.tagger import Config

ROOT = Path(__file__).resolve().parents[2]
POOL = Path(__file__).resolve().parent / "unseen" / "llr_pool.csv"


@pytest.fixture(scope="module")
def labels() -> list[Label]:
    return labels_from_seed(json.loads((ROOT / "cms/seed/taxonomy.json").read_text()))


@pytest.fixture(scope="module")
def pool() -> list[Example]:
    return read_labelled_csv(POOL)


@pytest.fixture(scope="module")
def cold(labels):
    return train_tagger(labels)


# An idiom that happens to be one tag's keyword: in real feedback it is about services not
# joining up (pledge-7), not the autism team. Reviewed texts are the evidence.
GAPS = [
    "my mum fell through the gaps between the GP and the hospital",
    "he falls through the gaps every time he moves house",
    "people like us fall through the gaps, nobody joins anything up",
    "she fell through the gaps when the social worker left",
    "we keep falling through the gaps between health and the council",
]


def test_reviewed_texts_decide_how_far_a_rule_is_trusted(labels, pool, cold):
    gaps = [Example(t, frozenset({"pledge-7"})) for t in GAPS]
    tagger = train_tagger(labels, [*pool[:40], *gaps])
    assert "rule" in tagger._head().features  # rules and model combined as learnt on review
    text = "I feel like I fall through the gaps because nobody talks to each other"
    before = {s.code: s.confidence for s in cold.predict(text)}
    after = {s.code: s.confidence for s in tagger.predict(text)}
    assert before.get("autism-team", 0) > 0.8  # the over-firing the review screen showed
    assert "autism-team" not in after and "pledge-7" in after
    # Real autism-team feedback near it still gets the tag.
    near = "The specialist autism team stopped seeing him and now he falls through the gaps"
    assert "autism-team" in {s.code for s in tagger.predict(near)}


def test_an_undecided_tag_teaches_nothing_about_that_tag(labels, pool):
    """A suggestion still waiting for review (`unknown`) is neither right nor wrong: the same
    texts as above, with the autism-team suggestion left undecided instead of rejected."""
    gaps = [Example(t, frozenset({"pledge-7"}), frozenset({"autism-team"})) for t in GAPS]
    undecided = train_tagger(labels, [*pool[:40], *gaps])
    rejected = train_tagger(
        labels, [*pool[:40], *(Example(t, frozenset({"pledge-7"})) for t in GAPS)]
    )
    text = "I feel like I fall through the gaps because nobody talks to each other"
    assert "autism-team" in {s.code for s in undecided.predict(text)}  # not yet taught
    assert "autism-team" not in {s.code for s in rejected.predict(text)}  # taught by rejecting
    # What was decided is still learnt: the confirmed pledge-7 comes from the reviewed texts.
    assert "pledge-7" in {s.code for s in undecided.predict(text)}
    assert undecided.version != rejected.version


def test_reviewed_examples_weigh_more_than_seed_examples(labels):
    # One reviewed text saying the opposite of a seed example's label moves the model more
    # at weight 3 than at weight 1.
    text = "the autism service gave us advice but there is a waiting list for anything more"
    reviewed = [Example(text, frozenset({"autism-assessment"}))]

    def score_for(weight: float) -> float:
        tagger = train_tagger(labels, reviewed, config=Config(reviewed_weight=weight))
        return float(tagger.scores([text])[0, tagger.codes.index("autism-assessment")])

    assert score_for(3.0) > score_for(1.0)


def test_thresholds_are_refitted_on_reviewed_texts(labels, pool):
    few = train_tagger(labels, pool[:10])
    many = train_tagger(labels, pool[:60])
    assert "rule" not in few._head().features  # too few reviewed texts: seed calibration
    assert "rule" in many._head().features
    assert few.thresholds() != many.thresholds()


def test_explain_quotes_only_the_answers_own_words(cold):
    text = "Nobody came when he was in CRISIS at 2am, we had to ring the police"
    found = cold.explain(text, "crisis-support")
    phrases = next(lb.keywords for lb in cold.labels if lb.code == "crisis-support")
    # The rule's phrase first, as written ("CRISIS" or "at 2am": both are its phrases).
    assert found and found[0][0] in text and found[0][0].lower() in phrases
    for phrase, weight in found:
        assert phrase.lower() in text.lower() and weight > 0
    # Model evidence (no keyword in the text) is words of the answer, never a seed example.
    for suggestion in cold.predict("they sent him home from the ward with no support at all"):
        if suggestion.method == "model":
            quoted = suggestion.evidence.removeprefix("words: ").split(", ")
            assert all(
                q.strip('"') in "they sent him home from the ward with no support at all"
                for q in quoted
            )
    with pytest.raises(KeyError):
        cold.explain(text, "no-such-code")


def test_bootstrap_interval_holds_the_point_and_narrows_with_more_texts():
    gold = [{"a"}, {"a"}, {"b"}, {"a", "b"}, set(), {"b"}] * 3
    pred = [{"a"}, set(), {"b"}, {"a"}, {"a"}, {"b"}] * 3
    ci = bootstrap_f1(gold, pred, ["a", "b"], n=500)
    plain = score(gold, pred, ["a", "b"])["per_label"]
    for code in ("a", "b"):
        assert ci[code]["f1"] == plain[code]["f1"]
        assert ci[code]["low"] <= ci[code]["f1"] <= ci[code]["high"]
        assert ci[code]["support"] == plain[code]["support"]
    wide = bootstrap_f1(gold[:6], pred[:6], ["a"], n=500)["a"]
    narrow = bootstrap_f1(gold * 5, pred * 5, ["a"], n=500)["a"]
    assert narrow["high"] - narrow["low"] < wide["high"] - wide["low"]
    assert bootstrap_f1(gold, pred, ["a"], n=200) == bootstrap_f1(gold, pred, ["a"], n=200)


def test_a_perfect_score_on_few_texts_has_no_interval_down_to_zero():
    # Three texts of "a" among ten, all tagged right: resamples without any "a" text say
    # nothing about it and are left out, rather than counted as F1 0 (found on the health
    # page: "Self: 1.00 (0.00-1.00)").
    gold = [{"a"}] * 3 + [set()] * 7
    ci = bootstrap_f1(gold, list(gold), ["a"], n=500)["a"]
    assert ci == {"f1": 1.0, "low": 1.0, "high": 1.0, "support": 3}
    # A label nobody used and the tagger never suggested keeps a flat interval at its point.
    assert bootstrap_f1(gold, list(gold), ["z"], n=50)["z"] == {
        "f1": 0.0,
        "low": 0.0,
        "high": 0.0,
        "support": 0,
    }
    # A label missed once still gets a real interval below 1.
    wrong = [set()] + [{"a"}] * 2 + [set()] * 7
    missed = bootstrap_f1(gold, wrong, ["a"], n=500)["a"]
    assert missed["low"] < missed["f1"] < 1.0


def test_bootstrap_splits_by_group():
    gold = [{"a"}, {"a"}, {"a"}, {"a"}]
    pred = [{"a"}, {"a"}, set(), set()]
    by_voice = bootstrap_f1(gold, pred, ["a"], groups=["self", "self", "carer", "carer"])
    assert by_voice["self"]["a"]["f1"] == 1.0 and by_voice["carer"]["a"]["f1"] == 0.0
    with pytest.raises(ValueError):
        bootstrap_f1(gold, pred, ["a"], groups=["self"])
