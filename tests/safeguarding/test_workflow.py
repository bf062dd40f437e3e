"""The lead's workflow in the Wagtail admin, as the lead uses it (test client): the waiting
count on the admin home and in the menu, new -> in progress -> closed with an assignee, an
outcome and a note (no one-click close), the link to the whole response, and an audit record
of every view of flagged text."""

import pytest

from cms.models import AuditAction, AuditEvent
from cms.roles import Role
from safeguarding import services
from safeguarding.models import FlagStatus, SafeguardingFlag
from safeguarding.screen.categories import category_label
from safeguarding.tasks import screen_contribution, screen_response
from tests.feedback.factories import staff_user
from tests.safeguarding.factories import contribution, submitted

pytestmark = pytest.mark.django_db

DISCLOSURE = "my staff hit me and I am scared to go home"


@pytest.fixture
def lead(django_user_model):
    return staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")


@pytest.fixture
def flag():
    response = submitted(DISCLOSURE)
    screen_response(response.id)
    return SafeguardingFlag.objects.get()


def test_the_lead_picks_up_a_flag_and_closes_it_with_an_outcome_and_a_note(client, lead, flag):
    client.force_login(lead)
    home = client.get("/admin/").content.decode()
    assert "Safeguarding flags waiting: 1" in home and "1 urgent" in home
    assert "Safeguarding (1 waiting)" in home  # the menu item's label carries the count
    html = client.get("/admin/safeguarding/").content.decode()
    assert f"Flag {flag.pk}" in html and "Urgent" in html and "Nobody yet" in html
    assert DISCLOSURE not in html  # the list shows no words; opening a flag is audited

    html = client.get(f"/admin/safeguarding/{flag.pk}/").content.decode()
    assert DISCLOSURE in html
    assert f"/admin/feedback/responses/{flag.response_id}/" in html  # the whole response
    assert "Held back" in html

    got = client.post(f"/admin/safeguarding/{flag.pk}/assign/", {"assignee": lead.pk})
    assert got.status_code == 302
    flag.refresh_from_db()
    assert flag.status == FlagStatus.IN_PROGRESS and flag.assignee == lead

    # No one-click close: an outcome and a note are both needed, and what was typed stays.
    got = client.post(f"/admin/safeguarding/{flag.pk}/close/", {"note": "Rang the provider"})
    assert got.status_code == 400
    page = got.content.decode()
    assert "There is a problem" in page and "Choose what you decided." in page
    assert "Rang the provider" in page
    got = client.post(f"/admin/safeguarding/{flag.pk}/close/", {"outcome": "referred_la"})
    assert got.status_code == 400 and "Write what you did and why." in got.content.decode()
    got = client.post(
        f"/admin/safeguarding/{flag.pk}/close/", {"outcome": "referred_la", "note": "   "}
    )
    assert got.status_code == 400
    flag.refresh_from_db()
    assert flag.status == FlagStatus.IN_PROGRESS

    got = client.post(
        f"/admin/safeguarding/{flag.pk}/close/",
        {
            "outcome": "referred_la",
            "categories": ["physical-abuse", "organisational-abuse"],
            "note": "Referred to Leicestershire adult social care, ref 123.",
        },
    )
    assert got.status_code == 302
    flag.refresh_from_db()
    assert flag.status == FlagStatus.CLOSED and flag.outcome == "referred_la"
    assert flag.closed_by == lead and flag.closed_by_name == "sam" and flag.closed_at
    assert flag.lead_categories == ["physical-abuse", "organisational-abuse"]
    assert "Referred to Leicestershire adult social care" in flag.note
    assert flag.released_at is None  # closing does not release the text
    assert flag.is_disclosure is True

    home = client.get("/admin/").content.decode()
    assert "Safeguarding flags waiting: 0" in home and "Safeguarding (1 waiting)" not in home
    closed = client.get("/admin/safeguarding/?show=closed").content.decode()
    assert "Referred to the local authority" in closed and "sam" in closed

    events = AuditEvent.objects.filter(target=f"flag:{flag.pk}")
    assert events.filter(action=AuditAction.VIEW_SAFEGUARDING).count() >= 3  # each page view
    assert set(events.values_list("username", flat=True)) == {"sam"}
    details = set(events.values_list("detail", flat=True))
    assert f"assigned to user {lead.pk}" in details and "closed: referred_la" in details


def test_the_lead_can_give_a_flag_to_another_lead_but_not_to_anyone(
    client, lead, flag, django_user_model
):
    deputy = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="dee")
    officer = staff_user(django_user_model, role=Role.ENGAGEMENT, username="erin")
    client.force_login(lead)
    assert client.post(f"/admin/safeguarding/{flag.pk}/assign/", {"assignee": officer.pk})
    flag.refresh_from_db()
    assert flag.assignee is None and flag.status == FlagStatus.NEW
    client.post(f"/admin/safeguarding/{flag.pk}/assign/", {"assignee": deputy.pk})
    flag.refresh_from_db()
    assert flag.assignee == deputy and flag.status == FlagStatus.IN_PROGRESS
    client.force_login(deputy)
    assert f"Flag {flag.pk}" in client.get("/admin/safeguarding/?show=mine").content.decode()


def test_release_lets_the_text_out_and_is_recorded(client, lead, flag):
    client.force_login(lead)
    client.post(
        f"/admin/safeguarding/{flag.pk}/close/",
        {"outcome": "no_concern", "note": "A story from a film, checked with staff.",
         "release": "on"},
    )  # fmt: skip
    flag.refresh_from_db()
    assert flag.released_by == lead and flag.released_at and flag.is_disclosure is False
    assert AuditEvent.objects.filter(detail="closed: no_concern; released").exists()


def test_a_contribution_flag_shows_the_whole_contribution(client, lead):
    c = contribution("He said the night staff lock him in his room. " + "More words. " * 500)
    screen_contribution(c.id)
    flag = SafeguardingFlag.objects.get()
    assert len(flag.excerpt) < len(c.text)
    client.force_login(lead)
    html = client.get(f"/admin/safeguarding/{flag.pk}/").content.decode()
    assert html.count("More words.") == 500


@pytest.mark.parametrize(
    "role", [Role.ENGAGEMENT, Role.EDITOR, Role.COLLABORATIVE_MEMBER, Role.EXPERT_BY_EXPERIENCE]
)
def test_only_the_safeguarding_lead_and_admins_see_or_change_flags(
    client, django_user_model, role, flag
):
    user = staff_user(django_user_model, role=role)
    client.force_login(user)
    for url in ("/admin/safeguarding/", f"/admin/safeguarding/{flag.pk}/"):
        got = client.get(url)
        # Wagtail sends admin roles to the dashboard, others (no admin access) to sign-in.
        assert got.status_code == 302, url
        assert got["Location"] == "/admin/" or got["Location"].startswith("/accounts/login/")
    client.post(f"/admin/safeguarding/{flag.pk}/close/", {"outcome": "other", "note": "x"})
    client.post(f"/admin/safeguarding/{flag.pk}/assign/", {"assignee": user.pk})
    client.post(f"/admin/safeguarding/{flag.pk}/release/")
    flag.refresh_from_db()
    assert flag.status == FlagStatus.NEW and flag.released_at is None
    assert not AuditEvent.objects.filter(target=f"flag:{flag.pk}").exists()
    assert "Safeguarding flags waiting" not in client.get("/admin/").content.decode()


def test_closing_twice_adds_to_the_note_and_keeps_the_decision(django_user_model, lead, flag):
    first = services.flag_close(flag_id=flag.pk, user=lead, outcome="other", note="Called")
    ada = staff_user(django_user_model, role=Role.ADMINISTRATOR, username="ada")
    second = services.flag_close(flag_id=flag.pk, user=ada, outcome="no_concern", note="Later")
    assert second.closed_by == lead and second.closed_at == first.closed_at
    assert second.outcome == "other" and "ada] Later" in second.note


def test_every_category_the_screen_gives_has_wording_for_the_lead():
    from safeguarding.screen import CATEGORIES
    from safeguarding.screen.categories import category_labels

    assert set(CATEGORIES) <= set(category_labels())
    assert "organisational-abuse" in category_labels()  # harm by paid staff
    # Each is a whole phrase: none stops on a word that needs more after it (the not-English
    # label once ended "a person who reads the language must").
    dangling = {"must", "should", "to", "the", "a", "and", "or", "of", "by", "so"}
    for slug, wording in category_labels().items():
        assert wording.split()[-1].lower() not in dangling, slug


def test_closed_flags_list_the_kind_of_harm_the_lead_decided(client, lead, flag):
    """After closing, the lead's kinds of harm are the record in the list; the screen's guess
    is shown beside them only when it differs."""
    client.force_login(lead)
    client.post(f"/admin/safeguarding/{flag.pk}/assign/", {"assignee": lead.pk})
    screen_said = set(flag.categories)
    decided = "financial-abuse" if "financial-abuse" not in screen_said else "neglect"
    got = client.post(
        f"/admin/safeguarding/{flag.pk}/close/",
        {"outcome": "wrong_category", "categories": [decided], "note": "Money, not hitting."},
    )
    assert got.status_code == 302
    closed = client.get("/admin/safeguarding/?show=closed").content.decode()
    assert f"{category_label(decided)} (lead)" in closed
    assert "Screen said:" in closed
