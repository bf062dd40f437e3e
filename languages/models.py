"""Which translated pages are drafts that a fluent speaker has not checked yet, and which
people's feedback is not in English (and its translation by a person)."""

from django.conf import settings
from django.core.exceptions import ValidationError
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


def _other_languages() -> list[tuple[str, str]]:
    from .catalogue import default, languages

    return [(lang.code, lang.name) for lang in languages() if lang != default()]


class TermName(models.Model):
    """A pledge's, pathway's or theme's name (and easy-read words) in another language.

    The terms themselves stay one row each, keyed by their stable code: tags, insight and the
    tagger refer to the code and read the English, so the terms are not Wagtail translations
    (a copy per language would need codes unique per language). Public pages in that
    language show these names; a term with no name here is shown in English, marked so.
    """

    code = models.SlugField(
        max_length=60, help_text="The pledge's, pathway's or theme's code, e.g. 'pledge-9'."
    )
    language = models.CharField(max_length=16, choices=_other_languages)
    name = models.CharField(max_length=120, help_text="The name, in that language.")
    easy_read = models.TextField(blank=True, help_text="Optional: the easy-read description.")
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("language"),
        FieldPanel("name"),
        FieldPanel("easy_read"),
    ]

    class Meta:
        ordering = ["code", "language"]
        verbose_name = "pledge or pathway name in another language"
        verbose_name_plural = "pledge and pathway names in other languages"
        constraints = [
            models.UniqueConstraint(fields=["code", "language"], name="languages_term_name_once")
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.language}): {self.name}"

    def clean(self) -> None:
        super().clean()
        from cms.models.taxonomy import TERM_MODELS

        if self.code and not any(m.objects.filter(code=self.code).exists() for m in TERM_MODELS):
            raise ValidationError(
                {"code": f"No pledge, pathway or theme has the code '{self.code}'."}
            )
