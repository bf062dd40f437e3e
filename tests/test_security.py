"""Security settings and behaviour: deploy checks, CSP, cookies, HSTS, CSRF, uploads, rate
limits, the audit log and the one way in for staff (allauth + TOTP)."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cms.models import AuditAction, AuditEvent
from cms.roles import Role
from feedback import ratelimit, selectors, services
from feedback.models import Answer
from tests.feedback.factories import staff_user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DJANGO_SECRET_KEY": "a-production-like-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "everyvoice.example.nhs.uk",
}


def test_check_deploy_is_clean_under_production_settings():
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by tests/conftest.py for Playwright only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_cookies_are_secure_httponly_samesite_and_hsts_is_on(monkeypatch):
    for key, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(key, value)
    production = importlib.import_module("cms.settings.production")
    production = importlib.reload(production)
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_HTTPONLY and production.CSRF_COOKIE_HTTPONLY
    assert production.SESSION_COOKIE_SAMESITE == production.CSRF_COOKIE_SAMESITE == "Lax"
    assert production.SECURE_HSTS_SECONDS >= 31_536_000
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS and production.SECURE_HSTS_PRELOAD
    assert production.SECURE_SSL_REDIRECT
    assert production.SECURE_CONTENT_TYPE_NOSNIFF
    assert production.X_FRAME_OPTIONS == "DENY"
    assert not production.DEBUG


def test_hsts_and_secure_cookies_are_sent(client, settings, survey):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response = client.post(f"/survey/{survey.pk}/start/", secure=True)
    assert response.status_code == 302
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def _csp(response) -> str:
    return response["Content-Security-Policy"]


def test_public_and_survey_pages_have_a_strict_csp_without_unsafe_inline(client, survey):
    start = client.post(f"/survey/{survey.pk}/start/")
    pages = [survey.url, "/", "/survey/resume/", start["Location"]]
    first_question = selectors.survey_questions(survey=survey)[0]
    pages.append(f"/survey/{survey.pk}/question/{first_question.id}/")
    pages.append(f"/survey/{survey.pk}/check/")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = _csp(response)
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
        assert "frame-ancestors 'none'" in policy, url


def test_every_public_post_needs_a_csrf_token(survey):
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/survey/{survey.pk}/start/").status_code == 403
    assert client.post("/survey/resume/", {"code": "K7QH-M3XW-9C"}).status_code == 403
    assert client.post("/survey/withdraw/", {"code": "K7QH-M3XW-9C"}).status_code == 403
    login = {"login": "someone@example.org", "password": "whatever-it-is"}
    assert client.post("/accounts/login/", login).status_code == 403
    assert client.post("/accounts/login/code/", {"email": "a@example.org"}).status_code == 403


def test_answers_need_a_csrf_token_too(survey):
    client = Client(enforce_csrf_checks=True)
    client.get(survey.url)  # the start page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert (
        client.post(f"/survey/{survey.pk}/start/", {"csrfmiddlewaretoken": token}).status_code
        == 302
    )
    assert client.post(f"/survey/{survey.pk}/who/", {"answer": "self"}).status_code == 403
    assert client.post(f"/survey/{survey.pk}/check/").status_code == 403


def test_public_posts_are_rate_limited(client, survey, monkeypatch):
    monkeypatch.setattr(ratelimit, "START", ratelimit.Limit("start", 3, 600))
    monkeypatch.setattr(ratelimit, "ANSWER", ratelimit.Limit("answer", 2, 600))
    monkeypatch.setattr(ratelimit, "LOOKUP", ratelimit.Limit("lookup", 2, 600))
    starts = [client.post(f"/survey/{survey.pk}/start/").status_code for _ in range(4)]
    assert starts == [302, 302, 302, 429]
    answers = [
        client.post(f"/survey/{survey.pk}/who/", {"answer": "self"}).status_code for _ in range(3)
    ]
    assert answers == [302, 302, 429]
    lookups = [
        client.post("/survey/resume/", {"code": "K7QH-M3XW-9C"}).status_code for _ in range(3)
    ]
    assert lookups == [200, 200, 429]


def test_audio_upload_is_checked_on_the_server(client, survey):
    client.post(f"/survey/{survey.pk}/start/")
    audio_q = next(q for q in selectors.survey_questions(survey=survey) if q.type == "audio")
    url = f"/survey/{survey.pk}/question/{audio_q.id}/"
    fake = SimpleUploadedFile("me.webm", b"<script>alert(1)</script>", content_type="audio/webm")
    response = client.post(url, {"answer": fake})
    assert response.status_code == 200  # shown again with an error, nothing stored
    assert not Answer.objects.filter(question_id=audio_q.id).exclude(audio="").exists()


def test_audio_download_has_safe_headers_and_is_audited(client, django_user_model, survey):
    staff = staff_user(django_user_model, role=Role.SAFEGUARDING_LEAD, username="sam")
    response = services.response_start(survey=survey)
    audio_q = next(q for q in selectors.survey_questions(survey=survey) if q.type == "audio")
    answer = services.answer_save(
        response=response,
        question=audio_q,
        value=None,
        audio=SimpleUploadedFile("me.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 50),
    )
    client.force_login(staff)
    r = client.get(f"/admin/feedback/answers/{answer.pk}/audio/")
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment;")
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in r["Cache-Control"]
    assert "sandbox" in r["Content-Security-Policy"]
    assert client.get(f"/admin/feedback/responses/{response.pk}/").status_code == 200
    assert client.get(f"/admin/feedback/surveys/{survey.pk}/").status_code == 200
    events = list(AuditEvent.objects.order_by("id").values_list("username", "action", "target"))
    assert events == [
        ("sam", AuditAction.DOWNLOAD_AUDIO, f"answer:{answer.pk}"),
        ("sam", AuditAction.VIEW_RESPONSE, f"response:{response.pk}"),
        ("sam", AuditAction.VIEW_RESPONSES, f"survey:{survey.pk}"),
    ]
    assert all(e.at for e in AuditEvent.objects.all())  # when

    # Administrators see it at /admin/audit-log/; the safeguarding lead does not.
    assert client.get("/admin/audit-log/").status_code != 200
    admin = staff_user(django_user_model, role=Role.ADMINISTRATOR, username="ada")
    client.force_login(admin)
    page = client.get("/admin/audit-log/")
    assert page.status_code == 200
    assert f"answer:{answer.pk}" in page.content.decode()


def test_no_password_only_way_into_staff_areas(client, django_user_model):
    """Wagtail's private-page login (``/_util/login/``) would sign staff in without TOTP."""
    staff_user(django_user_model, role=Role.ENGAGEMENT, username="erin")
    response = client.post(
        "/_util/login/", {"username": "erin", "password": "a-long-staff-password"}
    )
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
