"""Question blocks for surveys: one block type per question type.

Every question shares the same parts (the question, its easy-read wording, a hint, an
optional picture, whether it must be answered); each type adds what it needs. The block's
StreamField id is the stable question id that answers point to, so editing the wording never
orphans answers. How each type becomes a form field is in ``questions.py``.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from easyread import checks

from .pictures import picture_choices

FFT_QUESTION = "Overall, how was your experience of our service?"
FFT_EASY_READ = "Did we do a good job?"
FFT_FOLLOW_UP = "Please can you tell us why you gave your answer?"


class BslVideoBlock(blocks.StructBlock):
    """The question signed in British Sign Language: optional, but a video needs captions and
    a transcript (WCAG 1.2.2, 1.2.3), like the easy-read video block. Files are kept on this
    site (Wagtail documents): no third-party player, nothing that tracks the person."""

    video = DocumentChooserBlock(
        required=False, help_text="The question signed in BSL (MP4 or WebM), kept on this site."
    )
    captions = DocumentChooserBlock(
        required=False, help_text="Captions file (WebVTT, .vtt) for the BSL video."
    )
    transcript = blocks.TextBlock(
        required=False,
        help_text="What the video says, written down, for people who cannot watch it.",
    )

    class Meta:
        icon = "media"
        label = "BSL video of the question"
        form_classname = "ev-bsl-video"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("video"):
            if not value.get("captions"):
                errors["captions"] = ValidationError("A BSL video needs a captions file.")
            if not (value.get("transcript") or "").strip():
                errors["transcript"] = ValidationError("A BSL video needs a transcript.")
        elif value.get("captions") or (value.get("transcript") or "").strip():
            errors["video"] = ValidationError("Choose the BSL video, or leave all three empty.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class QuestionBlock(blocks.StructBlock):
    """The parts every question has."""

    question = blocks.CharBlock(
        max_length=255,
        help_text="The question in plain words. It is the heading of its own page.",
    )
    easy_read = blocks.TextBlock(
        required=False,
        help_text=(
            "The same question in easy read: short, common words, one idea per sentence. "
            "Shown next to the picture, under the question."
        ),
    )
    hint = blocks.CharBlock(
        required=False, max_length=255, help_text="Optional help, e.g. 'Choose all that apply'."
    )
    picture = ImageChooserBlock(
        required=False,
        help_text="Optional picture that supports the easy-read words. Leave empty to use a "
        "shipped picture below, or none.",
    )
    shipped_picture = blocks.ChoiceBlock(
        choices=picture_choices,
        required=False,
        help_text="One of the site's easy-read pictures, used when no picture is chosen above.",
    )
    required = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if people must answer this to send their answers. "
        "Most questions should be skippable.",
    )
    bsl = BslVideoBlock(help_text="Optional: the question signed in BSL, shown on its page.")

    class Meta:
        icon = "help"

    def easyread_findings(self, value, *, glossary=()) -> list[checks.Finding]:
        """The same easy-read checks as a page's points, on the question, its easy-read
        wording and its answer options (warnings only: they never stop saving)."""
        texts = [value.get("question") or "", value.get("easy_read") or ""]
        for option in value.get("options") or []:
            texts.append(option if isinstance(option, str) else option.get("label") or "")
        return [
            f for text in texts if text.strip() for f in checks.check_text(text, glossary=glossary)
        ]


class RatherNotSayQuestionBlock(QuestionBlock):
    """A question where "I'd rather not say" fits (the choice-like types)."""

    rather_not_say = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text='Offer "I\'d rather not say" as an answer.',
    )


class ChoiceQuestionBlock(RatherNotSayQuestionBlock):
    options = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label="Answer"),
        min_num=2,
        help_text="The answers people can choose from, in plain words.",
    )


class SingleChoiceBlock(ChoiceQuestionBlock):
    """Choose one answer (radios)."""

    class Meta:
        icon = "radio-full"
        label = "Single choice"
        preview_value = {"question": "How did you hear about this?", "options": ["Post", "Email"]}


class MultipleChoiceBlock(ChoiceQuestionBlock):
    """Choose any number of answers (checkboxes)."""

    class Meta:
        icon = "tasks"
        label = "Multiple choice"
        preview_value = {"question": "Who helps you?", "options": ["Family", "Support worker"]}


class PictureOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=200, help_text="The words people see under the picture.")
    image = ImageChooserBlock(required=False)
    shipped_picture = blocks.ChoiceBlock(
        choices=picture_choices, required=False, help_text="Used when no image is chosen."
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("image") and not value.get("shipped_picture"):
            raise StructBlockValidationError(
                block_errors={"image": ValidationError("Choose an image or a shipped picture.")}
            )
        return value


class PictureChoiceBlock(RatherNotSayQuestionBlock):
    """Choose one picture (each with words)."""

    options = blocks.ListBlock(PictureOptionBlock(), min_num=2)

    class Meta:
        icon = "image"
        label = "Picture choice"


class FacesScaleBlock(RatherNotSayQuestionBlock):
    """Five faces from very unhappy to very happy, each with words, plus 'I don't know'."""

    class Meta:
        icon = "pick"
        label = "Faces scale"
        preview_value = {"question": "How do you feel about your health check?"}


class YesNoBlock(RatherNotSayQuestionBlock):
    """Yes / No / Not sure."""

    class Meta:
        icon = "tick"
        label = "Yes, no or not sure"


class BslAnswerQuestionBlock(QuestionBlock):
    """A question answered in the person's own words, which Deaf people may sign instead."""

    bsl_answer = blocks.BooleanBlock(
        required=False,
        help_text="Let people sign their answer in BSL (a video they record or upload). "
        "The engagement team watches it and writes a summary, which is then tagged.",
    )


class ShortTextBlock(BslAnswerQuestionBlock):
    """A single line of words."""

    max_length = blocks.IntegerBlock(
        default=200,
        min_value=1,
        max_value=500,
        help_text="Most characters allowed. Longer answers get a clear message, never cut.",
    )

    class Meta:
        icon = "pilcrow"
        label = "Short text"


class LongTextBlock(BslAnswerQuestionBlock):
    """A text box for people to say what they think in their own words."""

    max_length = blocks.IntegerBlock(
        default=2000,
        min_value=1,
        max_value=10000,
        help_text="Most characters allowed. Longer answers get a clear message, never cut.",
    )

    class Meta:
        icon = "doc-full"
        label = "Long text"


class AudioBlock(QuestionBlock):
    """Record an answer in the browser, or upload a recording (up to 10 MB)."""

    class Meta:
        icon = "media"
        label = "Audio answer"


class FriendsAndFamilyTestBlock(QuestionBlock):
    """The NHS Friends and Family Test: the national question, its six answers (with faces)
    and the follow-up 'why' question, ready to use."""

    question = blocks.CharBlock(max_length=255, default=FFT_QUESTION)
    easy_read = blocks.TextBlock(required=False, default=FFT_EASY_READ)
    follow_up = blocks.CharBlock(
        max_length=255, default=FFT_FOLLOW_UP, help_text="The free-text 'why' question."
    )
    follow_up_max_length = blocks.IntegerBlock(default=2000, min_value=1, max_value=10000)

    class Meta:
        icon = "pick"
        label = "Friends and Family Test"


class QuestionStreamBlock(blocks.StreamBlock):
    """The questions of a survey, one per page, in this order. Block names are the answer's
    question_type."""

    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    picture_choice = PictureChoiceBlock()
    faces = FacesScaleBlock()
    yes_no = YesNoBlock()
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    audio = AudioBlock()
    fft = FriendsAndFamilyTestBlock()

    class Meta:
        block_counts = {"fft": {"max_num": 1}}
