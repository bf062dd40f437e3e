"""Small views of the site itself."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseRedirect


def to_account_login(request: HttpRequest) -> HttpResponseRedirect:
    """Wagtail's and Django's own sign-in forms would skip TOTP: send staff to allauth's."""
    return redirect_to_login(request.GET.get("next", "/admin/"), login_url=settings.LOGIN_URL)
