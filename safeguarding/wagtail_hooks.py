"""Admin wiring for safeguarding: the lead's queue, and the screen behind "help now"."""

from django.urls import include, path, reverse
from wagtail import hooks

from cms.admin_menu import RoleMenuItem
from feedback.help_now import DISCLOSURE_SCREEN_HOOK

from . import services, views


@hooks.register("register_admin_urls")
def safeguarding_admin_urls():
    urls = [
        path("", views.queue, name="queue"),
        path("<int:flag_id>/", views.flag_detail, name="flag"),
        path("<int:flag_id>/acknowledge/", views.flag_acknowledge, name="acknowledge"),
    ]
    return [
        path(
            "safeguarding/",
            include((urls, "safeguarding_admin"), namespace="safeguarding_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def safeguarding_menu_item():
    return RoleMenuItem(
        "Safeguarding",
        reverse("safeguarding_admin:queue"),
        icon_name="warning",
        order=210,
        roles=views.SAFEGUARDING_ROLES,
    )


@hooks.register(DISCLOSURE_SCREEN_HOOK)
def disclosure_screen(text: str) -> bool:
    """The survey's "help now" message uses the very screen that fills the safeguarding queue
    (rules or model), so whoever will be flagged to the lead is also shown where to get help.
    About 3 ms a text; the model is trained once per process on first use (about a second)."""
    return services.text_screen(text).flagged
