"""The pictures shipped with the site (static/pictures/*.svg) that questions can use."""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static

FACE_PICTURES = {
    1: "face-1-very-unhappy",
    2: "face-2-unhappy",
    3: "face-3-neither",
    4: "face-4-happy",
    5: "face-5-very-happy",
    "dont_know": "face-dont-know",
}


@cache
def _picture_names() -> tuple[str, ...]:
    folders = [Path(d) / "pictures" for d in settings.STATICFILES_DIRS]
    names = {p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.svg")}
    return tuple(sorted(names))


def picture_choices() -> list[tuple[str, str]]:
    """Choices for the 'shipped picture' field (a callable, so migrations do not list files)."""
    return [(name, name.replace("-", " ").capitalize()) for name in _picture_names()]


def picture_url(name: str) -> str:
    return static(f"pictures/{name}.svg") if name else ""
