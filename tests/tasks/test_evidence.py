"""Evidence by occlusion (tasks/evidence.py): the words of the text itself that drove a score."""

import numpy as np

from tasks.evidence import explain, snippets


def fake_scores(texts):
    """Tag 0 fires on 'respite' (strongly) and 'carer' (a little); tag 1 on nothing."""
    out = []
    for t in texts:
        logit = -3 + 8 * ("respite" in t) + 0.2 * ("carer" in t)
        out.append([1 / (1 + np.exp(-logit)), 0.01])
    return np.array(out)


def test_the_driving_word_is_found_and_marked_in_the_text():
    text = "As a carer my respite was cut, and respite matters."
    drivers = explain(text, [0, 1], fake_scores)
    assert [d.word for d in drivers[0]] == ["respite"]
    assert drivers[0][0].spans == ((14, 21), (35, 42))
    assert drivers[1] == []  # nothing in the text drove tag 1
    (snippet,) = snippets(text, drivers[0])
    marked = [chunk for chunk, on in snippet.pieces if on]
    assert marked == ["respite", "respite"]
    assert "".join(chunk for chunk, _ in snippet.pieces) in text


def test_an_empty_text_explains_nothing():
    assert explain("", [0], fake_scores) == {0: []}
    assert snippets("", []) == []
