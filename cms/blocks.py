"""Blocks for the standard (not easy-read) version of pages."""

from wagtail import blocks

from easyread.blocks import HeadingBlock


class InsetTextBlock(blocks.StructBlock):
    """A short piece of text set apart, for something people should not miss."""

    text = blocks.RichTextBlock(features=["bold", "link"], help_text="1 or 2 sentences.")

    class Meta:
        icon = "pick"
        template = "cms/blocks/inset_text.html"
        preview_value = {"text": "<p>The survey closes on 31 March.</p>"}
        description = "Text in a box with a blue line beside it."
        help_text = "For something people should not miss. Use it sparingly."


class StandardStreamBlock(blocks.StreamBlock):
    """The body of the standard version of a page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="cms/blocks/paragraph.html",
        help_text="Plain English: short sentences, everyday words.",
        preview_value="<p>We want to hear what you think about annual health checks.</p>",
        description="Paragraphs of text.",
    )
    inset = InsetTextBlock()
