"""Page models for the public site.

Pages with an easy-read version show it first, with a link to the standard version
("Easy read | Standard", plain links, so it works without JavaScript): most people who come
to Every Voice asked for easy read. ``?print=1`` gives a print version for focus groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from easyread.blocks import EasyReadStreamBlock
from easyread.findings import stream_findings
from easyread.glossary import Glossary

from ..blocks import StandardStreamBlock
from ..panels import EasyReadChecksPanel

EASY_READ = "easy-read"
#: Hook: ``fn(page) -> datetime | None``, when experts by experience checked the live version
#: (the panel app registers it, so cms never imports it).
EASY_READ_CHECKED = "cms_easy_read_checked"
#: Hook: ``fn(terms, language_code) -> list[TermShown] | None``, pledges and pathways named in
#: a page's language (the languages app registers it from its TermName rows).
TERM_NAMES = "cms_term_names"
STANDARD = "standard"


@dataclass(frozen=True)
class TermShown:
    """A pledge's or pathway's name as a page in some language shows it."""

    code: str
    name: str
    html_lang: str  # "" when in the page's own language; "en-GB" when shown in English


def term_names(terms, language_code: str) -> list[TermShown]:
    """``terms`` as a page in ``language_code`` names them: asked of the ``TERM_NAMES`` hook,
    so cms never imports the languages app; with no hook, the names as stored."""
    terms = list(terms)
    for fn in hooks.get_hooks(TERM_NAMES):
        shown = fn(terms, language_code)
        if shown is not None:
            return shown
    return [TermShown(t.code, t.name, "") for t in terms]


def breadcrumbs(page) -> list[dict[str, str]]:
    """The page's parents from the home page down, for includes/breadcrumb.html."""
    ancestors = page.get_ancestors().filter(depth__gte=2).specific()
    return [
        {"href": a.url, "text": gettext("Home") if a.depth == 2 else a.title}
        for a in ancestors
        if a.url
    ]


class EasyReadPageMixin:
    """Serves the easy-read version (default), the standard one, and a print version."""

    #: Name of the standard-version StreamField, or "" when the page is easy read only.
    standard_field = ""
    easy_read_field = "easy_read_body"

    def version_for(self, request) -> str:
        if self.standard_field and request.GET.get("version") == STANDARD:
            return STANDARD
        return EASY_READ

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        version = self.version_for(request)
        glossary = Glossary.from_database(self.locale.language_code)
        body = getattr(self, self.easy_read_field)
        show_findings = bool(getattr(request, "is_preview", False))
        findings = [()] * len(body)
        if show_findings:
            # In the editor's preview, show each block's findings beside it (and to
            # Wagtail's Checks panel, which counts them: see cms.wagtail_hooks). Matched by
            # position: blocks just added in the editor may not have an id yet.
            findings = [b.findings for b in stream_findings(body, glossary=glossary.terms)]
        print_query = "?print=1" if version == EASY_READ else f"?version={version}&print=1"
        context.update(
            {
                "breadcrumbs": breadcrumbs(self),
                "print_url": self.url + print_query if self.url else print_query,
                "version": version,
                "is_easy_read": version == EASY_READ,
                "has_standard_version": bool(self.standard_field),
                "print_view": request.GET.get("print") == "1",
                "glossary": glossary,
                "easy_read_blocks": list(zip(body, findings, strict=True)),
                "checked_on": None
                if show_findings
                else next(
                    (when for fn in hooks.get_hooks(EASY_READ_CHECKED) if (when := fn(self))),
                    None,
                ),
            }
        )
        return context


class HomePage(Page):
    """The front door: what Every Voice is, and the consultations open now."""

    intro = RichTextField(blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import consultations_open

        context = super().get_context(request, *args, **kwargs)
        context["open_consultations"] = consultations_open()
        context["sections"] = self.get_children().live().public().in_menu()
        return context


class ConsultationIndexPage(Page):
    """Lists consultations: open ones first, then closed, then those with results."""

    intro = RichTextField(blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ConsultationPage"]

    class Meta:
        verbose_name = "consultation index page"

    def get_context(self, request, *args, **kwargs):
        from ..selectors import consultations_grouped

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = consultations_grouped(self)
        context["breadcrumbs"] = breadcrumbs(self)
        return context


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", "Not open yet"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    RESULTS = "results", "Results published"


class RetentionAction(models.TextChoices):
    ANONYMISE = "anonymise", "Anonymise (remove their words and details, keep the counts)"
    DELETE = "delete", "Delete the responses completely"


class ConsultationPage(EasyReadPageMixin, Page):
    """One consultation: what we are asking, in standard and easy-read versions.

    Its surveys are child pages (``feedback.SurveyPage``), so this page never reaches into
    responses; so is its "you said, we did" page.
    """

    intro = models.TextField(
        blank=True,
        max_length=300,
        help_text="1 or 2 short sentences for the list of consultations.",
    )
    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField(null=True, blank=True)
    results_published = models.BooleanField(
        default=False,
        help_text="Tick when the 'you said, we did' page is published. This never closes the "
        "consultation: people can still take part until the closing date. To close it, set "
        "'Closes at'.",
    )
    summary = StreamField(
        StandardStreamBlock(),
        blank=True,
        help_text="The standard version: what we are asking and why, in plain English.",
    )
    easy_read_body = StreamField(
        EasyReadStreamBlock(),
        blank=True,
        verbose_name="easy read version",
        help_text="The easy-read version. People see it first.",
    )
    pledges = ParentalManyToManyField("cms.Pledge", blank=True, related_name="consultations")
    pathways = ParentalManyToManyField("cms.Pathway", blank=True, related_name="consultations")
    retention_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many days after the consultation closes we keep people's answers "
        "(counted from when each answer was sent if it has no closing date). Leave empty "
        "to keep them until you change this. The privacy notice tells people about it.",
    )
    retention_action = models.CharField(
        max_length=10,
        choices=RetentionAction.choices,
        default=RetentionAction.ANONYMISE,
        help_text="What happens to answers when the time is up.",
    )

    standard_field = "summary"

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("results_published")],
            heading="When people can take part",
        ),
        EasyReadChecksPanel(heading="Easy read checks"),
        FieldPanel("easy_read_body"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("pledges"), FieldPanel("pathways")],
            heading="What it is about",
            help_text="Used to show people's views to the right collaboratives.",
        ),
        InlinePanel("events", heading="Focus groups and events", label="event"),
        MultiFieldPanel(
            [FieldPanel("retention_days"), FieldPanel("retention_action")],
            heading="Keeping people's answers",
        ),
    ]
    parent_page_types = ["cms.ConsultationIndexPage"]
    # Surveys are built in the feedback app, draft pathways for people to shape in involvement;
    # named by string (no import up) and tolerated if an app has not shipped them.
    subpage_types = ["feedback.SurveyPage", "cms.YouSaidWeDidPage", "involvement.PathwayDraftPage"]

    class Meta:
        verbose_name = "consultation page"

    @classmethod
    def clean_subpage_models(cls):
        if cls._clean_subpage_models is None:
            present = []
            for name in cls.subpage_types:
                app_label, model_name = name.split(".")
                try:
                    present.append(apps.get_model(app_label, model_name))
                except LookupError:
                    continue
            cls._clean_subpage_models = present
        return cls._clean_subpage_models

    def status_at(self, when=None) -> ConsultationStatus:
        """Open or not comes from the dates alone; publishing results never closes a
        consultation on its own (closing is setting 'Closes at', a separate step)."""
        when = when or timezone.now()
        if when < self.opens_at:
            return ConsultationStatus.UPCOMING
        if not (self.closes_at and when >= self.closes_at):
            return ConsultationStatus.OPEN
        if self.results_published:
            return ConsultationStatus.RESULTS
        return ConsultationStatus.CLOSED

    @property
    def status(self) -> ConsultationStatus:
        return self.status_at()

    @property
    def is_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        children = list(self.get_children().live().public().specific())
        context["upcoming_events"] = [e for e in self.events.all() if e.ends_at >= now]
        context["surveys"] = [c for c in children if not isinstance(c, YouSaidWeDidPage)]
        context["results_pages"] = [c for c in children if isinstance(c, YouSaidWeDidPage)]
        # Named in the page's language where staff gave a name (languages.TermName).
        context["topics"] = term_names(
            [*self.pledges.all(), *self.pathways.all()], self.locale.language_code
        )
        return context


class ConsultationEvent(Orderable):
    """A focus group or drop-in for a consultation: public information only."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(
        max_length=120, help_text="For example 'Focus group in Loughborough'."
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(
        max_length=200, help_text="Where it is. Say 'Online' for video calls."
    )
    easy_read_details = models.TextField(
        blank=True,
        help_text="1 to 3 short sentences: what happens and how to come along.",
    )
    access_details = models.TextField(
        blank=True,
        help_text="Step-free access, hearing loop, quiet room, carers welcome, travel costs…",
    )
    booking = models.CharField(
        max_length=200,
        blank=True,
        help_text="How to book, for example a phone number or email. No personal details.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("place"),
        FieldPanel("easy_read_details"),
        FieldPanel("access_details"),
        FieldPanel("booking"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "focus group or event"

    def __str__(self) -> str:
        return self.title


class PlanSummaryPage(EasyReadPageMixin, Page):
    """An easy-read summary of a plan (for example the LDA 3-year road map)."""

    intro = models.TextField(blank=True, max_length=300, help_text="1 or 2 short sentences.")
    source_title = models.CharField(
        max_length=200, blank=True, help_text="The name of the full plan this summarises."
    )
    source_url = models.URLField(blank=True, help_text="Where to read the full plan.")
    easy_read_body = StreamField(EasyReadStreamBlock(), blank=True, verbose_name="easy read")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("source_title"), FieldPanel("source_url")], heading="Plan"),
        EasyReadChecksPanel(heading="Easy read checks"),
        FieldPanel("easy_read_body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "plan summary page"


YOU_SAID_WE_DID_SECTIONS = "cms_you_said_we_did_sections"


class YouSaidWeDidPage(EasyReadPageMixin, Page):
    """Tells participants what changed because of a consultation, in easy read.

    The outcomes themselves come from apps registered on ``YOU_SAID_WE_DID_SECTIONS``.
    """

    intro = models.TextField(blank=True, max_length=300, help_text="1 or 2 short sentences.")
    easy_read_body = StreamField(EasyReadStreamBlock(), blank=True, verbose_name="easy read")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        EasyReadChecksPanel(heading="Easy read checks"),
        FieldPanel("easy_read_body"),
    ]
    parent_page_types = ["cms.ConsultationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "'you said, we did' page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Apps that know what changed (insight's outcomes) add sections through this hook, so
        # cms never imports them. Each hook returns HTML for (request, page), or "".
        context["extra_sections"] = [
            html for fn in hooks.get_hooks(YOU_SAID_WE_DID_SECTIONS) if (html := fn(request, self))
        ]
        return context


class StandardPage(EasyReadPageMixin, Page):
    """An ordinary page (accessibility statement, privacy notice), also in easy read."""

    body = StreamField(StandardStreamBlock(), blank=True, verbose_name="standard version")
    easy_read_body = StreamField(EasyReadStreamBlock(), blank=True, verbose_name="easy read")

    standard_field = "body"

    content_panels = [
        *Page.content_panels,
        EasyReadChecksPanel(heading="Easy read checks"),
        FieldPanel("easy_read_body"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]

    class Meta:
        verbose_name = "standard page"

    def version_for(self, request) -> str:
        # A page with no easy read yet shows its standard version rather than nothing.
        if not self.easy_read_body and self.body:
            return STANDARD
        return super().version_for(request)
