"""How each question type becomes a form field, an answer value and words on a page.

``QuestionFormBuilder`` follows wagtail.contrib.forms' FormBuilder: one ``create_<type>_field``
per question type, so a new type is one block plus one method here (and a template). Answer
values are small JSON objects, the same shape for every response:

    {"choice": "Post"}                 single choice, picture choice, yes/no ("yes"...)
    {"choices": ["Family", "GP"]}      multiple choice
    {"face": 4} / {"dont_know": true}  faces scale
    {"text": "..."}                    short and long text (also copied to Answer.text)
    {"audio": true}                    audio (the file is on the Answer)
    {"bsl_video": true}                signed in BSL (the video is on the Answer; its text is
                                       the staff member's summary, once written)
    {"rating": "good", "why": "..."}   Friends and Family Test
    {"rather_not_say": true}           any choice-like question
    None                               skipped
"""

import re
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_noop, ngettext

from .pictures import FACE_PICTURES, picture_url

RATHER_NOT_SAY = "rather_not_say"
BSL_VIDEO = "bsl_video"
# The built-in questions' words are marked for the message catalogues but kept as plain
# strings: questions are built once per process for every language, so they are translated
# where they are shown (includes/choices.html, ``answer_display``).
BSL_VIDEO_LABEL = gettext_noop("A video in British Sign Language (BSL)")
DONT_KNOW = "dont_know"
RATHER_NOT_SAY_LABEL = gettext_noop("I'd rather not say")

FACES = [
    (1, gettext_noop("Very unhappy")),
    (2, gettext_noop("Unhappy")),
    (3, gettext_noop("Not happy or unhappy")),
    (4, gettext_noop("Happy")),
    (5, gettext_noop("Very happy")),
]
YES_NO = [
    ("yes", gettext_noop("Yes")),
    ("no", gettext_noop("No")),
    ("not_sure", gettext_noop("Not sure")),
]
FFT_RATINGS = [
    ("very_good", gettext_noop("Very good"), 5),
    ("good", gettext_noop("Good"), 4),
    ("neither", gettext_noop("Neither good nor poor"), 3),
    ("poor", gettext_noop("Poor"), 2),
    ("very_poor", gettext_noop("Very poor"), 1),
    (DONT_KNOW, gettext_noop("Don't know"), DONT_KNOW),
]
QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "picture_choice",
    "faces",
    "yes_no",
    "short_text",
    "long_text",
    "audio",
    "fft",
)
# Questions answered in the person's own words, which they may sign in BSL instead.
BSL_ANSWER_TYPES = frozenset({"short_text", "long_text"})
# Control characters other than tab and newlines are never part of what someone wrote (and
# PostgreSQL cannot store NUL), so they are removed rather than refused.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    picture_url: str = ""
    exclusive: bool = False


@dataclass(frozen=True)
class Question:
    """A question as the participant pages need it (built from a StreamField child)."""

    id: str
    type: str
    number: int
    text: str
    easy_read: str = ""
    hint: str = ""
    picture_url: str = ""
    required: bool = False
    rather_not_say: bool = False
    options: tuple[Option, ...] = field(default_factory=tuple)
    max_length: int = 0
    follow_up: str = ""
    follow_up_max_length: int = 0
    # The question signed in BSL: {"video": url, "captions": url, "transcript": str} or None.
    bsl_video: dict | None = None
    # Whether the person may sign their answer in BSL (a video) instead of writing it.
    bsl_answer: bool = False

    @property
    def is_choice(self) -> bool:
        return self.type in {"single_choice", "picture_choice", "faces", "yes_no", "fft"}


def _image_url(image) -> str:
    if image is None:
        return ""
    spec = "max-400x400|preserve-svg" if image.is_svg() else "max-400x400"
    return image.get_rendition(spec).url


def _bsl_video(value) -> dict | None:
    """The question's BSL video as the page needs it (URLs on this site), when it has one."""
    bsl = value.get("bsl") or {}
    video, captions = bsl.get("video"), bsl.get("captions")
    if video is None:
        return None
    return {
        "video": video.url,
        "captions": captions.url if captions is not None else "",
        "transcript": bsl.get("transcript") or "",
    }


def question_from_block(child, number: int) -> Question:
    """Turn one StreamField child (block_type, value, id) into a ``Question``."""
    v = child.value
    kind = child.block_type
    options: list[Option] = []
    if kind in {"single_choice", "multiple_choice"}:
        options = [Option(label, label) for label in v["options"]]
    elif kind == "picture_choice":
        options = [
            Option(
                o["label"],
                o["label"],
                _image_url(o.get("image")) or picture_url(o.get("shipped_picture") or ""),
            )
            for o in v["options"]
        ]
    elif kind == "faces":
        options = [Option(str(n), words, picture_url(FACE_PICTURES[n])) for n, words in FACES]
        options.append(
            Option(DONT_KNOW, gettext_noop("I don't know"), picture_url(FACE_PICTURES[DONT_KNOW]))
        )
    elif kind == "yes_no":
        options = [Option(value, label) for value, label in YES_NO]
    elif kind == "fft":
        options = [
            Option(value, label, picture_url(FACE_PICTURES[face]))
            for value, label, face in FFT_RATINGS
        ]
    rather_not_say = bool(v.get("rather_not_say")) and kind != "fft"
    if rather_not_say:
        exclusive = kind == "multiple_choice"
        options.append(Option(RATHER_NOT_SAY, RATHER_NOT_SAY_LABEL, exclusive=exclusive))
    return Question(
        id=child.id,
        type=kind,
        number=number,
        text=v["question"],
        easy_read=v.get("easy_read") or "",
        hint=v.get("hint") or "",
        picture_url=_image_url(v.get("picture")) or picture_url(v.get("shipped_picture") or ""),
        required=bool(v.get("required")),
        rather_not_say=rather_not_say,
        options=tuple(options),
        max_length=v.get("max_length") or 0,
        follow_up=v.get("follow_up") or "",
        follow_up_max_length=v.get("follow_up_max_length") or 0,
        bsl_video=_bsl_video(v),
        bsl_answer=bool(v.get("bsl_answer")) and kind in BSL_ANSWER_TYPES,
    )


class PlainTextField(forms.CharField):
    """Free text kept exactly as written, except control characters; over the limit is an
    error that says by how much, never a silent cut."""

    def __init__(self, *, limit: int, **kwargs):
        self.limit = limit
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        # Browsers send newlines as CRLF; people (and the character count) see one character.
        return _CONTROL.sub("", value.replace("\r\n", "\n"))

    def validate(self, value):
        super().validate(value)
        if self.limit and len(value) > self.limit:
            over = len(value) - self.limit
            raise ValidationError(
                ngettext(
                    "Your answer must be %(limit)s characters or fewer. "
                    "It is %(over)s character too long.",
                    "Your answer must be %(limit)s characters or fewer. "
                    "It is %(over)s characters too long.",
                    over,
                )
                % {"limit": f"{self.limit:,}", "over": f"{over:,}"},
                code="too_long",
            )


class AudioField(forms.FileField):
    def validate(self, value):
        super().validate(value)
        if value:
            from .uploads import audio_check

            value.sniffed = audio_check(value)


class QuestionForm(forms.Form):
    """One question page. Its fields are made by ``QuestionFormBuilder``."""

    question: Question

    def __init__(
        self, *args, question: Question, has_audio: bool = False, has_video: bool = False, **kwargs
    ):
        self.question = question
        self.has_audio = has_audio
        super().__init__(*args, **kwargs)
        if has_video:
            # The answer signed in BSL is kept when the box is left empty.
            self.fields["answer"].required = False

    def clean(self):
        cleaned = super().clean()
        q = self.question
        if q.type == "multiple_choice":
            picked = cleaned.get("answer") or []
            if RATHER_NOT_SAY in picked and len(picked) > 1:
                self.add_error(
                    "answer",
                    f"Choose \u201c{RATHER_NOT_SAY_LABEL}\u201d on its own, or choose answers",
                )
        if q.type == "audio" and q.required and not cleaned.get("answer") and not self.has_audio:
            self.add_error("answer", "Choose a recording to send, or record one")
        return cleaned


class QuestionFormBuilder:
    def __init__(self, question: Question):
        self.question = question

    def _choices(self) -> list[tuple[str, str]]:
        return [(o.value, o.label) for o in self.question.options]

    def _radios(self, message: str) -> forms.Field:
        return forms.ChoiceField(
            choices=self._choices(),
            required=self.question.required,
            error_messages={"required": message, "invalid_choice": "Choose one of the answers"},
        )

    def create_single_choice_field(self) -> forms.Field:
        return self._radios("Choose an answer")

    def create_picture_choice_field(self) -> forms.Field:
        return self._radios("Choose a picture")

    def create_yes_no_field(self) -> forms.Field:
        return self._radios("Choose yes, no or not sure")

    def create_faces_field(self) -> forms.Field:
        return self._radios("Choose a face, or choose \u201cI don't know\u201d")

    def create_fft_field(self) -> forms.Field:
        # The national question has no "skip" wording; it is optional unless the editor says.
        return self._radios("Choose an answer")

    def create_multiple_choice_field(self) -> forms.Field:
        return forms.MultipleChoiceField(
            choices=self._choices(),
            required=self.question.required,
            error_messages={
                "required": "Choose at least one answer",
                "invalid_choice": "Choose from the answers shown",
            },
        )

    def _text(self, limit: int) -> forms.Field:
        return PlainTextField(
            limit=limit,
            required=self.question.required,
            strip=False,
            error_messages={"required": "Write your answer"},
        )

    def create_short_text_field(self) -> forms.Field:
        return self._text(self.question.max_length)

    def create_long_text_field(self) -> forms.Field:
        return self._text(self.question.max_length)

    def create_audio_field(self) -> forms.Field:
        return AudioField(required=False)

    def get_form_class(self) -> type[QuestionForm]:
        fields = {"answer": getattr(self, f"create_{self.question.type}_field")()}
        if self.question.type == "fft":
            fields["why"] = PlainTextField(
                limit=self.question.follow_up_max_length, required=False, strip=False
            )
        return type("QuestionForm", (QuestionForm,), fields)


def form_for(
    question: Question, *, has_audio: bool = False, has_video: bool = False, **kwargs
) -> QuestionForm:
    return QuestionFormBuilder(question).get_form_class()(
        question=question, has_audio=has_audio, has_video=has_video, **kwargs
    )


def answer_from_form(question: Question, cleaned: dict) -> tuple[dict | None, str]:
    """(value, text) to store for a valid form; value None means skipped."""
    raw = cleaned.get("answer")
    kind = question.type
    if kind == "fft":
        why = (cleaned.get("why") or "").strip()
        if not raw and not why:
            return None, ""
        return {"rating": raw or "", "why": cleaned.get("why") or ""}, cleaned.get("why") or ""
    if kind == "multiple_choice":
        if not raw:
            return None, ""
        if raw == [RATHER_NOT_SAY]:
            return {RATHER_NOT_SAY: True}, ""
        return {"choices": list(raw)}, ""
    if kind in {"short_text", "long_text"}:
        if not raw.strip():
            return None, ""
        return {"text": raw}, raw
    if kind == "audio":
        return ({"audio": True}, "") if raw else (None, "")
    if not raw:
        return None, ""
    if raw == RATHER_NOT_SAY:
        return {RATHER_NOT_SAY: True}, ""
    if kind == "faces":
        return ({DONT_KNOW: True}, "") if raw == DONT_KNOW else ({"face": int(raw)}, "")
    return {"choice": raw}, ""


def form_initial(question: Question, value: dict | None) -> dict:
    """What to show in the form for a stored answer (so back and change links keep it)."""
    if not value:
        return {}
    if value.get(RATHER_NOT_SAY):
        return {
            "answer": [RATHER_NOT_SAY] if question.type == "multiple_choice" else RATHER_NOT_SAY
        }
    if question.type == "fft":
        return {"answer": value.get("rating", ""), "why": value.get("why", "")}
    if "choices" in value:
        return {"answer": value["choices"]}
    if "face" in value:
        return {"answer": str(value["face"])}
    if value.get(DONT_KNOW):
        return {"answer": DONT_KNOW}
    if "text" in value:
        return {"answer": value["text"]}
    if "choice" in value:
        return {"answer": value["choice"]}
    return {}


def answer_display(question: Question, value: dict | None, *, has_audio: bool = False) -> str:
    """The answer in words, for 'check your answers' and for staff, in the language being
    shown (the built-in questions' words are in the message catalogues; people's own words
    and an editor's options, translated with the page, pass through unchanged)."""
    if value is None:
        return gettext("Not answered")
    if value.get(RATHER_NOT_SAY):
        return gettext(RATHER_NOT_SAY_LABEL)
    labels = {o.value: gettext(o.label) for o in question.options}
    if question.type == "fft":
        parts = [labels.get(value.get("rating", ""), "")]
        if value.get("why"):
            parts.append(value["why"])
        return "\n".join(p for p in parts if p) or gettext("Not answered")
    if "choices" in value:
        return "\n".join(value["choices"])
    if "face" in value:
        return labels.get(str(value["face"]), str(value["face"]))
    if value.get(DONT_KNOW):
        return gettext("I don't know")
    if "text" in value:
        return value["text"]
    if "choice" in value:
        return labels.get(value["choice"], value["choice"])
    if value.get("audio"):
        return gettext("A recording") if has_audio else gettext("Not answered")
    if value.get(BSL_VIDEO):
        return gettext(BSL_VIDEO_LABEL)
    return gettext("Not answered")
