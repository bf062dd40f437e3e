"""End to end, as in the issue: a disclosure typed on the public survey reaches the
safeguarding lead as urgent, and even once an engagement officer confirms its tag it never
shows in insight (page, easy read, API, collaborative export) or as a "you said, we did"
example, until the lead releases it; then it may (redacted), which proves the checks bite."""

import pytest
from django.utils import timezone

from cms.roles import Role
from feedback.models import Response, ResponseStatus
from insight.models import OutcomeExample
from insight.services import api_token_create
from safeguarding.models import FlagSeverity, SafeguardingFlag
from tasks.models import TagStatus
from tests.feedback.factories import staff_user, survey_page
from tests.insight.conftest import world  # noqa: F401 - the insight world fixture
from tests.insight.factories import tag_answer, tagged_response
from tests.insight.test_outcomes import outcome_for, yswd_page

pytestmark = pytest.mark.django_db

DISCLOSURE = "My staff hit me and I am scared to go home"
QUESTIONS = [
    {"type": "long_text", "value": {"question": "Tell us about your home", "max_length": 2000}},
    {"type": "fft", "value": {}},
]


def _submit_on_the_public_survey(client, survey) -> Response:
    client.post(f"/survey/{survey.pk}/start/")
    client.post(f"/survey/{survey.pk}/who/", {"answer": "self"})
    response = Response.objects.filter(survey=survey).latest("pk")
    for block in survey.questions:
        answer = DISCLOSURE if block.block_type == "long_text" else "good"
        got = client.post(f"/survey/{survey.pk}/question/{block.id}/", {"answer": answer})
        assert got.status_code == 302
    assert client.post(f"/survey/{survey.pk}/check/").status_code == 302
    response.refresh_from_db()
    assert response.status == ResponseStatus.SUBMITTED
    return response


def _everywhere(client, world, token: str) -> str:  # noqa: F811
    """Everything a collaborative member can see or take away about the pledge."""
    client.force_login(world.member)
    parts = [
        client.get("/insight/pledge-t9/").content.decode(),
        client.get("/insight/pledge-t9/easy-read/").content.decode(),
        client.post("/insight/exports/aggregates/", {"format": "csv"}).content.decode(),
        client.get(
            "/api/v1/insight/pledge-t9/", HTTP_AUTHORIZATION=f"Bearer {token}"
        ).content.decode(),
    ]
    client.logout()
    parts.append(client.get(yswd_page_url(world)).content.decode())
    return "\n".join(parts)


def yswd_page_url(world) -> str:  # noqa: F811
    return world.yswd.url


def test_a_public_disclosure_reaches_the_lead_and_never_insight_until_released(
    client,
    world,  # noqa: F811
    django_user_model,
    django_capture_on_commit_callbacks,
):
    survey = survey_page(consultation=world.consultation, questions=QUESTIONS,
                         ask_about_you=False)  # fmt: skip
    # Twelve other people said ordinary things under the pledge: shown as 10 or 15 whatever
    # the cell key, so quotes may show.
    for n in range(12):
        tagged_response(survey, "pledge-t9", text=f"The nurse listened to me, visit {n}.")
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit_on_the_public_survey(client, survey)
    # Same group as the others (so only containment, not disclosure control, hides it).
    Response.objects.filter(pk=response.pk).update(
        area="leicester", channel="online", age_band="26_64", submitted_at=timezone.now()
    )
    answer = response.answers.get(text=DISCLOSURE)

    # The lead sees it, urgent.
    flag = SafeguardingFlag.objects.get(answer=answer)
    assert flag.severity == FlagSeverity.URGENT
    lead = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    client.force_login(lead)
    assert f"Flag {flag.pk}" in client.get("/admin/safeguarding/").content.decode()
    client.logout()

    # The engagement team confirms its tag and picks it as a "you said, we did" example.
    tag_answer(answer, "pledge-t9", status=TagStatus.CONFIRMED, confidence=1.0)
    outcome = outcome_for(world)
    OutcomeExample.objects.create(outcome=outcome, target=f"a:{answer.pk}")
    world.yswd = yswd_page(world)
    _, token = api_token_create(user=world.member, name="test")

    seen = _everywhere(client, world, token)
    assert "nurse listened" in seen  # the checks look where quotes do appear
    assert "scared to go home" not in seen and "staff hit me" not in seen

    # Closing does not release it; the lead's release does.
    client.force_login(lead)
    client.post(f"/admin/safeguarding/{flag.pk}/close/",
                {"outcome": "already_known", "note": "Known to the provider's team."})  # fmt: skip
    client.logout()
    assert "scared to go home" not in _everywhere(client, world, token)
    client.force_login(lead)
    client.post(f"/admin/safeguarding/{flag.pk}/release/")
    client.logout()
    assert "scared to go home" in _everywhere(client, world, token)
