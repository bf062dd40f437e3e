"""The screen learns from the lead: closed flags record the decision, the lead can flag a
missed text by hand, and those decisions train a new, versioned, active model whose health
figures show on the lead's page."""

import pytest

from cms.models import AuditEvent
from cms.roles import Role
from safeguarding import services
from safeguarding.models import FlagSource, FlagStatus, SafeguardingFlag, ScreenModelVersion
from safeguarding.tasks import safeguarding_retrain, screen_response
from tests.feedback.factories import staff_user
from tests.safeguarding.factories import submitted

pytestmark = pytest.mark.django_db

MISSED = "my support worker keeps the change from my shopping every week"


@pytest.fixture
def lead(django_user_model):
    return staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")


def test_the_lead_flags_a_missed_text_by_hand_in_the_admin(client, lead):
    response = submitted("The bus was late again.", MISSED)
    screen_response(response.id)
    answer = response.answers.get(text=MISSED)
    # This test is about the by-hand path, not the screen's recall: if the screen has
    # learned to catch this text, start from it being missed.
    SafeguardingFlag.objects.filter(answer=answer).delete()
    client.force_login(lead)
    page = client.get("/admin/safeguarding/flag-by-hand/?q=change from my shopping")
    assert f"Answer {answer.pk}" in page.content.decode()
    url = f"/admin/safeguarding/flag-by-hand/?target=a:{answer.pk}"
    assert MISSED in client.get(url).content.decode()
    bad = client.post(url, {"target": f"a:{answer.pk}", "severity": "concern"})
    assert bad.status_code == 400 and "Write why you are flagging it." in bad.content.decode()
    got = client.post(
        url,
        {"target": f"a:{answer.pk}", "severity": "concern", "category": "financial-abuse",
         "note": "Money taken by paid staff; referred."},
    )  # fmt: skip
    assert got.status_code == 302
    flag = SafeguardingFlag.objects.get(answer=answer)
    assert flag.source == FlagSource.LEAD and flag.raised_by == lead
    assert flag.status == FlagStatus.IN_PROGRESS and flag.assignee == lead
    assert flag.excerpt == MISSED and flag.response_id == response.pk
    again = client.post(url, {"target": f"a:{answer.pk}", "severity": "concern",
                              "category": "financial-abuse", "note": "twice"})  # fmt: skip
    assert "already flagged" in again.content.decode()
    assert AuditEvent.objects.filter(target=f"flag-by-hand:a:{answer.pk}").exists()


def test_decisions_train_a_new_active_version_that_screens_new_feedback(lead):
    screen_response(submitted("he hits me and i am scared").id)
    screen_response(submitted("i want to die").id)
    real, false_alarm = SafeguardingFlag.objects.order_by("pk")
    services.flag_close(flag_id=real.pk, user=lead, outcome="referred_la", note="Referred",
                        categories=["physical-abuse"])  # fmt: skip
    services.flag_close(flag_id=false_alarm.pk, user=lead, outcome="no_concern",
                        note="A song lyric")  # fmt: skip
    decisions = services.lead_decisions()
    assert [(d.severity, d.category) for d in decisions] == [
        ("urgent", "physical-abuse"),
        ("none", "none"),
    ]
    first = ScreenModelVersion.objects.get(version=safeguarding_retrain())
    assert first.active and first.decisions == 2 and first.trained_on["decisions"] == 2
    assert safeguarding_retrain() == first.version  # same data, same version: idempotent
    assert ScreenModelVersion.objects.count() == 1
    assert services.active_model().version == first.version  # what screens feedback now

    missed = submitted(MISSED).answers.get()
    SafeguardingFlag.objects.filter(answer=missed).delete()
    flag = services.flag_by_hand(target=f"a:{missed.pk}", user=lead, severity="concern",
                                 category="financial-abuse", note="Missed")  # fmt: skip
    second = ScreenModelVersion.objects.get(version=safeguarding_retrain())
    assert second.version != first.version and second.active and second.decisions == 3
    first.refresh_from_db()
    assert not first.active
    assert flag.source == FlagSource.LEAD


def test_the_lead_page_shows_the_screens_health(client, lead):
    screen_response(submitted("he hits me and i am scared").id)
    screen_response(submitted("i want to die").id)
    a, b = SafeguardingFlag.objects.order_by("pk")
    services.flag_close(flag_id=a.pk, user=lead, outcome="referred_la", note="Referred")
    services.flag_close(flag_id=b.pk, user=lead, outcome="no_concern", note="Lyric")
    services.model_retrain(reason="test")
    client.force_login(lead)
    html = client.get("/admin/safeguarding/").content.decode()
    assert "How the screen is doing" in html
    assert "1 of 2 closed flags were a real concern (0.5)" in html
    assert "2 of them your decisions" in html and "0 flagged by hand" in html


def test_old_models_keep_their_row_but_let_their_arrays_go(monkeypatch):
    """Stored models are ~15 MB: only the active one and the newest others keep their arrays;
    going back to a version whose arrays were let go stores them again."""
    from types import SimpleNamespace

    trained = iter(["v1", "v2", "v3", "v4", "v1"])

    def fake_train(decisions):
        name = next(trained)
        return SimpleNamespace(version=name, dumps=lambda: name.encode() * 3, trained_on={})

    monkeypatch.setattr(services, "train_model", fake_train)
    monkeypatch.setattr(services, "KEEP_MODEL_BLOBS", 2)
    for _ in range(4):
        services.model_retrain(reason="test")
    blobs = {v.version: bytes(v.blob) for v in ScreenModelVersion.objects.all()}
    assert blobs == {"v4": b"v4v4v4", "v3": b"v3v3v3", "v2": b"", "v1": b""}
    assert ScreenModelVersion.objects.get(active=True).version == "v4"

    services.model_retrain(reason="back to the first data")  # same data as v1 again
    v1 = ScreenModelVersion.objects.get(version="v1")
    assert v1.active and bytes(v1.blob) == b"v1v1v1"
    assert bytes(ScreenModelVersion.objects.get(version="v3").blob) == b""
    assert ScreenModelVersion.objects.count() == 4
