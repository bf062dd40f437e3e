"""Demo content so a newcomer sees a working site. Every step is idempotent."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from easyread.models import GlossaryTerm

from . import demo_content as content
from .models import (
    ConsultationEvent,
    ConsultationIndexPage,
    ConsultationPage,
    HomePage,
    Pathway,
    PlanSummaryPage,
    Pledge,
    StandardPage,
)
from .roles import Role

DEMO_PASSWORD = "everyvoice-demo"  # noqa: S105 - printed for local demos only
DEMO_USERS = [
    ("admin@everyvoice.test", "Ada", "Admin", Role.ADMINISTRATOR, True),
    ("engagement@everyvoice.test", "Erin", "Engagement", Role.ENGAGEMENT, False),
    ("editor@everyvoice.test", "Ed", "Editor", Role.EDITOR, False),
    ("safeguarding@everyvoice.test", "Sam", "Safeguarding", Role.SAFEGUARDING_LEAD, False),
    ("collaborative@everyvoice.test", "Cal", "Collaborative", Role.COLLABORATIVE_MEMBER, False),
    ("expert@everyvoice.test", "Eve", "Expert", Role.EXPERT_BY_EXPERIENCE, False),
]


demo_loaded = Signal()  # args: report (DemoReport), consultation (the demo ConsultationPage)
# Sent after ``demo_loaded``, once every app's demo pages exist, with the same args: the
# languages app translates them then (a second signal, so it need not be connected last).
demo_pages_ready = Signal()


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    totp_secrets: dict[str, str] = field(default_factory=dict)


def home_page_ensure() -> tuple[HomePage, bool]:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    existing = HomePage.objects.filter(locale=Locale.get_default()).first()
    if existing is not None:
        return existing, False
    root = Page.get_first_root_node()
    home = HomePage(
        title="Every Voice",
        slug="home",
        intro=(
            "<p>Tell us what you think about health and care services for people with a "
            "learning disability and autistic people in Leicester, Leicestershire and "
            "Rutland. We will tell you what changed.</p>"
        ),
    )
    welcome = Page.objects.filter(depth=2, slug="home").exclude(id=home.id).first()
    if welcome is not None:
        welcome.slug = "welcome-old"
        welcome.save(update_fields=["slug"])
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save(update_fields=["root_page"])
    if welcome is not None:
        welcome.delete()
    return home, True


def demo_users_ensure(report: DemoReport) -> None:
    User = get_user_model()
    for email, first, last, role, superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=email,
            defaults={
                "email": email,
                "first_name": first,
                "last_name": last,
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            report.created.append(f"user {email}")
        user.groups.add(Group.objects.get(name=role))
        report.logins.append((email, str(role)))
        if secret := demo_totp_ensure(user):
            report.totp_secrets[email] = secret


def demo_totp_ensure(user) -> str | None:
    """Turn on TOTP for a demo staff user with a fresh random secret (staff always need it).

    Returns the new secret, or None when the user already had TOTP.
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return None
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def demo_totp_code(email: str) -> str:
    """The current six-digit code for a demo user, so a newcomer can sign in without a phone."""
    import time

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import hotp_value
    from allauth.mfa.utils import decrypt

    authenticator = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def glossary_ensure(report: DemoReport) -> None:
    for term, explanation, picture in content.GLOSSARY:
        _, created = GlossaryTerm.objects.get_or_create(
            term=term, defaults={"explanation": explanation, "picture": picture}
        )
        if created:
            report.created.append(f"hard word {term}")


def _child(parent: Page, model, slug: str, report: DemoReport, **fields):
    """The child page with this slug, made and published if it is missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.created.append(f"{model._meta.verbose_name} /{slug}/")
    return page


def pages_ensure(home: HomePage, report: DemoReport) -> ConsultationPage:
    _child(
        home,
        PlanSummaryPage,
        "our-plan",
        report,
        title="Our plan for 2021 to 2024: easy read",
        show_in_menus=True,
        intro=content.PLAN_INTRO,
        source_title="Transforming Care in Leicester, Leicestershire and Rutland: "
        "3 Year Road Map 2021 to 2024",
        easy_read_body=content.PLAN_EASY_READ,
    )
    index = _child(
        home,
        ConsultationIndexPage,
        "have-your-say",
        report,
        title="Have your say",
        show_in_menus=True,
        intro="<p>Tell us what you think. Here is what we are asking about now.</p>",
    )
    now = timezone.now()
    existing = index.get_children().filter(slug="annual-health-checks").exists()
    consultation = _child(
        index,
        ConsultationPage,
        "annual-health-checks",
        report,
        title="Annual health checks",
        intro=content.CONSULTATION_INTRO,
        opens_at=now - timedelta(days=7),
        closes_at=now + timedelta(days=90),
        summary=content.CONSULTATION_SUMMARY,
        easy_read_body=content.CONSULTATION_EASY_READ,
    )
    if not existing:
        consultation.pledges.set(Pledge.objects.filter(code="pledge-9"))
        consultation.pathways.set(Pathway.objects.filter(code="annual-health-checks"))
        start = (now + timedelta(days=21)).replace(hour=10, minute=30, second=0, microsecond=0)
        consultation.events.add(
            ConsultationEvent(
                title="Talk to us about health checks in Leicester",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                **content.EVENT,
            )
        )
        consultation.save_revision().publish()
    for slug, title, body, easy in (
        (
            "accessibility",
            "Accessibility statement",
            content.ACCESSIBILITY,
            content.ACCESSIBILITY_EASY_READ,
        ),
        ("privacy", "Privacy notice", content.PRIVACY, content.PRIVACY_EASY_READ),
        ("contact", "Contact us", content.CONTACT, content.CONTACT_EASY_READ),
    ):
        _child(home, StandardPage, slug, report, title=title, body=body, easy_read_body=easy)
    return consultation


@transaction.atomic
def demo_load() -> DemoReport:
    report = DemoReport()
    home, created = home_page_ensure()
    if created:
        report.created.append("home page")
    demo_users_ensure(report)
    glossary_ensure(report)
    consultation = pages_ensure(home, report)
    # Apps that build on the site (surveys, insight) add their own demo content here, so
    # cms never imports them.
    demo_loaded.send(sender=DemoReport, report=report, consultation=consultation)
    # Last, once the survey and "you said, we did" pages exist: Gujarati and Urdu drafts.
    demo_pages_ready.send(sender=DemoReport, report=report, consultation=consultation)
    return report
