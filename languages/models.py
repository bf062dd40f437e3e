"""Which translated pages are drafts that a fluent speaker has not checked yet, and which
people's feedback is not in English (and its translation by a person)."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel


class DraftTranslation(models.Model):
    """A translated page shown with a "draft translation, to be checked" notice.

    Delete the row (Snippets > Draft translations) once a fluent speaker has checked the page;
    the notice goes with it.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="draft_translation"
    )
    note = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who made the draft and who should check it, for example 'demo content'.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("page"), FieldPanel("note")]

    class Meta:
        verbose_name = "draft translation"
        verbose_name_plural = "draft translations (to be checked)"

    def __str__(self) -> str:
        return f"{self.page.title} ({self.page.locale.language_code})"


class TranslationStatus(models.TextChoices):
    NEEDED = "needed", "Not in English: waiting for a person"
    REQUESTED = "requested", "Translation requested"
    TRANSLATED = "translated", "Translated"


class TextTranslation(models.Model):
    """Feedback a person wrote in another language, and its English translation by a person.

    The tagger and the safeguarding screen read English only. The tagging job records every
    text it finds not in English here (``NEEDED``) instead of tagging it, so it shows on the
    review screen as "Not in English (Gujarati)", never silently untagged. Staff may request
    a translation (who, when) and enter it (translator, who typed it, when); the English
    words are then tagged and screened by the same job as any text (``tasks/texts.py`` reads
    the translation in place of the original). The original answer is never changed.
    """

    target = models.CharField(max_length=24, unique=True, help_text="a:<answer> or c:<id>")
    response = models.ForeignKey(
        "feedback.Response", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    answer = models.OneToOneField(
        "feedback.Answer",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translation",
    )
    contribution = models.OneToOneField(
        "feedback.Contribution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translation",
    )
    language = models.CharField(
        max_length=16, help_text="The language found (languages/detect.py), or 'other'."
    )
    status = models.CharField(
        max_length=16, choices=TranslationStatus.choices, default=TranslationStatus.NEEDED
    )
    found_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="The English translation.")
    translator_name = models.CharField(
        max_length=120, blank=True, help_text="Who translated it (a person or an agency)."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    translated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["found_at", "id"]
        indexes = [models.Index(fields=["status", "found_at"])]

    def __str__(self) -> str:
        return f"{self.target} ({self.language}, {self.get_status_display()})"

    @property
    def language_name(self) -> str:
        from .catalogue import get

        return "language not known" if self.language in ("", "other") else get(self.language).name

    @property
    def original(self) -> str:
        """The words as the person wrote them (never changed by a translation)."""
        owner = self.answer if self.answer_id else self.contribution
        return owner.text if owner is not None else ""

    @property
    def html_lang(self) -> str:
        """For ``lang`` on the original, so a screen reader says it right ("" when unknown)."""
        from .catalogue import get

        return "" if self.language in ("", "other") else get(self.language).html_lang

    @property
    def dir(self) -> str:
        from .catalogue import get

        return "" if self.language in ("", "other") else get(self.language).dir
