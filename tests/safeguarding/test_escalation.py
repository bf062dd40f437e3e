"""An urgent flag left alone is escalated to the lead(s) and deputies, once; a daily digest
of open flags goes out once a day. Both are beat jobs; links come from WAGTAILADMIN_BASE_URL."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from cms.roles import Role
from safeguarding import services
from safeguarding.models import DigestSent, FlagStatus, SafeguardingFlag
from safeguarding.tasks import safeguarding_digest, safeguarding_escalate, screen_response
from tasks.schedule import BEAT_SCHEDULE
from tests.feedback.factories import staff_user
from tests.safeguarding.factories import submitted

pytestmark = pytest.mark.django_db

SETTINGS = {
    "SAFEGUARDING_NOTIFY_EMAILS": ["lead@nhs.example"],
    "SAFEGUARDING_DEPUTY_EMAILS": ["deputy@nhs.example", "LEAD@nhs.example"],
    "SAFEGUARDING_ESCALATE_AFTER_MINUTES": 60,
    "WAGTAILADMIN_BASE_URL": "https://everyvoice.example.org:8443",
}


def _flag(text: str, *, minutes_old: int) -> SafeguardingFlag:
    screen_response(submitted(text).id)
    flag = SafeguardingFlag.objects.latest("pk")
    SafeguardingFlag.objects.filter(pk=flag.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_old)
    )
    return flag


@override_settings(**SETTINGS)
def test_an_urgent_flag_left_alone_is_escalated_once_to_lead_and_deputies():
    old = _flag("he hits me and i am scared", minutes_old=61)
    _flag("i want to die", minutes_old=10)  # not yet due
    _flag("they take my money", minutes_old=120)  # a concern, not urgent
    mail.outbox.clear()
    assert safeguarding_escalate() == 1
    assert safeguarding_escalate() == 0  # idempotent: a second beat sends nothing
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert set(email.to) == {"lead@nhs.example", "deputy@nhs.example"}
    assert "URGENT" in email.subject and "60 minutes" in email.subject
    assert f"https://everyvoice.example.org:8443/admin/safeguarding/{old.pk}/" in email.body
    assert "hits" not in email.body
    old.refresh_from_db()
    assert old.escalated_at is not None


@override_settings(**SETTINGS)
def test_a_flag_picked_up_in_time_is_not_escalated(django_user_model):
    flag = _flag("he hits me and i am scared", minutes_old=90)
    lead = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    services.flag_assign(flag_id=flag.pk, user=lead, assignee=lead)
    mail.outbox.clear()
    assert safeguarding_escalate() == 0 and not mail.outbox


@override_settings(**{**SETTINGS, "SAFEGUARDING_ESCALATE_AFTER_MINUTES": 5})
def test_the_wait_is_a_setting():
    _flag("he hits me and i am scared", minutes_old=6)
    assert safeguarding_escalate() == 1


@override_settings(**SETTINGS)
def test_a_mail_outage_leaves_the_escalation_for_the_next_beat(monkeypatch):
    _flag("he hits me and i am scared", minutes_old=61)

    def down(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "down")

    monkeypatch.setattr(services, "send_mail", down)
    assert safeguarding_escalate() == 0
    assert SafeguardingFlag.objects.get().escalated_at is None
    monkeypatch.undo()
    assert safeguarding_escalate() == 1


@override_settings(**{**SETTINGS, "SAFEGUARDING_DIGEST_HOUR": 8})
def test_the_daily_digest_lists_open_flags_once_a_day(django_user_model):
    urgent = _flag("he hits me and i am scared", minutes_old=30)
    closed = _flag("they take my money", minutes_old=30)
    lead = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    services.flag_close(flag_id=closed.pk, user=lead, outcome="no_concern", note="Checked")
    mail.outbox.clear()
    morning = timezone.localtime().replace(hour=9, minute=0)
    assert services.flags_digest(now=morning.replace(hour=7)) == 0  # before the hour
    assert services.flags_digest(now=morning) == 1
    assert services.flags_digest(now=morning.replace(hour=15)) == 0  # once a day
    assert len(mail.outbox) == 1 and DigestSent.objects.get().flags == 1
    body = mail.outbox[0].body
    assert f"/admin/safeguarding/{urgent.pk}/" in body and f"Flag {closed.pk}:" not in body
    assert "1 urgent" in mail.outbox[0].subject and "hits" not in body
    assert services.flags_digest(now=morning + timedelta(days=1)) == 1  # the next day


def test_both_jobs_are_on_the_beat_schedule():
    tasks = {entry["task"] for entry in BEAT_SCHEDULE.values()}
    assert {"everyvoice.safeguarding_escalate", "everyvoice.safeguarding_digest"} <= tasks
    assert safeguarding_digest.name == "everyvoice.safeguarding_digest"


def test_no_open_flags_no_digest():
    assert services.flags_digest(now=timezone.localtime().replace(hour=23)) == 0
    assert not mail.outbox
    assert SafeguardingFlag.objects.filter(status=FlagStatus.NEW).count() == 0
