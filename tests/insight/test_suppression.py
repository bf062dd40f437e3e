"""The one suppression rule (pure): small numbers hidden, everything else rounded to 5."""

import itertools
import random

from insight.suppression import FEWER_THAN, protect, shown_change


def test_one_to_four_are_fewer_than_five():
    for n in range(1, 5):
        shown = protect(n, exact=False)
        assert shown.suppressed and shown.value is None and shown.text == FEWER_THAN


def test_zero_is_shown():
    assert protect(0, exact=False).text == "0"


def test_other_counts_round_to_nearest_five_never_below_five():
    assert [protect(n, exact=False).value for n in (5, 6, 7, 8, 12, 13, 1234)] == [
        5,
        5,
        5,
        10,
        10,
        15,
        1235,
    ]


def test_exact_viewers_see_true_counts():
    assert protect(3, exact=True).text == "3"
    assert protect(1234, exact=True).text == "1,234"


def test_every_shown_number_is_a_multiple_of_five_so_arithmetic_cannot_reveal_1_to_4():
    """Any sum or difference of shown numbers is a multiple of 5: subtracting totals from
    two filtered queries, or cells from a total, can never give an exact 1 to 4."""
    for n in range(0, 500):
        shown = protect(n, exact=False)
        assert shown.value is None or shown.value % 5 == 0
    rng = random.Random(6)
    for _ in range(2000):
        row = [rng.choice([0, 1, 2, 3, 4, rng.randint(5, 60)]) for _ in range(5)]
        total = protect(sum(row), exact=False)
        cells = [protect(n, exact=False) for n in row]
        visible = sum(c.value for c in cells if c.value is not None)
        if total.value is not None:
            assert (total.value - visible) % 5 == 0


def test_removing_one_person_never_changes_a_shown_figure_by_one():
    for a, b in itertools.pairwise(range(0, 200)):
        before, after = protect(a, exact=False), protect(b, exact=False)
        change = shown_change(before, after)
        assert change is None or change in (0, 5) or (a == 0)


def test_change_is_unknown_when_either_period_is_suppressed():
    assert shown_change(protect(3, exact=False), protect(20, exact=False)) is None
