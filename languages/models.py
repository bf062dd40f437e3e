"""Which translated pages are drafts that a fluent speaker has not checked yet."""

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
