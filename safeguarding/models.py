"""Safeguarding flags: a possible disclosure of harm in one text, for the safeguarding lead.

The model moved here from ``tasks`` (issue 11) and kept its table, ``tasks_safeguardingflag``.
"""

from django.conf import settings
from django.db import models

from cms.jobs import JobProgress
from feedback.storage import get_private_storage


class FlagSeverity(models.TextChoices):
    URGENT = "urgent", "Urgent"
    CONCERN = "concern", "Concern"


class FlagMethod(models.TextChoices):
    RULES = "rules", "Phrase rules"
    MODEL = "model", "Model"
    BOTH = "both", "Phrase rules and model"
    # The screen reads English only: a text in another language goes to a person instead.
    LANGUAGE = "language", "Not in English: a person must read it"
    LEAD = "lead", "Flagged by hand by the lead"


class FlagStatus(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    CLOSED = "closed", "Closed"


class FlagOutcome(models.TextChoices):
    """What the lead decided when closing a flag (required: there is no one-click close)."""

    REFERRED = "referred_la", "Referred to the local authority"
    ALREADY_KNOWN = "already_known", "Already known (already being handled)"
    NO_CONCERN = "no_concern", "No concern"
    WRONG_CATEGORY = "wrong_category", "A concern, but of another kind than flagged"
    OTHER = "other", "Other (say what in the note)"


class FlagSource(models.TextChoices):
    SCREEN = "screen", "The screen"
    LEAD = "lead", "Flagged by hand"


class SafeguardingFlag(models.Model):
    """A possible disclosure of harm in one text, waiting for the safeguarding lead.

    ``target`` names the text as tags do (``a:<answer id>``, ``c:<contribution id>``) and is
    unique, so screening the same text again (a redelivered job, the sweep) never makes a
    second flag. The flag keeps its own copy of the screened text (``excerpt``): the lead must
    be able to read it even after the participant withdraws or the answers reach their
    retention date (the privacy notice says so). Links to the feedback are SET_NULL for the
    same reason. The text is only ever shown on the lead's screen: never in email or logs.
    """

    target = models.CharField(max_length=32, unique=True, editable=False)
    response = models.ForeignKey(
        "feedback.Response",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="safeguarding_flags",
    )
    answer = models.ForeignKey(
        "feedback.Answer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="safeguarding_flags",
    )
    contribution = models.ForeignKey(
        "feedback.Contribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="safeguarding_flags",
    )
    severity = models.CharField(max_length=8, choices=FlagSeverity.choices)
    categories = models.JSONField(default=list, help_text="What kind of harm, most severe first.")
    phrases = models.JSONField(default=list, help_text="The words that matched the rules.")
    method = models.CharField(max_length=8, choices=FlagMethod.choices)
    model_score = models.FloatField(null=True, blank=True)
    excerpt = models.TextField(blank=True, help_text="The screened text, for the lead only.")
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=8, choices=FlagSource.choices, default=FlagSource.SCREEN)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who flagged it by hand (empty when the screen did).",
    )
    status = models.CharField(max_length=12, choices=FlagStatus.choices, default=FlagStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="safeguarding_flags_assigned",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(
        null=True, blank=True, help_text="When an urgent flag nobody picked up was sent again."
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_by_name = models.CharField(
        max_length=150, blank=True, help_text="Kept if the account is deleted."
    )
    outcome = models.CharField(max_length=16, choices=FlagOutcome.choices, blank=True)
    lead_categories = models.JSONField(
        default=list, blank=True, help_text="The kinds of harm the lead decided it was."
    )
    note = models.TextField(blank=True, help_text="What the lead did about it.")

    released_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the lead released the text for quotes and insight (containment ends).",
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        # The table kept its name when the model moved here from tasks (no data migration).
        db_table = "tasks_safeguardingflag"
        ordering = ["closed_at", "severity", "created_at"]
        indexes = [
            models.Index(fields=["status", "severity", "created_at"], name="sg_flag_queue_idx"),
            models.Index(fields=["notified_at"], name="tasks_safeg_notifie_baed90_idx"),
        ]

    def __str__(self) -> str:
        return f"Safeguarding flag {self.pk} on {self.target} ({self.severity})"

    @property
    def is_open(self) -> bool:
        return self.status != FlagStatus.CLOSED

    @property
    def is_disclosure(self) -> bool | None:
        """The lead's decision, for retraining: None while open."""
        if self.status != FlagStatus.CLOSED or not self.outcome:
            return None
        return self.outcome != FlagOutcome.NO_CONCERN


class DigestSent(models.Model):
    """One row per day the digest of open flags went out: makes the daily job idempotent."""

    sent_on = models.DateField(unique=True)
    flags = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Safeguarding digest {self.sent_on} ({self.flags} open)"


class ScreenModelVersion(models.Model):
    """A trained safeguarding model, versioned like the tagger's: the data files plus the
    lead's decisions at the time. The active one screens new feedback."""

    version = models.CharField(max_length=64, unique=True)
    blob = models.BinaryField(help_text="ScreenModel.dumps(): numpy arrays, no pickle.")
    trained_at = models.DateTimeField(auto_now_add=True)
    trained_on = models.JSONField(default=dict, help_text="Counts of examples by severity.")
    decisions = models.PositiveIntegerField(default=0, help_text="Lead's decisions used.")
    reason = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=False)

    class Meta:
        ordering = ["-trained_at"]

    def __str__(self) -> str:
        return f"Safeguarding model {self.version}{' (active)' if self.active else ''}"


class ScreenJobStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Screening"
    DONE = "done", "Finished"
    FAILED = "failed", "Stopped"


def screen_file_path(instance: "ScreenJob", filename: str) -> str:
    # A random name: the download view checks the role; the name is not a secret.
    return f"safeguarding/screens/{filename}"


class ScreenJob(JobProgress, models.Model):
    """The bulk screen run from the admin over a past export (issue #11): the lead's upload
    and the screened result, both in private storage (no URL), kept until ``expires_at`` or
    until a lead deletes them; the row stays with its counts (no text) as the record.

    The upload is saved before the job is queued, so a lost job runs again from it (the
    sweep); a finished job is never run twice.
    """

    filename = models.CharField(max_length=200, help_text="The uploaded file's name.")
    source = models.FileField(
        storage=get_private_storage, upload_to=screen_file_path, blank=True, max_length=200
    )
    result = models.FileField(
        storage=get_private_storage, upload_to=screen_file_path, blank=True, max_length=200
    )
    status = models.CharField(
        max_length=8, choices=ScreenJobStatus.choices, default=ScreenJobStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0, help_text="Rows, counted on upload.")
    done = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    urgent = models.PositiveIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=255, blank=True, help_text="Why it stopped; no text.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(help_text="When the files are deleted.")
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="sg_screenjob_status_idx")]

    def __str__(self) -> str:
        return f"Safeguarding screen {self.pk} ({self.status})"

    @property
    def concern(self) -> int:
        return self.flagged - self.urgent

    @property
    def downloadable(self) -> bool:
        return self.status == ScreenJobStatus.DONE and bool(self.result) and not self.deleted_at
