"""Factories for feedback tests: the page tree a survey needs, responses, focus groups."""

from datetime import date, timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.demo import home_page_ensure
from cms.models import ConsultationIndexPage, ConsultationPage
from cms.roles import Role
from feedback.consent import CONSENT_VERSION
from feedback.models import Channel, FocusGroupSession, Response, SurveyPage
from feedback.reference import reference_generate

ALL_TYPES_QUESTIONS = [
    {
        "type": "single_choice",
        "value": {"question": "How did you hear about this?", "options": ["Post", "Email"]},
    },
    {
        "type": "multiple_choice",
        "value": {
            "question": "Who helps you?",
            "options": ["Family", "Support worker", "Nobody"],
            "rather_not_say": True,
        },
    },
    {
        "type": "picture_choice",
        "value": {
            "question": "Where would you like your health check?",
            "options": [
                {"label": "At the surgery", "shipped_picture": "hospital"},
                {"label": "At home", "shipped_picture": "home"},
            ],
            "rather_not_say": True,
        },
    },
    {
        "type": "faces",
        "value": {
            "question": "How did you feel about your health check?",
            "easy_read": "Choose the face that shows how you felt.",
            "shipped_picture": "health-check",
            "required": True,
            "rather_not_say": True,
        },
    },
    {"type": "yes_no", "value": {"question": "Did you get a letter?", "rather_not_say": True}},
    {
        "type": "short_text",
        "value": {"question": "What is your favourite place?", "max_length": 50},
    },
    {"type": "long_text", "value": {"question": "Anything else?", "max_length": 2000}},
    {"type": "audio", "value": {"question": "Tell us in your own voice"}},
    {"type": "fft", "value": {}},
]


def consultation_index() -> ConsultationIndexPage:
    home, _ = home_page_ensure()
    index = ConsultationIndexPage.objects.first()
    if index is None:
        index = ConsultationIndexPage(title="Have your say", slug="have-your-say")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


_counter = iter(range(1, 1_000_000))


def consultation_page(*, opens_at=None, closes_at=None, **kwargs) -> ConsultationPage:
    n = next(_counter)
    page = ConsultationPage(
        title=kwargs.pop("title", f"Annual health checks {n}"),
        slug=kwargs.pop("slug", f"health-checks-{n}"),
        opens_at=opens_at or timezone.now() - timedelta(days=1),
        closes_at=closes_at,
        **kwargs,
    )
    consultation_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def survey_page(*, consultation=None, questions=None, **kwargs) -> SurveyPage:
    consultation = consultation or consultation_page()
    n = next(_counter)
    survey = SurveyPage(
        title=kwargs.pop("title", f"Tell us about health checks {n}"),
        slug=kwargs.pop("slug", f"survey-{n}"),
        easy_read_intro=kwargs.pop("easy_read_intro", "We want to know what you think."),
        questions=ALL_TYPES_QUESTIONS if questions is None else questions,
        **kwargs,
    )
    consultation.add_child(instance=survey)
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def close(consultation: ConsultationPage) -> None:
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response

    survey = factory.LazyFunction(survey_page)
    reference = factory.LazyFunction(reference_generate)
    channel = Channel.ONLINE
    consent_version = CONSENT_VERSION
    consented_at = factory.LazyFunction(timezone.now)


class FocusGroupSessionFactory(DjangoModelFactory):
    class Meta:
        model = FocusGroupSession

    consultation = factory.LazyFunction(consultation_page)
    held_on = factory.LazyFunction(date.today)
    venue = "Community centre, Loughborough"
    facilitator = "Erin Engagement"
    attendees_lda = 6
    attendees_carers = 4
    consent_confirmed = True


def staff_user(django_user_model, *, role: Role = Role.ENGAGEMENT, username: str = "erin"):
    """A staff member with TOTP on (the admin needs it)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="a-long-staff-password"
    )
    user.groups.add(Group.objects.get(name=role))
    TOTP.activate(user, generate_totp_secret())
    return user
