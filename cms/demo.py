"""Demo content so a newcomer sees a working site. Every step is idempotent."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage
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


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)


def home_page_ensure() -> tuple[HomePage, bool]:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    existing = HomePage.objects.first()
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


@transaction.atomic
def demo_load() -> DemoReport:
    report = DemoReport()
    _, created = home_page_ensure()
    if created:
        report.created.append("home page")
    demo_users_ensure(report)
    return report
