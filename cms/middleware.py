"""Staff must turn on two-factor sign-in before they reach any staff or response data."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from languages.catalogue import without_language_prefix

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


class RequestSizeLimitMiddleware:
    """Refuse a request body that is too big before any of it is read.

    Django reads a body only when something asks for it (a form, CSRF's check), so checking
    the declared ``Content-Length`` here, first in the chain, refuses a 30 MB post without
    reading a byte of it. Bodies sent in chunks have no length to check, and Django under
    WSGI would read them as empty; browsers never send forms that way, so they are refused too.
    Limits depend on the path (settings, in bytes): the survey's pages take an audio answer,
    staff pages take photos and documents, everything else takes small forms only. The web
    server in front (nginx in docker-compose.yml) has its own cap at the largest of these.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.limits = [
            (prefix, int(limit)) for prefix, limit in settings.EVERYVOICE_MAX_REQUEST_BYTES_BY_PATH
        ]
        self.default = int(settings.EVERYVOICE_MAX_REQUEST_BYTES)

    def limit_for(self, path: str) -> int:
        path = without_language_prefix(path)  # "/gu/survey/..." takes what "/survey/..." does
        return next(
            (limit for prefix, limit in self.limits if path.startswith(prefix)), self.default
        )

    def __call__(self, request):
        meta = request.META
        if "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower():
            return self.refuse(self.limit_for(request.path_info))
        try:
            length = int(meta.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads an unreadable length as no body at all
        limit = self.limit_for(request.path_info)
        if length > limit:
            return self.refuse(limit)
        return self.get_response(request)

    @staticmethod
    def refuse(limit: int):
        from .views import request_too_big

        return request_too_big(None, limit)


class AdminPreviewFrameMiddleware:
    """Let the Wagtail editor frame its own preview of a page, and nothing else.

    Wagtail renders a preview by running the page's ``serve_preview`` through the whole
    middleware stack on a dummy request for the page's *public* path, so the public site's
    ``frame-ancestors 'none'`` lands on the preview too and the browser blanks the editor's
    Preview and Checks panels. Wagtail marks that dummy request ``is_preview`` (an attribute
    it sets in-process: no header or parameter a visitor could send), and only then does this
    replace the one directive with ``'self'``. Listed after ``CSPMiddleware`` so it sees the
    response first; every other directive, and every public response, is unchanged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False) is True:
            response._csp_replace = {
                **(getattr(response, "_csp_replace", None) or {}),
                "frame-ancestors": ["'self'"],
            }
        return response
