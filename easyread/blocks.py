"""Easy-read StreamField blocks.

Each block knows how to check itself (``easyread_findings``) with the pure functions in
``easyread.checks``. ``clean()`` raises only the blocking errors (a point with no picture, a
picture with no alt text); every other finding is a warning that the editor sees next to the
block (see ``easyread.findings`` and ``cms.panels``), never a reason to refuse saving.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from . import checks
from .pictures import picture_choices, picture_description, picture_url

PREVIEW_TEMPLATE = "easyread/blocks/preview.html"


class HeadingBlock(blocks.StructBlock):
    """A heading that splits the page into short parts people can find again."""

    text = blocks.CharBlock(
        max_length=120, help_text="A few words that say what this part is about."
    )
    level = blocks.ChoiceBlock(
        choices=[(str(n), f"Level {n}") for n in range(2, 7)],
        default="2",
        help_text=(
            "Level 2 for the main parts of the page, level 3 for parts inside them. Do not "
            "skip levels: screen reader users move around the page by heading level."
        ),
    )

    class Meta:
        icon = "title"
        template = "easyread/blocks/heading.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "What is a health check?", "level": "2"}
        description = "A heading for the next part of the page."
        help_text = "Use short headings. Level 2 for main parts, level 3 inside them."

    def easyread_findings(self, value, *, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        return checks.check_text(value["text"], glossary=glossary)


def point_picture(value) -> dict:
    """What a point shows: the picture's url or image, and the alt text to use ("" if none).

    An uploaded image takes the alt text written in the block, or else the image's own
    description; a shipped picture falls back to the description drawn into the SVG.
    """
    alt = (value.get("alt_text") or "").strip()
    image = value.get("image")
    name = value.get("picture") or ""
    if image is not None:
        alt = alt or (getattr(image, "description", "") or "").strip()
        return {"image": image, "url": None, "alt": alt, "present": True}
    if name:
        alt = alt or picture_description(name)
        return {"image": None, "url": picture_url(name), "alt": alt, "present": True}
    return {"image": None, "url": None, "alt": alt, "present": False}


class PointBlock(blocks.StructBlock):
    """An easy-read point: one picture on the left, 1 to 3 short sentences on the right."""

    text = blocks.TextBlock(
        rows=3,
        help_text=(
            "1 to 3 short sentences, 15 words or fewer each. One idea in each sentence. "
            "Hard words in the glossary are explained for you."
        ),
    )
    image = ImageChooserBlock(
        required=False, help_text="A picture that shows what the words mean."
    )
    picture = blocks.ChoiceBlock(
        choices=picture_choices,
        required=False,
        help_text="Or choose one of our simple pictures.",
    )
    alt_text = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=(
            "What the picture shows, in a few words, for people who use screen readers. "
            "Leave empty to use the picture's own description."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the picture adds nothing to the words. Screen readers skip it.",
    )

    class Meta:
        icon = "image"
        template = "easyread/blocks/point.html"
        preview_template = PREVIEW_TEMPLATE
        form_classname = "struct-block ev-point-block"
        preview_value = {
            "text": "You can have a health check every year.\nIt is free.",
            "picture": "health-check",
        }
        description = "One picture beside 1 to 3 short sentences."
        help_text = "Every point needs a picture. Keep to 1 to 3 short sentences."

    @staticmethod
    def _check_point(value, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        shown = point_picture(value)
        present = shown["present"]
        return checks.check_point(
            sentences=[value.get("text") or ""],
            pictures=1 if present else 0,
            alt_texts=[shown["alt"]] if present else [],
            decorative=[bool(value.get("decorative"))] if present else [],
            glossary=glossary,
        )

    def clean(self, value):
        value = super().clean(value)
        errors: dict[str, ValidationError] = {}
        for finding in self._check_point(value):
            if not finding.blocking:
                continue
            field = "alt_text" if finding.code == checks.Code.ALT_TEXT_MISSING else "picture"
            errors.setdefault(field, ValidationError(finding.message, code=finding.code))
        if errors:
            raise blocks.StructBlockValidationError(
                block_errors={name: ErrorList([error]) for name, error in errors.items()}
            )
        return value

    def easyread_findings(self, value, *, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        return self._check_point(value, glossary)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["shown"] = point_picture(value)
        context["lines"] = [line.strip() for line in value["text"].splitlines() if line.strip()]
        return context


class KeyMessageBlock(blocks.StructBlock):
    """The one thing people must remember, in a box."""

    text = blocks.TextBlock(
        rows=2, help_text="1 or 2 short sentences. Use it once or twice on a page, not more."
    )

    class Meta:
        icon = "pick"
        template = "easyread/blocks/key_message.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Your health check is free."}
        description = "A box with the most important message."
        help_text = "The one thing people must remember."

    def easyread_findings(self, value, *, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        return checks.check_text(value["text"], glossary=glossary)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["lines"] = [line.strip() for line in value["text"].splitlines() if line.strip()]
        return context


class NumberedStepsBlock(blocks.StructBlock):
    """Things to do in order, with big numbers."""

    steps = blocks.ListBlock(
        blocks.CharBlock(max_length=200, help_text="One short sentence for each step."),
        min_num=2,
        help_text="Put the steps in the order people do them.",
    )

    class Meta:
        icon = "list-ol"
        template = "easyread/blocks/numbered_steps.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "steps": ["Phone your GP surgery.", "Ask for your health check.", "Go to see them."]
        }
        description = "Steps with big numbers, for things to do in order."
        help_text = "One short sentence for each step."

    def easyread_findings(self, value, *, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        return checks.check_text("\n".join(value["steps"]), glossary=glossary)


class GlossaryTermBlock(blocks.StructBlock):
    """A hard word from the glossary, explained in a box where the page needs it."""

    term = SnippetChooserBlock(
        "easyread.GlossaryTerm",
        help_text=(
            "Choose a hard word. Glossary words are also explained automatically the first "
            "time they appear in a point; use this block to explain one on its own."
        ),
    )

    class Meta:
        icon = "help"
        template = "easyread/blocks/glossary_term.html"
        description = "A box that explains a hard word."
        help_text = "Explain a hard word from the glossary."

    def easyread_findings(self, value, *, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        term = value.get("term")
        if term is None:
            return []
        return checks.check_text(term.explanation, glossary=glossary)


class VideoBlock(blocks.StructBlock):
    """A short video with captions and a written transcript (WCAG 1.2.2 and 1.2.3)."""

    title = blocks.CharBlock(max_length=120, help_text="What the video is about.")
    video = DocumentChooserBlock(help_text="The video file (MP4 or WebM), kept on this site.")
    captions = DocumentChooserBlock(
        help_text="Captions file (WebVTT, .vtt). Videos must have captions for deaf people."
    )
    transcript = blocks.TextBlock(
        help_text="Everything said in the video, written down, for people who cannot watch it."
    )

    class Meta:
        icon = "media"
        template = "easyread/blocks/video.html"
        description = "A video with captions and a transcript."
        help_text = "Videos need captions and a transcript."

    def easyread_findings(self, value, *, glossary: Iterable[str] = ()) -> list[checks.Finding]:
        return checks.check_text(value["title"], glossary=glossary)


class EasyReadStreamBlock(blocks.StreamBlock):
    """The body of an easy-read page."""

    heading = HeadingBlock()
    point = PointBlock()
    key_message = KeyMessageBlock()
    steps = NumberedStepsBlock()
    hard_word = GlossaryTermBlock()
    video = VideoBlock()

    class Meta:
        block_counts = {"key_message": {"max_num": 3}}
