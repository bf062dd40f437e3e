"""Participants make an account with an email address only and sign in by an emailed code;
staff still sign in with a password then TOTP, and never by a code."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import Client

from cms.accounts import STAFF_CODE_SIGN_IN_REFUSED
from cms.roles import Role
from feedback.models import Response
from tests.cms.test_staff_mfa import PASSWORD, current_code
from tests.feedback.factories import survey_page

pytestmark = pytest.mark.django_db

EMAIL = "sam@example.org"


def emailed_code() -> str:
    """The code in the last email sent: 8 consonants, shown as two groups of 4."""
    body = mail.outbox[-1].body
    match = re.search(r"^([B-Z]{4}-[B-Z]{4})$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def sign_up(client: Client, email: str = EMAIL):
    page = client.get("/accounts/signup/").content.decode()
    assert "You only need your email address. There is no password." in page
    assert 'type="password"' not in page
    response = client.post("/accounts/signup/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    return response


def test_signup_with_only_an_email_then_sign_in_by_code_shows_only_your_answers(
    client, django_user_model
):
    survey = survey_page()
    sign_up(client)
    user = django_user_model.objects.get(email=EMAIL)
    # No password can ever be used, no role, not staff, and not signed in until confirmed.
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser and not user.groups.exists()
    assert not EmailAddress.objects.get(user=user).verified
    assert client.get("/my-answers/")["Location"].startswith("/accounts/login/")

    page = client.get("/accounts/confirm-email/").content.decode()
    assert "Type the code we emailed you" in page and EMAIL in page
    wrong = client.post("/accounts/confirm-email/", {"code": "BBBB-BBBB"})
    assert wrong.status_code == 200
    html = wrong.content.decode()
    assert "<title>Error: " in html and "There is a problem" in html
    assert 'href="#id_code"' in html and "nhsuk-error-message" in html
    assert "That code is not right" in html

    confirmed = client.post("/accounts/confirm-email/", {"code": emailed_code()})
    assert confirmed.status_code == 302 and confirmed["Location"] == "/my-answers/"
    assert EmailAddress.objects.get(user=user).verified
    assert "You have not answered any surveys" in client.get("/my-answers/").content.decode()

    # Answer a survey while signed in: the response belongs to the account.
    client.post(f"/survey/{survey.pk}/start/")
    mine = Response.objects.get(participant=user)
    Client().post(f"/survey/{survey.pk}/start/")  # someone else, not signed in
    other = Response.objects.exclude(pk=mine.pk).get()

    client.post("/accounts/logout/")
    assert client.get("/my-answers/")["Location"].startswith("/accounts/login/")

    # Later: sign in by code, no password.
    login_page = client.get("/accounts/login/?next=/my-answers/").content.decode()
    assert "Email me a sign-in code" in login_page
    sent = len(mail.outbox)
    r = client.post("/accounts/login/code/", {"email": EMAIL, "next": "/my-answers/"})
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/code/confirm/")
    assert len(mail.outbox) == sent + 1 and mail.outbox[-1].to == [EMAIL]
    page = client.get(r["Location"]).content.decode()
    assert "Type your sign-in code" in page
    r = client.post(r["Location"], {"code": emailed_code(), "next": "/my-answers/"})
    assert r.status_code == 302 and r["Location"] == "/my-answers/"

    page = client.get("/my-answers/").content.decode()
    assert mine.reference in page and other.reference not in page
    user.refresh_from_db()
    assert not user.has_usable_password() and not user.groups.exists()
    # A participant is never let into staff areas, nor asked to set up TOTP.
    assert "/accounts/2fa/" not in client.get("/admin/").get("Location", "")


def test_signup_without_a_valid_email_keeps_what_was_typed_and_says_why(client):
    r = client.post("/accounts/signup/", {"email": "sam@"})
    html = r.content.decode()
    assert r.status_code == 200
    assert "<title>Error: " in html and 'href="#id_email"' in html
    assert 'value="sam@"' in html and "nhsuk-input--error" in html
    assert "Type your email address like name@example.com" in html
    empty = client.post("/accounts/signup/", {"email": ""}).content.decode()
    assert "Type your email address" in empty and "This field is required" not in empty


def test_signing_up_with_an_address_already_used_does_not_say_so_on_screen(client):
    sign_up(client)
    client.post("/accounts/logout/")
    cache.clear()  # later: past the limit of one code email every 3 minutes per address
    other = Client()
    r = other.post("/accounts/signup/", {"email": EMAIL})
    # Same answer as for a new address (no account enumeration); the owner is told by email.
    assert r.status_code == 302 and r["Location"] == "/accounts/confirm-email/"


def test_staff_sign_in_is_still_password_then_totp_with_no_email_code(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="erin", email="erin@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=Role.ENGAGEMENT))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    r = client.post("/accounts/login/", {"login": "erin@example.org", "password": PASSWORD})
    assert r["Location"] == "/accounts/2fa/authenticate/"
    assert mail.outbox == []  # no email confirmation asked of staff
    client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("with_totp", [True, False])
def test_staff_cannot_sign_in_by_email_code(client, django_user_model, with_totp):
    user = django_user_model.objects.create_user(
        username="erin", email="erin@example.org", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=Role.SAFEGUARDING_LEAD))
    if with_totp:
        TOTP.activate(user, generate_totp_secret())
    r = client.post("/accounts/login/code/", {"email": "erin@example.org"})
    confirm_url = r["Location"]
    r = client.post(confirm_url, {"code": emailed_code()})
    assert r.status_code == 302 and r["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/").content.decode()
    assert STAFF_CODE_SIGN_IN_REFUSED in page
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
    user.refresh_from_db()
    assert user.has_usable_password()


def test_asking_for_codes_is_rate_limited_with_a_clear_error():
    for _ in range(3):
        assert Client().post("/accounts/login/code/", {"email": EMAIL}).status_code == 302
    r = Client().post("/accounts/login/code/", {"email": EMAIL})
    html = r.content.decode()
    assert r.status_code == 200 and "There is a problem" in html
    assert "You have tried too many times" in html
    assert 'href="#id_email"' in html and f'value="{EMAIL}"' in html
    assert len(mail.outbox) == 3


def test_a_participant_is_never_given_a_password_by_set_or_reset(client, django_user_model):
    """A password is the staff door (then TOTP); participants only ever sign in by code."""
    participant = django_user_model.objects.create_user(username="sam", email=EMAIL)
    participant.set_unusable_password()
    participant.save()
    EmailAddress.objects.create(user=participant, email=EMAIL, verified=True, primary=True)

    # Resetting emails how to sign in by code, never a link to set a password.
    client.post("/accounts/password/reset/", {"email": EMAIL})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.endswith("Every Voice: you do not need a password")
    assert "/accounts/login/code/" in mail.outbox[0].body
    assert "/accounts/password/reset/key/" not in mail.outbox[0].body

    client.force_login(participant)
    r = client.get("/accounts/password/set/")
    assert r.status_code == 302 and r["Location"] == "/my-answers/"
    r = client.post(
        "/accounts/password/set/", {"password1": "a-long-new-passphrase", "password2": "x"}
    )
    assert r["Location"] == "/my-answers/"
    participant.refresh_from_db()
    assert not participant.has_usable_password()
    page = client.get("/my-answers/").content.decode()
    assert "You do not need a password" in page


def test_staff_still_reset_their_password_by_email_link(client, django_user_model):
    staff = django_user_model.objects.create_user(
        username="erin", email="erin@example.org", password=PASSWORD
    )
    staff.groups.add(Group.objects.get(name=Role.ENGAGEMENT))
    client.post("/accounts/password/reset/", {"email": "erin@example.org"})
    assert len(mail.outbox) == 1 and "/accounts/password/reset/key/" in mail.outbox[0].body


ONE_QUESTION = [{"type": "long_text", "value": {"question": "What was good?", "max_length": 500}}]


def answer_and_send(client: Client, survey, who: str = "self") -> Response:
    client.post(f"/survey/{survey.pk}/start/")
    client.post(f"/survey/{survey.pk}/who/", {"answer": who})
    response = Response.objects.filter(survey=survey).latest("pk")
    assert client.post(f"/survey/{survey.pk}/check/").status_code == 302
    response.refresh_from_db()
    assert not response.is_draft
    return response


def test_answers_sent_before_making_an_account_join_it(client, django_user_model):
    """Someone answers first, then takes up the offer on the confirmation page: the answers
    they gave in this browser are with their account, and nobody else's are."""
    survey = survey_page(questions=ONE_QUESTION)
    someone_else = answer_and_send(Client(), survey)
    mine = answer_and_send(client, survey)
    done = client.get(f"/survey/{survey.pk}/sent/").content.decode()
    assert "Make an account with your email address" in done
    assert "/accounts/signup/?next=/my-answers/" in done

    sign_up(client)
    r = client.post("/accounts/confirm-email/", {"code": emailed_code()})
    assert r["Location"] == "/my-answers/"
    user = django_user_model.objects.get(email=EMAIL)
    mine.refresh_from_db()
    someone_else.refresh_from_db()
    assert mine.participant == user and someone_else.participant is None
    page = client.get("/my-answers/").content.decode()
    assert mine.reference in page and someone_else.reference not in page
    assert "You are signed in." in page  # plain words, not allauth's "Successfully signed in"
    assert (
        "Your answers are kept with your account"
        in client.get(f"/survey/{survey.pk}/sent/").content.decode()
    )


def test_a_young_person_is_not_offered_an_account(client):
    survey = survey_page(questions=ONE_QUESTION)
    answer_and_send(client, survey, who="young_person")
    done = client.get(f"/survey/{survey.pk}/sent/").content.decode()
    assert "Your answers have been sent" in done
    assert "Make an account" not in done and "/accounts/signup/" not in done


def test_staff_signing_in_never_take_a_participant_answer(client, django_user_model):
    survey = survey_page(questions=ONE_QUESTION)
    response = answer_and_send(client, survey)
    staff = django_user_model.objects.create_user(
        username="erin", email="erin@example.org", password=PASSWORD
    )
    staff.groups.add(Group.objects.get(name=Role.ENGAGEMENT))
    client.post("/accounts/login/", {"login": "erin@example.org", "password": PASSWORD})
    response.refresh_from_db()
    assert response.participant is None
