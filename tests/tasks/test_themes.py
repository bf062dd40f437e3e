"""Emerging themes: the pure engine, its recovery measure, and the discover_themes command."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tasks.tagging.themes import Theme, discover_themes, recovery, split_theme

PARKING = [
    f"parking at the hospital is awful, no spaces in the car park on day {i}" for i in range(8)
]
FOOD = [f"the food was cold and the meals had no choice, visit {i}" for i in range(8)]
OTHER = ["thank you", "lovely staff", "it was ok", "nothing to add"]


def test_themes_group_texts_that_talk_about_the_same_thing():
    texts = PARKING + FOOD + OTHER
    themes = discover_themes(texts, min_df=3, min_size=3, max_share=0.5)
    assert themes and len(themes) <= 60
    by_member = {frozenset(t.members): t for t in themes}
    parking = next(t for m, t in by_member.items() if m >= set(range(8)))
    assert not set(parking.members) & set(range(8, 16))  # no food texts in the parking theme
    assert any("park" in p for p in parking.key_phrases)
    assert discover_themes(texts, min_df=3, min_size=3, max_share=0.5) == themes  # deterministic
    assert discover_themes([]) == []


def test_split_puts_each_text_in_one_half_along_what_separates_them():
    spaces = [f"no parking spaces in the hospital car park, full again {i}" for i in range(5)]
    cost = [f"hospital parking charges cost too much money {i}" for i in range(5)]
    first, second = split_theme(spaces + cost)
    halves = sorted([set(first.members), set(second.members)], key=min)
    assert halves == [set(range(5)), set(range(5, 10))]
    assert split_theme(spaces + cost) == (first, second)  # deterministic
    assert split_theme(spaces[:3]) is None  # too few to split
    assert split_theme([f"parking at the hospital {i}" for i in range(6)]) is None  # all alike


def test_recovery_counts_a_theme_only_when_it_is_mostly_that_label():
    gold = [{"parking"}] * 10 + [{"food"}] * 10
    good = Theme("parking", ("parking",), tuple(range(4)))  # 40% recall, all parking
    mixed = Theme("mix", ("x",), tuple(range(5, 15)))  # half parking, half food
    result = recovery([good, mixed], gold, top=2)
    assert result["recovered"] == {"parking": "parking", "food": "mix"}
    assert recovery([Theme("tiny", (), (0, 1))], gold, top=2)["share"] == 0.0


def test_discover_themes_command_prints_the_contract():
    pool = Path(__file__).parent / "unseen" / "llr_pool.csv"  # has codes too: they are ignored
    out = StringIO()
    call_command("discover_themes", str(pool), "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert set(payload) == {"themes"} and 1 <= len(payload["themes"]) <= 60
    for theme in payload["themes"]:
        assert set(theme) == {"name", "key_phrases", "members"}
        assert theme["name"] == theme["key_phrases"][0]
        assert theme["members"] and all(0 <= i < 200 for i in theme["members"])


def test_discover_themes_command_reports_a_bad_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("words,codes\nhello,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="text"):
        call_command("discover_themes", str(path), "--json")
