"""Surveys, responses and focus groups: the 'Gather' part of Every Voice.

A ``SurveyPage`` is a child of a ``cms.ConsultationPage``; its questions are a StreamField
whose block ids are the question ids that ``Answer`` rows point to. A ``Response`` exists from
the person's first Continue (a draft), so nothing they give is lost. Writes go through
``services.py``; reads through ``selectors.py``.
"""

import uuid

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from cms.panels import EasyReadChecksPanel

from .blocks import QuestionStreamBlock
from .reference import reference_display
from .storage import get_private_storage
from .uploads import file_head, image_sniff, photo_without_metadata, validate_flipchart_photo

DEFAULT_WHO_SEES = (
    "The engagement team at the NHS in Leicester, Leicestershire and Rutland will read your "
    "answers. We will not put your name in anything we share."
)


class SurveyPage(Page):
    """A survey for one consultation. People answer one question per page."""

    easy_read_intro = models.TextField(
        help_text="What this survey is about, in easy read: short words, one idea a sentence."
    )
    minutes_to_complete = models.PositiveSmallIntegerField(
        default=10, help_text="About how many minutes it takes. Shown on the start page."
    )
    who_sees_answers = models.TextField(
        default=DEFAULT_WHO_SEES, help_text="Who will see the answers, in easy read."
    )
    ask_about_you = models.BooleanField(
        default=True,
        help_text="Offer the optional 'about you' questions (age, area, communication needs).",
    )
    questions = StreamField(QuestionStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("easy_read_intro"),
                FieldPanel("minutes_to_complete"),
                FieldPanel("who_sees_answers"),
                FieldPanel("ask_about_you"),
            ],
            heading="Start page",
        ),
        EasyReadChecksPanel(heading="Easy read checks"),
        FieldPanel("questions"),
    ]
    parent_page_types = ["cms.ConsultationPage"]
    subpage_types: list[str] = []
    template = "feedback/survey_start.html"

    class Meta:
        verbose_name = "survey"

    @property
    def consultation(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.survey_start_context(survey=self, session=request.session))
        return context


class Voice(models.TextChoices):
    SELF = "self", "Me, answering for myself"
    SUPPORTER = "supporter", "Someone helping a person answer"
    CARER = "carer", "A family carer giving their own view"
    YOUNG_PERSON = "young_person", "A young person"
    STAFF_RECORDED = "staff_recorded", "Staff recording someone's words"


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PAPER = "paper", "Paper"
    PHONE = "phone", "Phone"
    INTERVIEW = "interview", "Interview"
    FOCUS_GROUP = "focus_group", "Focus group"


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", "Not sent yet"
    SUBMITTED = "submitted", "Sent"
    WITHDRAWN = "withdrawn", "Withdrawn"


class AgeBand(models.TextChoices):
    UNDER_16 = "under_16", "Under 16"
    AGE_16_17 = "16_17", "16 or 17"
    AGE_18_25 = "18_25", "18 to 25"
    AGE_26_64 = "26_64", "26 to 64"
    AGE_65_PLUS = "65_plus", "65 or older"
    RATHER_NOT_SAY = "rather_not_say", "I'd rather not say"


class Area(models.TextChoices):
    LEICESTER = "leicester", "Leicester (the city)"
    LEICESTERSHIRE = "leicestershire", "Leicestershire (the county)"
    RUTLAND = "rutland", "Rutland"
    ELSEWHERE = "elsewhere", "Somewhere else"
    RATHER_NOT_SAY = "rather_not_say", "I'd rather not say"


class CommunicationNeed(models.TextChoices):
    """Accessible Information Standard needs people can tell us about."""

    EASY_READ = "easy_read", "Easy read"
    LARGE_PRINT = "large_print", "Large print"
    AUDIO = "audio", "Audio (listening instead of reading)"
    BSL = "bsl", "British Sign Language (BSL)"
    HELPER = "helper", "Someone to help me"


class Response(models.Model):
    """One person's answers to one survey (online, or entered by staff from paper or phone)."""

    survey = models.ForeignKey(SurveyPage, on_delete=models.PROTECT, related_name="responses")
    reference = models.CharField(max_length=16, unique=True, editable=False)
    status = models.CharField(
        max_length=16, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    voice = models.CharField(max_length=20, choices=Voice.choices, blank=True)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.ONLINE)
    consent_version = models.CharField(max_length=32)
    consented_at = models.DateTimeField()

    # About you: optional, structured, shown to staff when they follow up.
    about_you_offered = models.BooleanField(null=True, blank=True)
    age_band = models.CharField(max_length=16, choices=AgeBand.choices, blank=True)
    area = models.CharField(max_length=16, choices=Area.choices, blank=True)
    communication_needs = models.JSONField(default=list, blank=True)
    language = models.CharField(
        max_length=16,
        default="en-gb",
        help_text="The language the person answered in (the survey's language, e.g. 'gu').",
    )
    wants_updates = models.BooleanField(null=True, blank=True)
    contact_email = models.EmailField(blank=True)

    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
        help_text="Set when a participant was signed in (by email code) while answering.",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses_entered",
        help_text="The staff member who entered this response from paper, phone or interview.",
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    tagged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["survey", "status"]),
            models.Index(fields=["submitted_at"]),
            models.Index(fields=["voice"]),
            models.Index(fields=["area"]),
            models.Index(fields=["channel"]),
            models.Index(fields=["language"]),
            models.Index(fields=["status", "tagged_at"]),
        ]

    def __str__(self) -> str:
        return f"Response {self.reference_display}"

    @property
    def reference_display(self) -> str:
        return reference_display(self.reference)

    @property
    def is_draft(self) -> bool:
        return self.status == ResponseStatus.DRAFT

    def get_communication_needs_display(self) -> list[str]:
        labels = dict(CommunicationNeed.choices)
        return [labels.get(n, n) for n in self.communication_needs]


def answer_audio_path(instance: "Answer", filename: str) -> str:
    # The name is chosen by the service (random); never the uploader's file name.
    return f"audio/{filename}"


def answer_video_path(instance: "Answer", filename: str) -> str:
    # The name is chosen by the service (random); never the uploader's file name.
    return f"video/{filename}"


class Answer(models.Model):
    """The answer to one question. ``value`` is None when the person skipped the question.

    An answer signed in BSL is a private video; ``text`` stays empty until a staff member
    watches it and writes a summary, which is then what tagging, screening and insight read.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    question_type = models.CharField(max_length=32)
    value = models.JSONField(null=True, blank=True)
    text = models.TextField(
        blank=True,
        help_text="The person's own words, for tagging (for a BSL video answer, the staff "
        "member's written summary of it).",
    )
    audio = models.FileField(
        storage=get_private_storage, upload_to=answer_audio_path, blank=True, max_length=200
    )
    audio_content_type = models.CharField(max_length=64, blank=True)
    video = models.FileField(
        storage=get_private_storage, upload_to=answer_video_path, blank=True, max_length=200
    )
    video_content_type = models.CharField(max_length=64, blank=True)
    summarised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who wrote the summary of a BSL video answer.",
    )
    summarised_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_id"], name="feedback_answer_one_per_question"
            )
        ]
        indexes = [models.Index(fields=["question_id"])]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"

    @property
    def skipped(self) -> bool:
        return self.value is None

    def files_delete(self) -> int:
        """Delete the person's recordings (audio, BSL video) from private storage; the row is
        the caller's to update or delete. Returns how many files went."""
        deleted = 0
        for file in (self.audio, self.video):
            if file:
                file.delete(save=False)
                deleted += 1
        return deleted


class SpeakerGroup(models.TextChoices):
    LDA = "lda", "Person with a learning disability or autism"
    CARER = "carer", "Family carer"
    YOUNG_PERSON = "young_person", "Child or young person"
    PROFESSIONAL = "professional", "Professional"
    UNKNOWN = "", "Not recorded"


class WordsKind(models.TextChoices):
    OWN_WORDS = "own_words", "Their own words"
    PARAPHRASE = "paraphrase", "Paraphrase (written down in other words)"


class FocusGroupSession(ClusterableModel):
    """A focus group or workshop held for a consultation, entered by staff afterwards."""

    consultation = models.ForeignKey(
        "cms.ConsultationPage", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField("date")
    venue = models.CharField(max_length=200)
    facilitator = models.CharField(max_length=200)
    attendees_lda = models.PositiveSmallIntegerField("people with LDA", default=0)
    attendees_carers = models.PositiveSmallIntegerField("family carers", default=0)
    attendees_cyp = models.PositiveSmallIntegerField("children and young people", default=0)
    attendees_professionals = models.PositiveSmallIntegerField("professionals", default=0)
    consent_confirmed = models.BooleanField(
        default=False,
        help_text="Everyone agreed that what they said can be used, with consent wording "
        "explained in easy read.",
    )
    adjustments = models.TextField(
        "adjustments made", blank=True, help_text="E.g. easy-read materials, breaks, BSL."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("consultation"),
        FieldRowPanel([FieldPanel("held_on"), FieldPanel("venue"), FieldPanel("facilitator")]),
        FieldRowPanel(
            [
                FieldPanel("attendees_lda"),
                FieldPanel("attendees_carers"),
                FieldPanel("attendees_cyp"),
                FieldPanel("attendees_professionals"),
            ],
            heading="Who came",
        ),
        FieldPanel("consent_confirmed"),
        FieldPanel("adjustments"),
        InlinePanel("contributions", heading="Contributions (card by card)", label="contribution"),
        InlinePanel("photos", heading="Flipchart photos", label="photo"),
    ]

    class Meta:
        ordering = ["-held_on"]
        indexes = [models.Index(fields=["held_on"])]

    def __str__(self) -> str:
        return f"{self.venue}, {self.held_on:%-d %B %Y}"

    @property
    def attendees_total(self) -> int:
        return (
            self.attendees_lda
            + self.attendees_carers
            + self.attendees_cyp
            + self.attendees_professionals
        )


class Contribution(Orderable):
    """One thing said at a focus group. Tagged like a survey answer."""

    session = ParentalKey(
        FocusGroupSession, on_delete=models.CASCADE, related_name="contributions"
    )
    text = models.TextField()
    speaker_group = models.CharField(
        max_length=16, choices=SpeakerGroup.choices, blank=True, default=SpeakerGroup.UNKNOWN
    )
    words = models.CharField(max_length=16, choices=WordsKind.choices, default=WordsKind.OWN_WORDS)
    channel = models.CharField(
        max_length=16, choices=Channel.choices, default=Channel.FOCUS_GROUP, editable=False
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    tagged_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("speaker_group"), FieldPanel("words")]),
    ]

    class Meta(Orderable.Meta):
        indexes = [models.Index(fields=["tagged_at"])]

    def __str__(self) -> str:
        return f"Contribution {self.pk}"


def flipchart_photo_path(instance: "FlipchartPhoto", filename: str) -> str:
    # A random name with the extension of the type sniffed from the bytes, never the
    # uploader's file name (which may hold a person's name).
    sniffed = image_sniff(file_head(instance.image))
    return f"flipcharts/{uuid.uuid4().hex}{sniffed.extension if sniffed else ''}"


class FlipchartPhoto(Orderable):
    session = ParentalKey(FocusGroupSession, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(
        storage=get_private_storage,
        upload_to=flipchart_photo_path,
        max_length=200,
        validators=[validate_flipchart_photo],
        help_text="A photo of a flipchart or sticky notes: JPG, PNG, WEBP or HEIC, up to 10 MB.",
    )
    caption = models.CharField(max_length=255, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    def __str__(self) -> str:
        return self.caption or f"Flipchart photo {self.pk}"

    def save(self, *args, **kwargs):
        # A new upload is stored without its EXIF (GPS position, camera serial number).
        if self.image and not self.image._committed:
            self.image = photo_without_metadata(self.image)
        super().save(*args, **kwargs)
