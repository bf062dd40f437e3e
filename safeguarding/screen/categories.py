"""The wording of each safeguarding category (``data/categories.toml``). Pure Python."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

CATEGORIES_FILE = Path(__file__).resolve().parent.parent / "data" / "categories.toml"


@lru_cache(maxsize=1)
def category_labels() -> dict[str, str]:
    """slug -> what the lead reads, in the order shown."""
    return dict(tomllib.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))["labels"])


def category_label(slug: str) -> str:
    return category_labels().get(slug, slug.replace("-", " ").capitalize())
