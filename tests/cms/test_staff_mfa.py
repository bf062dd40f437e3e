"""Staff reach response data only with password plus TOTP; participants are untouched."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group

from cms.roles import Role

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-staff-password"


@pytest.fixture
def engagement_user(django_user_model):
    user = django_user_model.objects.create_user(
        username="erin", email="erin@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=Role.ENGAGEMENT))
    return user


def current_code(secret: str) -> str:
    import time

    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def test_staff_without_totp_are_sent_to_set_it_up_before_the_admin(client, engagement_user):
    client.force_login(engagement_user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert "next=%2Fadmin%2F" in response["Location"]


def test_staff_with_totp_reach_the_admin(client, engagement_user):
    TOTP.activate(engagement_user, generate_totp_secret())
    client.force_login(engagement_user)
    assert client.get("/admin/").status_code == 200


def test_a_participant_without_a_role_is_never_asked_for_totp(client, django_user_model):
    participant = django_user_model.objects.create_user(username="p", email="p@example.org")
    client.force_login(participant)
    assert client.get("/accounts/2fa/").status_code == 200
    response = client.get("/admin/")
    # Not sent to TOTP set-up: simply not allowed into the admin.
    assert "/accounts/2fa/totp/activate/" not in response.get("Location", "")


def test_wagtail_and_django_admin_sign_in_forms_are_replaced_by_allauth(client):
    for path in ("/admin/login/", "/django-admin/login/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_sign_in_asks_for_the_totp_code_after_the_password(client, engagement_user):
    secret = generate_totp_secret()
    TOTP.activate(engagement_user, secret)
    response = client.post("/accounts/login/", {"login": "erin@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")  # not yet in

    response = client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_totp_code_is_refused_with_a_clear_error(client, engagement_user):
    TOTP.activate(engagement_user, generate_totp_secret())
    client.post("/accounts/login/", {"login": "erin@example.org", "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert b"nhsuk-error-message" in response.content or b"Incorrect code" in response.content
    assert client.get("/admin/").status_code == 302
