"""Insight and closing the loop: representation targets, outcomes ("you said, we did"), API
tokens and export jobs.

Nothing here copies feedback text. Outcomes point at tag codes and at the answers or
contributions that illustrate them by id (the same ``a:<id>`` / ``c:<id>`` form as
``tasks.Tag.target``); quotes are redacted when they are shown, never stored redacted twice.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.jobs import JobProgress
from cms.panels import EasyReadChecksPanel, EasyReadPanelAnswersPanel, EasyReadTextChecksPanel
from easyread.blocks import EasyReadStreamBlock
from feedback.models import AgeBand, Area, Channel, Voice
from feedback.selectors import text_name
from feedback.storage import get_private_storage
from feedback.widgets import TextPicker
from safeguarding.selectors import held_targets


class Dimension(models.TextChoices):
    VOICE = "voice", "Voice (who is speaking)"
    AREA = "area", "Area"
    AGE_BAND = "age_band", "Age band"
    CHANNEL = "channel", "Channel (how they took part)"


#: The values a target may be set for, per dimension (the choices of ``feedback.Response``).
DIMENSION_VALUES: dict[str, list[tuple[str, str]]] = {
    Dimension.VOICE: list(Voice.choices),
    Dimension.AREA: list(Area.choices),
    Dimension.AGE_BAND: list(AgeBand.choices),
    Dimension.CHANNEL: list(Channel.choices),
}


class RepresentationTarget(models.Model):
    """How many responses the engagement team wants from one group while a consultation is
    open (e.g. at least 20 young people; at least 15 people from Rutland)."""

    consultation = models.ForeignKey(
        "cms.ConsultationPage", on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.CharField(max_length=16, choices=Dimension.choices)
    value = models.CharField(
        max_length=20,
        help_text="For voice: self, supporter, carer, young_person or staff_recorded. For "
        "area: leicester, leicestershire or rutland. For age band: under_16, 16_17, 18_25, "
        "26_64 or 65_plus. For channel: online, paper, phone, interview or focus_group.",
    )
    target = models.PositiveIntegerField(help_text="How many responses we are aiming for.")

    panels = [
        FieldPanel("consultation"),
        FieldRowPanel([FieldPanel("dimension"), FieldPanel("value"), FieldPanel("target")]),
    ]

    class Meta:
        ordering = ["consultation", "dimension", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "dimension", "value"], name="insight_target_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_dimension_display()}: {self.value_label} ({self.target})"

    @property
    def value_label(self) -> str:
        return dict(DIMENSION_VALUES.get(self.dimension, [])).get(self.value, self.value)

    def clean(self) -> None:
        super().clean()
        allowed = {v for v, _ in DIMENSION_VALUES.get(self.dimension, [])}
        if self.dimension and self.value not in allowed:
            raise ValidationError(
                {"value": f"Choose one of: {', '.join(sorted(allowed))}."},
            )


class OutcomeStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class Outcome(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ClusterableModel,
):
    """One thing that is changing because of what people said in a consultation.

    Drafts, revisions and Wagtail's workflow (the experts by experience check the easy read
    before it goes live, ``panel``): the row holds the live version, edits wait in revisions,
    and the public only ever reads rows with ``live`` set.

    Translatable (wagtail-localize's "Translate", its editor and PO files): each language is
    its own row with the same ``translation_key``, and goes live (and through the workflow)
    on its own. Only the words are translated; the consultation, status, themes and example
    answers are copied from the source on every sync and cannot be changed per language, so
    a translation is always about the same change. Public reads show one row per
    ``translation_key`` (``selectors.outcomes``)."""

    consultation = models.ForeignKey(
        "cms.ConsultationPage", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(max_length=160, help_text="Standard wording, e.g. for reports.")
    you_said = models.TextField(
        help_text="Standard wording: what people told us (a summary, no quotes or names)."
    )
    action = models.TextField(help_text="Standard wording: what we are doing about it.")
    easy_read_title = models.CharField(
        max_length=120, help_text="Easy read: a short title, e.g. 'Longer health checks'."
    )
    easy_read_you_said = models.TextField(
        help_text="Easy read, 1 or 2 short sentences: 'You told us ...'."
    )
    easy_read_we_did = models.TextField(
        help_text="Easy read, 1 to 3 short sentences: 'We are ...'."
    )
    owner = models.CharField(
        max_length=160, help_text="Who is doing it: a team or role, not a person's name."
    )
    status = models.CharField(
        max_length=16, choices=OutcomeStatus.choices, default=OutcomeStatus.PLANNED
    )
    pledges = ParentalManyToManyField("cms.Pledge", blank=True, related_name="+")
    pathways = ParentalManyToManyField("cms.Pathway", blank=True, related_name="+")
    # When it first went live: people who asked to hear back are emailed once, from then.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("consultation"),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("you_said"), FieldPanel("action")],
            heading="Standard wording",
        ),
        MultiFieldPanel(
            [
                FieldPanel("easy_read_title"),
                FieldPanel("easy_read_you_said"),
                FieldPanel("easy_read_we_did"),
                EasyReadTextChecksPanel(
                    fields=("easy_read_title", "easy_read_you_said", "easy_read_we_did"),
                    heading="Easy read checks",
                ),
                EasyReadPanelAnswersPanel(heading="What the experts by experience said"),
            ],
            heading="Easy read wording",
        ),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("status")]),
        MultiFieldPanel(
            [FieldPanel("pledges"), FieldPanel("pathways")],
            heading="Themes (tags) that led to it",
        ),
        InlinePanel("examples", heading="Example answers and contributions", label="example"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("you_said"),
        TranslatableField("action"),
        TranslatableField("easy_read_title"),
        TranslatableField("easy_read_you_said"),
        TranslatableField("easy_read_we_did"),
        TranslatableField("owner"),
        # The same change in every language: never overridden in a translation.
        SynchronizedField("consultation", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("pledges", overridable=False),
        SynchronizedField("pathways", overridable=False),
        # Example answers are references to people's own words (a:123), quoted as written.
        SynchronizedField("examples", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["consultation", "-published_at", "title"]
        indexes = [models.Index(fields=["consultation", "live"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        self._themes_from_english()

    def _themes_from_english(self) -> None:
        """A translation links the same pledges and pathways as its English outcome.
        wagtail-localize synchronises them on every sync, except when the English has none
        left (it copies a many-to-many only when it is not empty), so a translation would
        keep themes the English dropped; every revision is cleaned first, so this puts them
        right before the translation is saved or checked."""
        default = Locale.get_default()
        if not self.locale_id or self.locale_id == default.pk or not self.translation_key:
            return
        english = (
            Outcome.objects.filter(translation_key=self.translation_key, locale=default)
            .exclude(pk=self.pk)
            .first()
        )
        if english is not None:
            self.pledges = list(english.pledges.all())
            self.pathways = list(english.pathways.all())

    def easy_read_points(self) -> list[tuple[str, str]]:
        """The points the experts by experience check (``panel``), as ``(field, html)``: each
        easy-read field on its own, worded and marked up as the "you said, we did" page
        shows it (insight/includes/outcomes.html), in the outcome's own language (a
        translation's words carry their ``lang`` and ``dir``)."""
        from languages.catalogue import get as language_get

        language = language_get(self.locale.language_code if self.locale_id else None)
        marked = (
            format_html(' lang="{}" dir="{}"', language.html_lang, language.dir)
            if self.locale_id and self.locale_id != Locale.get_default().pk
            else ""
        )
        with translation.override(language.code):
            return [
                (
                    "easy_read_title",
                    format_html(
                        '<h2 class="nhsuk-heading-m"{}>{}</h2>', marked, self.easy_read_title
                    ),
                ),
                (
                    "easy_read_you_said",
                    format_html(
                        "<p{}><strong>{}</strong> {}</p>",
                        marked,
                        gettext("You said:"),
                        self.easy_read_you_said,
                    ),
                ),
                (
                    "easy_read_we_did",
                    format_html(
                        "<p{}><strong>{}</strong> {}</p>",
                        marked,
                        gettext("We are doing this:"),
                        self.easy_read_we_did,
                    ),
                ),
            ]


class InsightSummary(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """The engagement team's own easy-read words about one pledge or pathway's insight, shown
    at the top of its easy-read insight page (``/insight/<code>/easy-read/``).

    Like outcomes, it has drafts and goes through Wagtail's workflow, so experts by
    experience check it before it is shown; only the live version is ever read."""

    code = models.SlugField(
        max_length=64,
        unique=True,
        help_text="The pledge or pathway it is about, by its code (e.g. pledge-9 or "
        "annual-health-checks).",
    )
    easy_read_body = StreamField(EasyReadStreamBlock(), verbose_name="easy read summary")
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("code"),
        EasyReadChecksPanel(heading="Easy read checks"),
        EasyReadPanelAnswersPanel(heading="What the experts by experience said"),
        FieldPanel("easy_read_body"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = "easy-read insight summary"
        verbose_name_plural = "easy-read insight summaries"

    def __str__(self) -> str:
        return f"Summary: {self.code}"

    @property
    def title(self) -> str:
        """What the panel's check calls it: the theme's easy-read name."""
        from .selectors import theme_get

        theme = theme_get(self.code)
        return f"{theme.name if theme else self.code}: what people told us"

    def clean(self) -> None:
        super().clean()
        from .selectors import theme_get

        if self.code and theme_get(self.code) is None:
            raise ValidationError({"code": "There is no pledge or pathway with this code."})


_TARGET_RE = re.compile(r"^(a|c):(\d+)$")
# A text's name as staff screens show it ("Answer 123", "Contribution 45"), also accepted.
_NAME_RE = re.compile(r"^(answer|contribution)\s*(\d+)(?::.*)?$", re.S)


def _as_target(match: re.Match) -> str:
    return f"{match[1][0]}:{match[2]}"


class OutcomeExample(Orderable):
    """An answer or focus-group contribution that shows why the outcome happened."""

    outcome = ParentalKey(Outcome, on_delete=models.CASCADE, related_name="examples")
    target = models.CharField(
        max_length=32,
        help_text="The answer or contribution as the tag review names it: 'a:123' for answer "
        "123, 'c:45' for focus-group contribution 45. Shown redacted.",
    )

    panels = [
        FieldPanel(
            "target",
            widget=TextPicker(hidden=held_targets),
            help_text="Type words from the answer or contribution, or its name "
            "(Answer 123, Contribution 45), and choose it from the list. Shown redacted.",
        )
    ]

    def __str__(self) -> str:
        return text_name(self.target) if _TARGET_RE.match(self.target or "") else self.target

    def clean(self) -> None:
        super().clean()
        self.target = _NAME_RE.sub(_as_target, (self.target or "").strip().lower())
        match = _TARGET_RE.match(self.target)
        if match is None:
            raise ValidationError({"target": "Write it like a:123 or c:45."})
        from feedback.models import Answer, Contribution

        model = Answer if match[1] == "a" else Contribution
        if not model.objects.filter(pk=int(match[2])).exists():
            raise ValidationError(
                {"target": f"There is no {model._meta.verbose_name} {match[2]}."}
            )
        if held_targets([self.target]):  # the public page would drop it without a word
            raise ValidationError(
                {
                    "target": f"{text_name(self.target)} is held by a safeguarding flag: it "
                    "cannot be an example until the safeguarding lead releases it."
                }
            )


class OutcomeNotification(models.Model):
    """That the people behind one response were told about one outcome (so never twice)."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="+")
    response = models.ForeignKey("feedback.Response", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["outcome", "response"], name="insight_notify_once")
        ]

    def __str__(self) -> str:
        return f"Outcome {self.outcome_id} to response {self.response_id}"


def token_hash(raw: str) -> str:
    """Tokens are 256-bit random strings, so a plain SHA-256 is enough at rest (no salt or
    slow hash needed: there is nothing to guess)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal token for the read-only insight API. Only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="insight_tokens"
    )
    name = models.CharField(max_length=80, help_text="What it is for, e.g. 'Power BI report'.")
    prefix = models.CharField(max_length=12, help_text="The start of the token, to tell it by.")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ExportKind(models.TextChoices):
    RESPONSES = "responses", "Responses with tags (engagement team)"
    AGGREGATES = "aggregates", "Aggregated insight"


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


def export_path(instance: ExportJob, filename: str) -> str:
    return f"exports/{filename}"


class ExportJob(JobProgress, models.Model):
    """A large export made in the background. Only the person who asked can download it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="insight_exports"
    )
    kind = models.CharField(max_length=16, choices=ExportKind.choices)
    format = models.CharField(max_length=8, choices=ExportFormat.choices)
    filters = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=8, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(
        storage=get_private_storage, upload_to=export_path, blank=True, max_length=200
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.kind}, {self.format})"


class InsightCount(models.Model):
    """Pre-aggregated counts behind the insight pages (``insight/counts.py``): per month,
    survey, pledge or pathway code, voice, area, channel and language, the submitted
    responses with a counted tag of that code, and their faces and Friends and Family Test
    answers by feeling.

    Each response has one month, survey, voice, area, channel and language, so rows add up to every
    total and split with no double counting, and a page sums a few thousand rows instead of
    joining every tag to every response. A month marked in ``InsightStaleMonth`` is read live
    until the job rebuilds it, so the pages are never behind the feedback.
    """

    month = models.DateField(help_text="First day of the month (local time).")
    survey_id = models.IntegerField()
    code = models.SlugField(max_length=64)
    voice = models.CharField(max_length=20, blank=True)
    area = models.CharField(max_length=16, blank=True)
    channel = models.CharField(max_length=16, blank=True)
    language = models.CharField(max_length=16, blank=True)
    responses = models.PositiveIntegerField()
    positive = models.PositiveIntegerField(default=0)
    neutral = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)
    dont_know = models.PositiveIntegerField(default=0)
    first_response = models.IntegerField(
        null=True,
        help_text="The oldest response in the row: with the count, the identity disclosure "
        "control keys its rounding on (insight/suppression.py).",
    )

    class Meta:
        indexes = [
            models.Index(fields=["code", "month"]),
            models.Index(fields=["month"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.month:%Y-%m}: {self.responses}"


class InsightStaleMonth(models.Model):
    """A month whose ``InsightCount`` rows may be out of date: marked in the same
    transaction as the change, read live until the ``everyvoice.refresh_insight_counts`` job
    rebuilds it. ``token`` changes on every mark, so a rebuild that raced with a newer change
    leaves the mark in place."""

    month = models.DateField(unique=True)
    token = models.CharField(max_length=32)
    marked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} (stale since {self.marked_at:%Y-%m-%d %H:%M})"
