"""Signing a browser in, the one way the browser tests do it."""

from __future__ import annotations

from django.test import Client


def sign_in(context_or_page, site_url: str, user) -> None:
    """Give a Playwright browser context (or a page's context) ``user``'s session.

    Signed in through Django's test client (``force_login``), so a test reaches the screen it
    is about without driving the sign-in and MFA forms; the tests of those forms drive them.
    """
    client = Client()
    client.force_login(user)
    context = getattr(context_or_page, "context", context_or_page)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_url}]
    )
