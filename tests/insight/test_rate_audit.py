"""Insight pages and the API are rate limited per person and every view is audited."""

import pytest

from cms.models import AuditEvent
from feedback import ratelimit
from insight.services import api_token_create

from .factories import tagged_response

pytestmark = pytest.mark.django_db


def test_every_insight_view_and_api_call_is_recorded_with_its_filters(client, world):
    tagged_response(world.survey, "pledge-t9")
    client.force_login(world.member)
    client.get("/insight/pledge-t9/?voice=carer&area=rutland")
    _, token = api_token_create(user=world.member, name="t")
    client.get("/api/v1/insight/pledge-t9/?area=rutland", HTTP_AUTHORIZATION=f"Bearer {token}")
    events = list(AuditEvent.objects.filter(user=world.member, action="view_insight"))
    assert {(e.target, e.detail) for e in events} == {
        ("insight:detail:pledge-t9", "voice=carer&area=rutland"),
        ("insight:api_detail:pledge-t9", "area=rutland"),
    }


def test_pages_and_api_share_one_limit_per_person_with_an_accessible_refusal(
    client, world, monkeypatch
):
    monkeypatch.setattr(ratelimit, "INSIGHT", ratelimit.Limit("insight", 3, 600))
    _, token = api_token_create(user=world.member, name="t")
    client.force_login(world.member)
    assert client.get("/insight/?standard=1").status_code == 200
    assert client.get("/insight/pledge-t9/").status_code == 200
    api = "/api/v1/insight/"
    assert client.get(api, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    page = client.get("/insight/pledge-t9/")
    assert page.status_code == 429
    assert "Please wait a few minutes" in page.content.decode()
    refused = client.get(api, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert refused.status_code == 429
    assert "Wait 10 minutes" in refused.json()["detail"]
    # Someone else is not slowed down by it.
    client.force_login(world.staff)
    assert client.get("/insight/pledge-t9/").status_code == 200
