"""The one disclosure rule (pure): the cell key, key-controlled rounding to 5, small numbers
hidden (zero too), breakdowns of a hidden total hidden, quotes only from big enough groups."""

import random
from collections import Counter

from insight.suppression import (
    FEWER_THAN,
    HIDDEN,
    QUOTE_GROUP_SHOWN,
    ROUND_TO,
    THRESHOLD,
    Records,
    cell_key,
    may_quote,
    protect,
    protect_breakdown,
    shown_change,
)

SECRET = b"test secret"


def _all_offsets(n: int) -> set[int | None]:
    """Every figure ``n`` records can show, over many record identities."""
    return {
        protect(Records(n, first, None), exact=False, secret=SECRET).value for first in range(400)
    }


def test_exact_viewers_see_true_counts():
    assert protect(Records(3, 1), exact=True).text == "3"
    assert protect(Records(1234, 1), exact=True).text == "1,234"
    assert protect(Records(0), exact=True).text == "0"


def test_zero_is_hidden_like_any_small_number():
    assert _all_offsets(0) == {None}
    assert protect(Records(0), exact=False, secret=SECRET) == HIDDEN
    assert HIDDEN.text == FEWER_THAN and HIDDEN.suppressed


def test_one_or_two_are_always_hidden_and_anything_shown_is_a_multiple_of_five_near_the_truth():
    assert _all_offsets(1) == {None, 5} and _all_offsets(4) == {None, 5}
    for n in range(0, 300):
        for value in _all_offsets(n) - {None}:
            assert value % ROUND_TO == 0 and value >= THRESHOLD
            assert n - (ROUND_TO - 1) <= value <= n + (ROUND_TO - 1)


def test_the_same_records_always_give_the_same_figure():
    records = Records(23, 1001, 17)
    first = protect(records, exact=False, secret=SECRET)
    assert all(protect(records, exact=False, secret=SECRET) == first for _ in range(20))
    assert cell_key(records, SECRET) == cell_key(Records(23, 1001, 17), SECRET)


def test_the_rounding_is_right_on_average():
    """Offsets 0 to 4 are (near enough) equally likely, so 13 shows as 10 three times in five
    and 15 twice: the average of many rounded figures is the true figure."""
    offsets = Counter(cell_key(Records(1, first), SECRET) % ROUND_TO for first in range(20_000))
    assert all(abs(count / 20_000 - 0.2) < 0.015 for count in offsets.values())
    rng = random.Random(4)
    for n in (7, 13, 58):
        values = [
            protect(Records(n, rng.randrange(10**9)), exact=False, secret=SECRET).value
            for _ in range(20_000)
        ]
        assert abs(sum(values) / len(values) - n) < 0.15


def test_a_key_does_not_depend_on_newer_records():
    """Records added after the oldest one (someone adding their own answers) never change
    the key: the same group cannot be asked for a fresh roll of the dice."""
    base = Records(3, 50)
    assert cell_key(base + Records(1, 900), SECRET) == cell_key(base + Records(1, 901), SECRET)


def test_records_add_up_and_keep_the_oldest():
    total = Records(2, 9, None) + Records(3, 4, 7) + Records()
    assert total == Records(5, 4, 7)


def test_breakdowns_of_a_hidden_total_are_hidden():
    visible = protect(Records(40, 3), exact=False, secret=SECRET)
    rows = {"a": visible, "b": HIDDEN}
    assert protect_breakdown(HIDDEN, rows) == {"a": HIDDEN, "b": HIDDEN}
    assert protect_breakdown(visible, rows) == rows


def test_quotes_need_a_group_that_shows_ten_so_at_least_six_people():
    assert QUOTE_GROUP_SHOWN == 10
    for n in range(0, 6):
        assert not any(
            may_quote(protect(Records(n, f), exact=False, secret=SECRET), exact=False)
            for f in range(300)
        )
    assert any(
        may_quote(protect(Records(6, f), exact=False, secret=SECRET), exact=False)
        for f in range(300)
    )


def test_change_is_from_shown_figures_and_unknown_when_either_is_hidden():
    ten = protect(Records(10, 1), exact=True)
    assert shown_change(HIDDEN, ten) is None
    assert shown_change(ten, protect(Records(15, 1), exact=True)) == 5
