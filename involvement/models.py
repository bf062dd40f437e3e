"""The involvement register: who was in the room when services were shaped.

The LLR road map's "Every Voice Counts" workstream asks for patients and carers in all
workshops. A :class:`Meeting` records one workshop, forum, task-and-finish group or focus group
of a :class:`Workstream`, how many people from each group took part (counts only, never
names), the reasonable adjustments made and the involvement payments or vouchers given.
Focus groups and forums link to feedback's ``FocusGroupSession`` so what people said is
entered once, in the existing contribution entry.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from easyread.pictures import picture_choices


class Workstream(index.Indexed, models.Model):
    """A piece of work the road map asks people to shape (e.g. the Dynamic Support Pathway)."""

    code = models.SlugField(max_length=60, unique=True, help_text="Stable; do not change it.")
    name = models.CharField(max_length=120)
    easy_name = models.CharField(
        max_length=120, help_text="The name in easy words, for the easy-read report."
    )
    description = models.TextField(blank=True, help_text="What the road map says it will do.")
    pathway = models.ForeignKey(
        "cms.Pathway",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The LDA pathway it shapes, if there is one.",
    )
    collaborative = models.ForeignKey(
        "cms.Collaborative",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workstreams",
        help_text="Its members see this workstream's involvement figures.",
    )
    picture = models.CharField(max_length=60, blank=True, choices=picture_choices)
    active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("easy_name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("pathway"), FieldPanel("collaborative")]),
        FieldPanel("picture"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MeetingKind(models.TextChoices):
    WORKSHOP = "workshop", "Workshop"
    FORUM = "forum", "Forum"
    TASK_AND_FINISH = "task_and_finish", "Task-and-finish group"
    FOCUS_GROUP = "focus_group", "Focus group"


# Kinds whose words are entered as focus-group contributions (feedback's contribution entry).
FEEDS_CONTRIBUTIONS = (MeetingKind.FORUM, MeetingKind.FOCUS_GROUP)


class Adjustment(models.TextChoices):
    """Reasonable adjustments (Equality Act 2010) a meeting can make; "other" is free text."""

    EASY_READ = "easy_read", "Easy-read papers sent before"
    PICTURES = "pictures", "Pictures and symbols on slides"
    BSL = "bsl", "BSL interpreter"
    BREAKS = "breaks", "Extra breaks"
    QUIET_ROOM = "quiet_room", "Quiet room or space"
    SUPPORTER = "supporter", "Supporters welcome (free place)"
    TRAVEL = "travel", "Travel paid or arranged"
    ONLINE = "online", "Join online or by phone"
    ACCESSIBLE_VENUE = "venue", "Step-free, accessible venue"
    LARGE_PRINT = "large_print", "Large print"


# Attendance groups: (field, label). The first four are people with lived experience.
LIVED_EXPERIENCE_FIELDS = (
    "attendees_learning_disability",
    "attendees_autistic",
    "attendees_carers",
    "attendees_young_people",
)
ATTENDANCE_FIELDS = (*LIVED_EXPERIENCE_FIELDS, "attendees_staff", "attendees_partners")


class MeetingForm(WagtailAdminModelForm):
    """Adjustments as tick boxes (stored as a list of codes)."""

    adjustments = forms.MultipleChoiceField(
        choices=Adjustment.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Reasonable adjustments made",
    )


class Meeting(ClusterableModel):
    """One workshop, forum, task-and-finish group or focus group of a workstream."""

    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=20, choices=MeetingKind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("date")
    venue = models.CharField(max_length=200, blank=True)
    facilitator = models.CharField(max_length=200, blank=True)
    attendees_learning_disability = models.PositiveSmallIntegerField(
        "people with a learning disability", default=0
    )
    attendees_autistic = models.PositiveSmallIntegerField("autistic people", default=0)
    attendees_carers = models.PositiveSmallIntegerField("family carers", default=0)
    attendees_young_people = models.PositiveSmallIntegerField("young people", default=0)
    attendees_staff = models.PositiveSmallIntegerField("staff", default=0)
    attendees_partners = models.PositiveSmallIntegerField(
        "partners", default=0, help_text="Other organisations: councils, charities, providers."
    )
    adjustments = models.JSONField(default=list, blank=True)
    adjustments_other = models.TextField("other adjustments", blank=True)
    consultation = models.ForeignKey(
        "cms.ConsultationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a forum or focus group: the consultation what people said belongs to.",
    )
    focus_group_session = models.OneToOneField(
        "feedback.FocusGroupSession",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting",
        help_text=(
            "Where what people said is entered (card by card). Left empty, a forum or focus "
            "group with a consultation gets one made for it when you save."
        ),
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

    base_form_class = MeetingForm
    panels = [
        FieldPanel("workstream"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("held_on")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("facilitator")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(f) for f in LIVED_EXPERIENCE_FIELDS]),
                FieldRowPanel([FieldPanel("attendees_staff"), FieldPanel("attendees_partners")]),
            ],
            heading="Who took part (how many from each group)",
        ),
        FieldPanel("adjustments"),
        FieldPanel("adjustments_other"),
        InlinePanel(
            "payments", heading="Involvement payments and vouchers", label="payment or voucher"
        ),
        MultiFieldPanel(
            [FieldPanel("consultation"), FieldPanel("focus_group_session")],
            heading="What people said (forums and focus groups)",
        ),
    ]

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["workstream", "held_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display().lower()}, {self.held_on:%-d %b %Y})"

    @property
    def lived_experience(self) -> int:
        """People with lived experience in the room: the road map's "patients and carers"."""
        return sum(getattr(self, f) for f in LIVED_EXPERIENCE_FIELDS)

    @property
    def attendees_total(self) -> int:
        return sum(getattr(self, f) for f in ATTENDANCE_FIELDS)

    @property
    def adjustments_text(self) -> str:
        labels = dict(Adjustment.choices)
        made = [labels.get(code, code) for code in self.adjustments or []]
        other = self.adjustments_other.strip()
        return "; ".join([*made, other] if other else made)

    def clean(self) -> None:
        super().clean()
        unknown = set(self.adjustments or []) - set(Adjustment.values)
        if unknown:
            raise ValidationError({"adjustments": "Choose adjustments from the list."})
        if (
            self.kind in FEEDS_CONTRIBUTIONS
            and self.focus_group_session_id is None
            and self.consultation_id is None
        ):
            raise ValidationError(
                {
                    "consultation": "Choose the consultation for this forum or focus group, "
                    "so what people said can be entered and used."
                }
            )


class PaymentKind(models.TextChoices):
    PAYMENT = "payment", "Payment"
    VOUCHER = "voucher", "Voucher"


class MeetingPayment(Orderable):
    """Involvement payments or vouchers given to experts by experience at one meeting.

    Counts and amounts only: who was paid is kept in the finance system, not here.
    """

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="payments")
    kind = models.CharField(max_length=10, choices=PaymentKind.choices)
    people = models.PositiveSmallIntegerField(
        "experts by experience", help_text="How many people were paid or given a voucher."
    )
    amount_each = models.DecimalField("amount each (£)", max_digits=7, decimal_places=2)
    note = models.CharField(max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("people"), FieldPanel("amount_each")]),
        FieldPanel("note"),
    ]

    def clean(self) -> None:
        super().clean()
        if self.people == 0:
            raise ValidationError({"people": "Enter how many people, 1 or more."})
        if self.amount_each is not None and self.amount_each < 0:
            raise ValidationError({"amount_each": "Enter an amount of £0 or more."})

    @property
    def total(self):
        return self.people * self.amount_each


# --- Co-producing a pathway ----------------------------------------------------------------


class PathwayStepBlock(blocks.StructBlock):
    """One step of a draft pathway, in easy read, with its own picture."""

    title = blocks.CharBlock(max_length=120, help_text="A few words: what happens at this step.")
    text = blocks.TextBlock(
        rows=3, help_text="1 to 3 short sentences, 15 words or fewer each. One idea a sentence."
    )
    picture = blocks.ChoiceBlock(
        choices=picture_choices, help_text="One of our simple pictures for this step."
    )

    class Meta:
        icon = "arrow-right-full"
        label = "Step"


class PathwayDraftPage(Page):
    """A draft pathway or model of care, published in easy read so people can shape it.

    Each step gets its own short survey ("Tell us about this step": faces and words), made
    by ``services.pathway_step_surveys_ensure`` when the page is published; the answers are
    tagged against the pathway and read per step by ``selectors.pathway_step_insight``.
    """

    pathway = models.ForeignKey("cms.Pathway", on_delete=models.PROTECT, related_name="+")
    easy_read_intro = models.TextField(
        help_text="What this draft is and why we want to know what people think, in easy read."
    )
    steps = StreamField([("step", PathwayStepBlock())], min_num=2)

    content_panels = [
        *Page.content_panels,
        FieldPanel("pathway"),
        FieldPanel("easy_read_intro"),
        FieldPanel("steps"),
    ]
    parent_page_types = ["cms.ConsultationPage"]
    subpage_types: list[str] = []
    template = "involvement/pathway_draft.html"

    class Meta:
        verbose_name = "draft pathway for people to shape"

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["steps"] = selectors.pathway_steps(page=self)
        return context


class StepSurvey(models.Model):
    """Which survey gathers the answers about which step (by the step block's stable id)."""

    page = models.ForeignKey(
        PathwayDraftPage, on_delete=models.CASCADE, related_name="step_surveys"
    )
    step_id = models.CharField(max_length=64)
    survey = models.OneToOneField(
        "feedback.SurveyPage", on_delete=models.CASCADE, related_name="pathway_step"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "step_id"], name="one_survey_per_step")
        ]

    def __str__(self) -> str:
        return f"{self.page} step {self.step_id}"
