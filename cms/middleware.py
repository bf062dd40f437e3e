"""Staff must turn on two-factor sign-in before they reach any staff or response data."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .roles import is_staff_member


class StaffMFARequiredMiddleware:
    """Send a signed-in staff member without TOTP to set it up, for every protected path.

    Sign-in itself (allauth) asks for the code once TOTP is on, so together these make
    password plus TOTP the only way into staff areas. Participants (no role) are untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.EVERYVOICE_MFA_PROTECTED_PREFIXES)

    def __call__(self, request):
        path = request.path_info
        if path.startswith(self.prefixes) and self._needs_mfa(request.user):
            target = reverse("mfa_activate_totp")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _needs_mfa(user) -> bool:
        if not user.is_authenticated or not is_staff_member(user):
            return False
        from allauth.mfa.utils import is_mfa_enabled

        return not is_mfa_enabled(user, types=["totp"])
