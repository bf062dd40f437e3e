"""What the background jobs produce: tags on feedback, the tagger's trained versions, and
progress of bulk runs. Nothing here holds response text; tags point at the text by id."""

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When

from cms.jobs import JobProgress


class WorkerHeartbeat(models.Model):
    """Written by a worker on each beat, so /readyz can say when a worker last ran a job."""

    hostname = models.CharField(max_length=255, unique=True)
    seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.hostname} at {self.seen_at:%Y-%m-%d %H:%M:%S}"


class TagMethod(models.TextChoices):
    RULES = "rules", "Phrase rules"
    MODEL = "model", "Model"
    HUMAN = "human", "Person"


class TagStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class TagKind(models.TextChoices):
    PLEDGE = "pledge", "Pledge"
    PATHWAY = "pathway", "Pathway"
    THEME = "theme", "Theme"


# The order insight picks quotes in: confirmed by a person first, then the most confident.
QUOTE_ORDER = (
    Case(When(status=TagStatus.CONFIRMED, then=Value(1)), default=Value(0)).desc(),
    F("confidence").desc(),
    F("id").desc(),
)

# A person's decision on a tag: confirmed, rejected, or a tag a person added.
HUMAN_DECISION = ~Q(status=TagStatus.SUGGESTED) | Q(method=TagMethod.HUMAN)


class Tag(models.Model):
    """A pledge or pathway a piece of feedback speaks to.

    The tagged text is one survey answer, a whole response, or one focus-group contribution;
    ``target`` names it (``a:<answer id>``, ``r:<response id>``, ``c:<contribution id>``) so a
    code appears once per text whatever the database's view of NULLs. A person's decision
    (confirmed, rejected, or a tag they added) is never overwritten by a later run.
    """

    target = models.CharField(max_length=32, editable=False)
    response = models.ForeignKey(
        "feedback.Response", null=True, blank=True, on_delete=models.CASCADE, related_name="tags"
    )
    answer = models.ForeignKey(
        "feedback.Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="tags"
    )
    contribution = models.ForeignKey(
        "feedback.Contribution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tags",
    )
    code = models.SlugField(max_length=64)
    kind = models.CharField(max_length=16, choices=TagKind.choices)
    confidence = models.FloatField()
    evidence = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=8, choices=TagMethod.choices)
    tagger_version = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        max_length=10, choices=TagStatus.choices, default=TagStatus.SUGGESTED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["target", "code"], name="tag_once_per_text"),
            models.CheckConstraint(
                condition=Q(response__isnull=False) | Q(contribution__isnull=False),
                name="tag_has_feedback",
            ),
        ]
        indexes = [
            models.Index(fields=["code", "status"]),
            models.Index(fields=["status", "confidence"]),
            # Insight's quotes: the best tags of a code in QUOTE_ORDER (confirmed first, then
            # most confident) are read from the index top down, never sorted (and the
            # contribution one also serves counting focus-group contributions by code).
            models.Index(
                F("code"), *QUOTE_ORDER, condition=Q(answer__isnull=False), name="tag_answer_quote"
            ),
            models.Index(
                F("code"),
                *QUOTE_ORDER,
                condition=Q(contribution__isnull=False),
                name="tag_contribution_quote",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} on {self.target} ({self.status})"

    @property
    def is_human_decision(self) -> bool:
        return self.status != TagStatus.SUGGESTED or self.method == TagMethod.HUMAN


class TaggerVersion(models.Model):
    """One trained tagger: the model itself, what it learnt from and how well it did."""

    version = models.CharField(max_length=64, unique=True)
    trained_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=120)
    examples = models.PositiveIntegerField(help_text="Training texts, seed and reviewed.")
    reviewed_examples = models.PositiveIntegerField(default=0)
    reviews_at_training = models.PositiveIntegerField(
        default=0, help_text="Human decisions that existed when this version was trained."
    )
    metrics = models.JSONField(
        default=dict, blank=True, help_text="Cross-validated figures on reviewed data."
    )
    blob = models.BinaryField()
    is_current = models.BooleanField(default=False)

    class Meta:
        ordering = ["-trained_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_tagger"
            )
        ]

    def __str__(self) -> str:
        return self.version


class RetagRun(models.Model):
    """Progress of a bulk re-tag after the taxonomy changed (shown in the admin)."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Re-tag {self.started_at:%Y-%m-%d %H:%M}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * self.done / self.total))


class RetentionRun(models.Model):
    """What one run of the retention job did, for the admin's report. Counts and ids only."""

    ran_at = models.DateTimeField(auto_now_add=True)
    responses_anonymised = models.PositiveIntegerField(default=0)
    responses_deleted = models.PositiveIntegerField(default=0)
    contributions_anonymised = models.PositiveIntegerField(default=0)
    contributions_deleted = models.PositiveIntegerField(default=0)
    photos_deleted = models.PositiveIntegerField(default=0)
    detail = models.JSONField(
        default=list, blank=True, help_text="Per consultation: its page id and the counts."
    )

    class Meta:
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"Retention run {self.ran_at:%Y-%m-%d %H:%M}"

    @property
    def total(self) -> int:
        return (
            self.responses_anonymised
            + self.responses_deleted
            + self.contributions_anonymised
            + self.contributions_deleted
        )


class ImportKind(models.TextChoices):
    FRAMEWORK = "framework", "Framework (taxonomy CSV)"
    HISTORY = "history", "Labelled history (text,codes CSV)"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Importing"
    TRAINING = "training", "Retraining the tagger"
    DONE = "done", "Finished"
    FAILED = "failed", "Stopped"


class ImportJob(JobProgress, models.Model):
    """A trust's framework or labelled history, imported in the background from the admin.

    The uploaded CSV is saved here before the job is queued (so a lost job can run again from
    it) and cleared when the job finishes. Bad rows are kept by line for the admin to show.
    """

    kind = models.CharField(max_length=16, choices=ImportKind.choices)
    filename = models.CharField(max_length=200, blank=True)
    source = models.TextField(blank=True, help_text="The CSV until it is imported.")
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True, help_text="[{line, message}], in order.")
    message = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} import {self.pk} ({self.status})"

    RUNNING_STATUSES = frozenset({"queued", "running", "training"})


class HistoryExample(models.Model):
    """One labelled text from a trust's history: training data for the tagger, like a
    reviewed text. Not feedback: it is never shown in insight or counted."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="examples")
    line = models.PositiveIntegerField()
    text = models.TextField()
    codes = models.JSONField(default=list)

    class Meta:
        ordering = ["job", "line"]
        constraints = [
            models.UniqueConstraint(fields=["job", "line"], name="history_example_once")
        ]

    def __str__(self) -> str:
        return f"History example {self.job_id}:{self.line}"


class ThemeRunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Looking for themes"
    DONE = "done", "Finished"
    FAILED = "failed", "Stopped"


class ThemeRun(JobProgress, models.Model):
    """One search for emerging themes, started in the admin: which feedback it looked at
    (a consultation and/or a date range), how far it got, and what it found.

    Saved before its job is queued, so a lost job runs again from this row (the sweep)."""

    consultation = models.ForeignKey(
        "cms.ConsultationPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date_from = models.DateField(null=True, blank=True)
    date_to = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ThemeRunStatus.choices, default=ThemeRunStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0, help_text="Texts in scope.")
    done = models.PositiveIntegerField(default=0, help_text="Texts the tagger has read.")
    unfit = models.PositiveIntegerField(default=0, help_text="Texts no tag fits well.")
    held = models.PositiveIntegerField(default=0, help_text="Texts left out: safeguarding.")
    tagger_version = models.CharField(max_length=64, blank=True)
    message = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Theme search {self.pk} ({self.status})"


class CandidateStatus(models.TextChoices):
    OPEN = "open", "Candidate"
    PROMOTED = "promoted", "Promoted into the taxonomy"


class CandidateTheme(models.Model):
    """A group of texts no tag fits well, found by a run: a name people can change, the
    phrases that define it, and its texts by tag target (``feedback.targets``), never copied."""

    run = models.ForeignKey(ThemeRun, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(max_length=120)
    key_phrases = models.JSONField(default=list, blank=True)
    members = models.JSONField(default=list, blank=True, help_text="Tag targets, in order.")
    status = models.CharField(
        max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.OPEN
    )
    promoted_code = models.SlugField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["run", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({len(self.members)} texts)"

    @property
    def size(self) -> int:
        return len(self.members)
