"""Two ways in through allauth: participants by email code, staff by password then TOTP.

The settings make sign-up passwordless (email only, confirmed by a code). On its own that
would also drop the password from the sign-in form and let staff in by an emailed code, so
this module keeps the two apart:

* the sign-in form keeps its password field: it is the staff door; participants use
  "Email me a sign-in code" instead;
* a staff account (any role, staff flag or superuser) may not finish a sign-in by email code:
  staff sign in with their password, then TOTP (asked by allauth's MFA stage, or set up first,
  see cms.middleware);
* email confirmation is required of participants only: staff accounts are made by an
  administrator, who vouches for the address, so their sign-in is password then TOTP as before.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.forms import (
    ConfirmEmailVerificationCodeForm,
    ConfirmLoginCodeForm,
    LoginForm,
    RequestLoginCodeForm,
    SignupForm,
)
from allauth.account.stages import EmailVerificationStage
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from .roles import is_staff_member

STAFF_CODE_SIGN_IN_REFUSED = (
    "Staff accounts cannot sign in with a code. Sign in with your email address and password."
)


class EasyReadErrorsMixin:
    """Participants' forms say what to do in plain words, not "This field is required"."""

    easy_read_errors = {
        "email": {
            "required": "Type your email address",
            "invalid": "Type your email address like name@example.com",
        },
        "code": {"required": "Type the code from the email"},
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, messages_ in self.easy_read_errors.items():
            if name in self.fields:
                self.fields[name].error_messages.update(messages_)


class ParticipantSignupForm(EasyReadErrorsMixin, SignupForm):
    pass


class ParticipantRequestLoginCodeForm(EasyReadErrorsMixin, RequestLoginCodeForm):
    pass


class ParticipantConfirmLoginCodeForm(EasyReadErrorsMixin, ConfirmLoginCodeForm):
    pass


class ParticipantConfirmEmailCodeForm(EasyReadErrorsMixin, ConfirmEmailVerificationCodeForm):
    pass


class StaffPasswordLoginForm(LoginForm):
    """allauth's sign-in form, keeping the password field that passwordless sign-up removes."""

    def _setup_password_field(self) -> None:
        self.fields["password"].help_text = ""


class ParticipantEmailVerificationStage(EmailVerificationStage):
    """Confirming the email address by code is for participants' own accounts only."""

    def handle(self):
        if self.login.user is not None and is_staff_member(self.login.user):
            return None, True
        return super().handle()


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "incorrect_code": "That code is not right. Look at the email again and type the code.",
        "too_many_login_attempts": "You have tried too many times. Wait 5 minutes, then try "
        "again.",
        "email_password_mismatch": "The email address or the password is not right.",
    }

    def get_login_stages(self) -> list[str]:
        stages = super().get_login_stages()
        default = "allauth.account.stages.EmailVerificationStage"
        return [
            "cms.accounts.ParticipantEmailVerificationStage" if stage == default else stage
            for stage in stages
        ]

    def pre_login(self, request, user, **kwargs):
        """Refuse a staff member whose sign-in did not start with their password."""
        if is_staff_member(user):
            records = get_authentication_records(request, user)
            if not records or records[-1].get("method") != "password":
                from allauth.account.internal.stagekit import clear_login

                clear_login(request)
                messages.error(request, STAFF_CODE_SIGN_IN_REFUSED)
                return redirect(reverse("account_login"))
        return super().pre_login(request, user, **kwargs)

    def send_password_reset_mail(self, user, email: str, context: dict) -> None:
        """Participants sign in by code and never get a password: a reset request tells them
        how to sign in instead. Staff (including a participant later given a role) reset as
        usual."""
        if is_staff_member(user):
            return super().send_password_reset_mail(user, email, context)
        url = self.request.build_absolute_uri(reverse("account_request_login_code"))
        self.send_mail("account/email/password_reset_participant", email, {"login_code_url": url})

    def get_login_redirect_url(self, request) -> str:
        if not is_staff_member(request.user):
            return settings.EVERYVOICE_PARTICIPANT_LOGIN_REDIRECT_URL
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request) -> str:
        return settings.EVERYVOICE_PARTICIPANT_LOGIN_REDIRECT_URL
