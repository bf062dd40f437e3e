"""The hard-word glossary: words explained where they are used on easy-read pages."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .pictures import picture_choices


class GlossaryTerm(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A hard word and an easy explanation of it.

    Easy-read pages explain a glossary word the first time it appears on the page, and the
    easy-read checks stop flagging it as a hard word or an unexplained short form.

    Translatable (wagtail-localize's "Translate" on the snippet, or its PO files): a page in
    Gujarati explains the Gujarati words of the Gujarati glossary. A word is unique within
    its language.
    """

    term = models.CharField(
        max_length=80,
        help_text="The word or short form as people will see it, for example 'GP'.",
    )
    explanation = models.TextField(
        help_text=(
            "1 or 2 short sentences that say what the word means, in easy words. "
            "For example: 'Your doctor at the local surgery.'"
        )
    )
    picture = models.CharField(
        max_length=60,
        blank=True,
        choices=picture_choices,
        help_text="Optional: one of our simple pictures, shown beside the explanation.",
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: your own picture instead. Its title is used as the alt text.",
    )
    # Deleting a term deletes its revisions too (Wagtail's recommended pattern).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossaryterm")

    panels = [
        FieldPanel("term"),
        FieldPanel("explanation"),
        FieldPanel("picture"),
        FieldPanel("image"),
    ]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("explanation"),
        SynchronizedField("picture"),
        SynchronizedField("image"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("term", "locale")]
        verbose_name = "hard word"
        verbose_name_plural = "hard words (glossary)"

    def __str__(self) -> str:
        return self.term

    @property
    def revisions(self):
        return self._revisions
