"""Who looked at or took away raw feedback, and when (visible to administrators)."""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    VIEW_RESPONSE = "view_response", "Viewed a response"
    VIEW_RESPONSES = "view_responses", "Viewed a list of responses"
    DOWNLOAD_AUDIO = "download_audio", "Downloaded an audio answer"
    DOWNLOAD_UPLOAD = "download_upload", "Downloaded an uploaded file"
    EXPORT_RESPONSES = "export_responses", "Exported responses"
    EXPORT_AGGREGATES = "export_aggregates", "Exported aggregated insight"
    VIEW_INSIGHT = "view_insight", "Viewed aggregated insight"
    VIEW_SAFEGUARDING = "view_safeguarding", "Viewed a safeguarding flag"
    ACKNOWLEDGE_SAFEGUARDING = "ack_safeguarding", "Acknowledged a safeguarding flag"
    REVIEW_TAGS = "review_tags", "Decided on tags"
    UNDO_TAG = "undo_tag", "Undid a tag decision"
    SCREEN_FILE = "screen_file", "Uploaded a file to the safeguarding screen"
    DOWNLOAD_SCREEN = "download_screen", "Downloaded a safeguarding screen's result"
    DELETE_SCREEN = "delete_screen", "Deleted a safeguarding screen's files"
    VIEW_THEMES = "view_themes", "Viewed candidate themes"
    EDIT_THEMES = "edit_themes", "Changed candidate themes"
    PROMOTE_THEME = "promote_theme", "Promoted a theme into the taxonomy"
    VIEW_TRANSLATION = "view_translation", "Viewed a text to translate"
    REQUEST_TRANSLATION = "request_translation", "Requested a translation"
    ENTER_TRANSLATION = "enter_translation", "Entered a translation"


class AuditEvent(models.Model):
    """One staff action on raw data. Append-only: there is no edit or delete in the admin."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, help_text="Kept if the account is deleted.")
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    target = models.CharField(max_length=120, help_text="What was seen, by id, never its text.")
    detail = models.CharField(max_length=255, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["action", "at"])]

    def __str__(self) -> str:
        return f"{self.username} {self.get_action_display().lower()} {self.target}"
