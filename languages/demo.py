"""Demo content: the health-checks consultation and its survey in Gujarati and Urdu.

The words are in ``data/demo/<code>.json`` (English -> translation). They are drafts that a
fluent speaker from the community has not checked, so every page says "draft translation, to
be checked" until staff remove the mark.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model
from wagtail.models import Locale

from .services import page_translate

DEMO_DIR = Path(__file__).resolve().parent / "data" / "demo"
DEMO_LANGUAGES = ("gu", "ur")
DRAFT_NOTE = "Demo content: draft translation, to be checked by a fluent speaker."
BSL_TITLE = "Watch this in British Sign Language (BSL)"
BSL_TRANSCRIPT = (
    "Hello. This is an introduction in British Sign Language.\n"
    "This is a placeholder. A Deaf BSL user will record the real video."
)


def _document(title: str, path: Path):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    with path.open("rb") as handle:
        return Document.objects.create(title=title, file=File(handle, name=path.name))


def bsl_intro_ensure(consultation, report) -> None:
    """A BSL introduction (a tiny placeholder video, kept on this site) with WebVTT captions
    and a transcript, first on the consultation's easy-read page."""
    if any(block.block_type == "video" for block in consultation.easy_read_body):
        return
    video = _document("BSL introduction (placeholder video)", DEMO_DIR / "bsl-intro.webm")
    captions = _document("BSL introduction captions", DEMO_DIR / "bsl-intro.vtt")
    body = [(b.block_type, b.value, b.id) for b in consultation.easy_read_body]
    value = {
        "title": BSL_TITLE,
        "video": video,
        "captions": captions,
        "transcript": BSL_TRANSCRIPT,
    }
    consultation.easy_read_body = [("video", value), *[(t, v) for t, v, _ in body]]
    consultation.save_revision().publish()
    report.created.append("BSL introduction video with captions")


def demo_strings(code: str) -> dict[str, str]:
    data = json.loads((DEMO_DIR / f"{code}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def on_demo_pages_ready(sender, *, report, consultation, **kwargs) -> None:
    """Receiver of ``cms.demo.demo_pages_ready`` (sent once every app's demo pages exist)."""
    translations_ensure(consultation, report)


def translations_ensure(consultation, report) -> None:
    """Translate the home page, the consultation list, the consultation and its children."""
    bsl_intro_ensure(consultation, report)
    index = consultation.get_parent().specific
    home = index.get_parent().specific
    pages = [home, index, consultation, *consultation.get_children().specific()]
    for code in DEMO_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        strings = demo_strings(code)
        for page in pages:
            if page.get_translation_or_none(locale) is not None:
                continue
            page_translate(page=page, language_code=code, strings=strings, draft_note=DRAFT_NOTE)
            report.created.append(f"{code} translation of /{page.slug}/")
