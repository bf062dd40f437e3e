"""Factories for cms tests: taxonomy rows, glossary words and the page tree."""

from datetime import timedelta

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.demo import home_page_ensure
from cms.models import (
    Collaborative,
    ConsultationIndexPage,
    ConsultationPage,
    Pathway,
    PlanSummaryPage,
    Pledge,
    StandardPage,
    YouSaidWeDidPage,
)
from easyread.models import GlossaryTerm

LONG_SENTENCE = (
    "We would like to hear from you about the way your doctor and the nurses at the "
    "surgery helped you last year."
)  # 22 words


def point(text="You can have a health check.", picture="health-check", **extra):
    return ("point", {"text": text, "picture": picture, "alt_text": "", **extra})


EASY_READ = [
    ("heading", {"text": "What is this about?", "level": "2"}),
    point(),
    ("key_message", {"text": "It is free."}),
    ("steps", {"steps": ["Phone your doctor.", "Ask for a check."]}),
]


class CollaborativeFactory(DjangoModelFactory):
    class Meta:
        model = Collaborative

    code = factory.Sequence(lambda n: f"collab-{n}")
    name = factory.Sequence(lambda n: f"Collaborative {n}")


class PledgeFactory(DjangoModelFactory):
    class Meta:
        model = Pledge

    number = factory.Sequence(lambda n: 100 + n)
    code = factory.LazyAttribute(lambda o: f"pledge-{o.number}")
    name = factory.Sequence(lambda n: f"Pledge name {n}")
    description = "A pledge."


class PathwayFactory(DjangoModelFactory):
    class Meta:
        model = Pathway

    code = factory.Sequence(lambda n: f"pathway-{n}")
    name = factory.Sequence(lambda n: f"Pathway {n}")
    description = "A pathway."


class GlossaryTermFactory(DjangoModelFactory):
    class Meta:
        model = GlossaryTerm
        django_get_or_create = ("term",)

    term = factory.Sequence(lambda n: f"word{n}")
    explanation = "An easy explanation."


class PageFactory(factory.Factory):
    """Builds a Wagtail page and publishes it under ``parent`` (the home page by default)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or home_page_ensure()[0]
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    body = factory.LazyFunction(lambda: [("paragraph", "<p>Standard words.</p>")])
    easy_read_body = factory.LazyFunction(lambda: list(EASY_READ))


class PlanSummaryPageFactory(PageFactory):
    class Meta:
        model = PlanSummaryPage

    intro = "Our plan."
    easy_read_body = factory.LazyFunction(lambda: list(EASY_READ))


class ConsultationIndexPageFactory(PageFactory):
    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(PageFactory):
    class Meta:
        model = ConsultationPage

    intro = "Tell us what you think."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    summary = factory.LazyFunction(lambda: [("paragraph", "<p>The standard summary.</p>")])
    easy_read_body = factory.LazyFunction(lambda: list(EASY_READ))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or ConsultationIndexPageFactory()
        return super()._create(model_class, *args, parent=parent, **kwargs)


class YouSaidWeDidPageFactory(PageFactory):
    class Meta:
        model = YouSaidWeDidPage

    intro = "What changed."
    easy_read_body = factory.LazyFunction(lambda: list(EASY_READ))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or ConsultationPageFactory()
        return super()._create(model_class, *args, parent=parent, **kwargs)


def staff_user(*, superuser=True, username="staff", groups=()):
    """A staff user who has turned on TOTP, so the admin lets them in."""
    User = get_user_model()
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="a-long-staff-password",
        is_staff=superuser,
        is_superuser=superuser,
    )
    for group in groups:
        user.groups.add(group)
    TOTP.activate(user, generate_totp_secret())
    return user
