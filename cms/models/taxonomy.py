"""The LLR taxonomy that feedback is tagged against: collaboratives, pledges, pathways and
the themes the engagement team promoted from emerging themes (``tasks.emerging``).

Pledges, pathways and themes share one code namespace (the tagger sees plain codes), so a
code is unique across the tables: checked in ``clean()``, ``code_in_use`` and ``cms.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import RevisionMixin
from wagtail.search import index

from easyread.pictures import picture_choices


def split_lines(text: str) -> list[str]:
    """One item a line, blank lines and surrounding spaces dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Collaborative(RevisionMixin, index.Indexed, models.Model):
    """An accountable body for pledges and pathways (Table 13 of the LLR 5-year plan)."""

    code = models.SlugField(max_length=60, unique=True, help_text="Stable; do not change it.")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="collaboratives",
        help_text="Staff and panel members who see this collaborative's insight.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="collaborative")

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("members"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions


class TaxonomyTerm(RevisionMixin, index.Indexed, models.Model):
    """What pledges and pathways have in common."""

    KIND = ""

    code = models.SlugField(
        max_length=60,
        unique=True,
        help_text=(
            "A stable code, for example 'pledge-9' or 'annual-health-checks'. Tags refer to it, "
            "so do not change it once feedback has been tagged."
        ),
    )
    name = models.CharField(max_length=120)
    description = models.TextField(help_text="A plain description for staff.")
    easy_read = models.TextField(
        blank=True,
        help_text="An easy-read description: 1 to 3 short sentences, one a line.",
    )
    keywords = models.TextField(
        blank=True,
        help_text="Words and phrases people use for this, one a line. The tagger looks for them.",
    )
    examples = models.TextField(
        blank=True,
        help_text="A few real-sounding things people might say about this, one a line.",
    )
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    picture = models.CharField(
        max_length=60,
        blank=True,
        choices=picture_choices,
        help_text="Used when there is no image: one of our simple pictures.",
    )
    active = models.BooleanField(
        default=True, help_text="Untick to stop tagging new feedback with it (old tags stay)."
    )
    collaborative = models.ForeignKey(
        Collaborative,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        help_text="The collaborative accountable for it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("collaborative"),
        FieldPanel("active"),
        FieldPanel("description"),
        FieldPanel("easy_read"),
        MultiFieldPanel(
            [FieldPanel("keywords"), FieldPanel("examples")], heading="For the tagger"
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("picture")], heading="Picture"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.SearchField("keywords"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def keyword_list(self) -> list[str]:
        return split_lines(self.keywords)

    @property
    def example_list(self) -> list[str]:
        return split_lines(self.examples)

    def clean(self) -> None:
        super().clean()
        other = code_in_use(self.code, besides=type(self))
        if self.code and other:
            raise ValidationError(
                {"code": f"A {other} already uses the code '{self.code}'. Codes are shared."}
            )


def term_label(name: str, number: int | None = None) -> str:
    """How staff screens name a pledge, pathway or theme: "Pledge 9: …" keeps a pledge apart
    from a pathway with a like name (both are about annual health checks)."""
    return f"Pledge {number}: {name}" if number else name


class Pledge(TaxonomyTerm):
    """One of the 13 public LLR pledges."""

    KIND = "pledge"

    number = models.PositiveSmallIntegerField(unique=True, help_text="1 to 13, as published.")
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="pledge")

    panels = [FieldPanel("number"), *TaxonomyTerm.panels]

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return term_label(self.name, self.number)


class Pathway(TaxonomyTerm):
    """A care pathway of the LDA programme (e.g. annual health checks)."""

    KIND = "pathway"

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="pathway")

    class Meta:
        ordering = ["name"]


class Theme(TaxonomyTerm):
    """A theme the engagement team found in feedback that no pledge or pathway covered, and
    promoted into the taxonomy (admin "Emerging themes"); tagged like any other term."""

    KIND = "theme"

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="theme")

    class Meta:
        ordering = ["name"]


TERM_MODELS: tuple[type[TaxonomyTerm], ...] = (Pledge, Pathway, Theme)


def code_in_use(code: str, *, besides: type[TaxonomyTerm] | None = None) -> str:
    """The kind ("pledge", "pathway", "theme") already using ``code`` in another table than
    ``besides``, or "" when it is free there: the one check of the shared code namespace."""
    for model in TERM_MODELS:
        if model is not besides and code and model.objects.filter(code=code).exists():
            return model.KIND
    return ""
