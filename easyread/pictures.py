"""The simple SVG pictures shipped with the project (``static/pictures``).

Editors can pick one of these instead of uploading an image, so every point can have a
picture even when nobody has drawn one yet. Choices are read from the folder at run time
(a callable, so adding a picture never needs a migration).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static

_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def _pictures_dir() -> Path:
    return Path(settings.BASE_DIR) / "static" / "pictures"


@lru_cache(maxsize=1)
def shipped_pictures() -> dict[str, str]:
    """Picture name -> its description (the SVG's <title>), in name order."""
    pictures: dict[str, str] = {}
    for path in sorted(_pictures_dir().glob("*.svg")):
        match = _TITLE_RE.search(path.read_text(encoding="utf-8"))
        title = match.group(1).strip() if match else path.stem.replace("-", " ").capitalize()
        pictures[path.stem] = title
    return pictures


def picture_choices() -> list[tuple[str, str]]:
    """Choices for a form field or ChoiceBlock: ("health-check", "health-check: A doctor…")."""
    return [(name, f"{name}: {title}") for name, title in shipped_pictures().items()]


def picture_url(name: str) -> str:
    return static(f"pictures/{name}.svg")


def picture_description(name: str) -> str:
    """A ready-made alt text for a shipped picture (editors can write a better one)."""
    return shipped_pictures().get(name, "")
