"""Page models for the public site."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front door: what Every Voice is, and the consultations open now."""

    intro = RichTextField(blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class ConsultationIndexPage(Page):
    """Lists consultations: open ones first, then closed, then those with results."""

    intro = RichTextField(blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ConsultationPage"]

    class Meta:
        verbose_name = "consultation index page"


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", "Not open yet"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"
    RESULTS = "results", "Results published"


class ConsultationPage(Page):
    """One consultation: what we are asking, in standard and easy-read versions.

    Its surveys are child pages (``feedback.SurveyPage``), so this page never reaches into
    responses.
    """

    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField(null=True, blank=True)
    results_published = models.BooleanField(
        default=False, help_text="Tick when the 'you said, we did' page is published."
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("results_published")],
            heading="When people can take part",
        ),
    ]
    parent_page_types = ["cms.ConsultationIndexPage"]

    class Meta:
        verbose_name = "consultation page"

    def status_at(self, when=None) -> ConsultationStatus:
        when = when or timezone.now()
        if self.results_published:
            return ConsultationStatus.RESULTS
        if when < self.opens_at:
            return ConsultationStatus.UPCOMING
        if self.closes_at and when >= self.closes_at:
            return ConsultationStatus.CLOSED
        return ConsultationStatus.OPEN

    @property
    def status(self) -> ConsultationStatus:
        return self.status_at()

    @property
    def is_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN
