"""Outcomes and representation targets in the Wagtail admin; lost jobs are swept up."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from insight import sweepers
from insight.models import ExportJob, Outcome, OutcomeExample

from .factories import tagged_response

pytestmark = pytest.mark.django_db


def test_engagement_team_publishes_an_outcome_in_the_admin_and_people_are_emailed(
    client, world, django_capture_on_commit_callbacks
):
    response = tagged_response(
        world.survey, "pledge-t9", wants_updates=True, contact_email="kim@example.org"
    )
    answer = response.answers.first()
    client.force_login(world.staff)
    assert client.get("/admin/snippets/insight/outcome/add/").status_code == 200
    data = nested_form_data(
        {
            "consultation": world.consultation.pk,
            "title": "Longer annual health checks",
            "you_said": "Checks were rushed.",
            "action": "30-minute appointments.",
            "easy_read_title": "Longer health checks",
            "easy_read_you_said": "You told us health checks are too quick.",
            "easy_read_we_did": "We are making health checks longer.",
            "owner": "Primary care team",
            "status": "planned",
            "pledges": [world.pledge.pk],
            "pathways": [],
            "examples": inline_formset([{"target": f" A:{answer.pk} "}]),
            "action-publish": "action-publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = client.post("/admin/snippets/insight/outcome/add/", data)
    assert result.status_code == 302, result.context["form"].errors
    outcome = Outcome.objects.get()
    assert outcome.published_at is not None
    assert OutcomeExample.objects.get().target == f"a:{answer.pk}"
    assert [m.to for m in mail.outbox] == [["kim@example.org"]]


def test_an_example_must_name_a_real_answer_or_contribution(client, world):
    client.force_login(world.staff)
    data = nested_form_data(
        {
            "consultation": world.consultation.pk,
            "title": "t",
            "you_said": "y",
            "action": "a",
            "easy_read_title": "t",
            "easy_read_you_said": "y",
            "easy_read_we_did": "w",
            "owner": "o",
            "status": "planned",
            "pledges": [],
            "pathways": [],
            "examples": inline_formset([{"target": "a:999999"}]),
        }
    )
    result = client.post("/admin/snippets/insight/outcome/add/", data)
    assert result.status_code == 200
    assert not Outcome.objects.exists()


def test_collaborative_members_cannot_manage_outcomes(client, world):
    client.force_login(world.member)
    assert client.get("/admin/snippets/insight/outcome/add/").status_code in (302, 403)


def test_sweeper_requeues_lost_exports_and_unsent_emails(world, monkeypatch):
    queued = []
    monkeypatch.setattr(sweepers, "enqueue", lambda name, *a: queued.append((name, a)) or True)
    job = ExportJob.objects.create(user=world.staff, kind="responses", format="csv")
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=1))
    tagged_response(world.survey, "pledge-t9", wants_updates=True, contact_email="a@example.org")
    outcome = Outcome.objects.create(
        consultation=world.consultation,
        title="t",
        you_said="y",
        action="a",
        easy_read_title="t",
        easy_read_you_said="y",
        easy_read_we_did="w",
        owner="o",
        live=True,
        published_at=timezone.now() - timedelta(hours=1),
    )
    assert sweepers.stalled_exports() == 1
    assert sweepers.unsent_outcome_emails() == 1
    assert queued == [
        ("everyvoice.export_insight", (job.pk,)),
        ("everyvoice.notify_outcome", (outcome.pk,)),
    ]
