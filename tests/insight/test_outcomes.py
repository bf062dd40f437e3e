"""You said, we did: outcomes on the consultation's page, following your own words by
reference code, and the easy-read email when an outcome is published."""

import pytest
from django.core import mail

from cms.models import YouSaidWeDidPage
from insight import services
from insight.models import Outcome, OutcomeExample, OutcomeNotification
from tasks.models import TagStatus

from .factories import tagged_response

pytestmark = pytest.mark.django_db


def outcome_for(world, *, published=True, **extra) -> Outcome:
    fields = {
        "title": "Longer annual health checks",
        "you_said": "People said checks were rushed.",
        "action": "Practices will offer 30-minute appointments.",
        "easy_read_title": "Longer health checks",
        "easy_read_you_said": "You told us health checks are too quick.",
        "easy_read_we_did": "We are making health checks longer.",
        "owner": "Primary care team",
        "status": "in_progress",
        **extra,
    }
    outcome = Outcome.objects.create(consultation=world.consultation, live=published, **fields)
    outcome.pledges.add(world.pledge)
    outcome.save()  # ParentalManyToMany: saved with the outcome
    return outcome


def yswd_page(world) -> YouSaidWeDidPage:
    page = YouSaidWeDidPage(
        title="You said, we did", slug="you-said-we-did", intro="What changed."
    )
    world.consultation.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_page_hook_shows_published_outcomes_with_redacted_examples(client, world):
    response = tagged_response(
        world.survey, "pledge-t9", text="Dr Patel rushed me, call me on 07700 900123 please"
    )
    outcome = outcome_for(world)
    OutcomeExample.objects.create(outcome=outcome, target=f"a:{response.answers.first().pk}")
    outcome_for(world, published=False, easy_read_title="Not yet public")
    page = yswd_page(world)
    html = client.get(page.url).content.decode()
    assert "Longer health checks" in html
    assert "We are doing it now" in html
    assert "Not yet public" not in html
    assert "[phone]" in html and "07700" not in html and "Patel" not in html


def test_you_said_we_did_page_lists_the_outcomes(client, world):
    outcome_for(world)
    page = yswd_page(world)
    html = client.get(page.url).content.decode()
    assert "Longer health checks" in html


def test_follow_your_words_by_reference_code(client, world):
    mine = tagged_response(world.survey, "pledge-t9", confidence=0.95)
    outcome_for(world)
    response = client.post("/follow/", {"code": mine.reference_display.lower()})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Test pledge 209" in page
    assert "Longer health checks" in page
    assert "You told us health checks are too quick." in page


def test_follow_shows_only_confirmed_or_confident_themes(client, world):
    mine = tagged_response(world.survey, "pledge-t9", confidence=0.55)
    outcome_for(world)
    page = client.post("/follow/", {"code": mine.reference}).content.decode()
    assert "Test pledge 209" not in page and "Longer health checks" not in page
    assert "We are still reading your answers" in page


def test_follow_says_when_your_words_were_an_example(client, world):
    mine = tagged_response(world.survey, "pledge-t9", status=TagStatus.CONFIRMED)
    outcome = outcome_for(world)
    OutcomeExample.objects.create(outcome=outcome, target=f"a:{mine.answers.first().pk}")
    page = client.post("/follow/", {"code": mine.reference}).content.decode()
    assert "We used your words" in page


def test_follow_unknown_code_is_an_error_and_lookups_are_rate_limited(client, world):
    response = client.post("/follow/", {"code": "AAAA-AAAA-AA"})
    assert "We cannot find that reference code" in response.content.decode()
    for _ in range(25):
        response = client.post("/follow/", {"code": "AAAA-AAAA-AA"})
    assert response.status_code == 429


def test_follow_when_signed_in_shows_your_own_responses(client, world, django_user_model):
    person = django_user_model.objects.create_user(username="pat", email="pat@example.org")
    tagged_response(world.survey, "pledge-t9", participant=person)
    outcome_for(world)
    client.force_login(person)
    assert "Longer health checks" in client.get("/follow/").content.decode()


def test_publishing_an_outcome_emails_people_who_asked_once(
    world, django_capture_on_commit_callbacks
):
    tagged_response(world.survey, "pledge-t9", wants_updates=True, contact_email="kim@example.org")
    tagged_response(
        world.survey,
        "pledge-t9",
        wants_updates=True,
        contact_email="Kim@example.org",  # the same person twice: one email
    )
    tagged_response(
        world.survey,
        "pledge-t9",
        voice="supporter",
        wants_updates=True,
        contact_email="helper@example.org",
    )
    tagged_response(world.survey, "pledge-t9", wants_updates=False, contact_email="no@example.org")
    outcome = outcome_for(world, published=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.outcome_saved(outcome=outcome)
    assert mail.outbox == []  # not published yet

    with django_capture_on_commit_callbacks(execute=True):
        outcome.save_revision().publish()  # Wagtail's own publishing (insight.receivers)
    assert sorted(m.to[0] for m in mail.outbox) == ["helper@example.org", "kim@example.org"]
    kim = next(m for m in mail.outbox if m.to == ["kim@example.org"])
    assert kim.subject == "What we are doing: Longer health checks"
    assert "We are making health checks longer." in kim.body
    assert "/follow/" in kim.body
    helper = next(m for m in mail.outbox if m.to == ["helper@example.org"])
    assert "Please share this with them" in helper.body
    assert OutcomeNotification.objects.count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        services.outcome_saved(outcome=outcome)
        services.outcome_notify(outcome_id=outcome.pk)
    assert len(mail.outbox) == 2  # never twice
