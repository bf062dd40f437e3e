"""Small views of the site itself."""

from allauth.account.views import password_set as allauth_password_set
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect

from .roles import is_staff_member

SIGN_IN_BY_CODE_ONLY = "You do not need a password. You sign in with a code we email you."


def to_account_login(request: HttpRequest) -> HttpResponseRedirect:
    """Wagtail's and Django's own sign-in forms would skip TOTP: send staff to allauth's."""
    return redirect_to_login(request.GET.get("next", "/admin/"), login_url=settings.LOGIN_URL)


def password_set(request: HttpRequest) -> HttpResponse:
    """Participants sign in by email code only; a password is for staff (then TOTP)."""
    if request.user.is_authenticated and not is_staff_member(request.user):
        messages.info(request, SIGN_IN_BY_CODE_ONLY)
        return redirect(settings.EVERYVOICE_PARTICIPANT_LOGIN_REDIRECT_URL)
    return allauth_password_set(request)


def request_too_big(request: HttpRequest, limit: int | None = None) -> HttpResponse:
    """The easy-read 413 page: from ``RequestSizeLimitMiddleware`` (with the path's limit)
    and from nginx in front (``error_page 413``, deploy/nginx.conf), which has refused the
    body already. Rendered without the request: nothing of the session is needed."""
    from django.template.defaultfilters import filesizeformat
    from django.template.loader import render_to_string

    context = {"limit": filesizeformat(limit) if limit else ""}
    # No "Connection: close" here: WSGI leaves hop-by-hop headers to the server.
    return HttpResponse(render_to_string("413.html", context), status=413)
