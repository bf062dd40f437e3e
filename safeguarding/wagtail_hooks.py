"""Admin wiring for safeguarding: the lead's queue (menu item with the waiting count, a panel
on the admin home) and the screen behind "help now"."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms.admin_menu import RoleMenuItem
from cms.roles import has_role
from feedback.help_now import DISCLOSURE_SCREEN_HOOK

from . import selectors, services, views


@hooks.register("register_admin_urls")
def safeguarding_admin_urls():
    urls = [
        path("", views.queue, name="queue"),
        path("flag-by-hand/", views.flag_by_hand, name="flag_by_hand"),
        path("<int:flag_id>/", views.flag_detail, name="flag"),
        path("<int:flag_id>/assign/", views.flag_assign, name="assign"),
        path("<int:flag_id>/close/", views.flag_close, name="close"),
        path("<int:flag_id>/release/", views.flag_release, name="release"),
        path("screen/", views.screen_file, name="screen_file"),
        path("screen/<int:screen_id>/", views.screen_job, name="screen_job"),
        path("screen/<int:screen_id>/download/", views.screen_download, name="screen_download"),
        path("screen/<int:screen_id>/delete/", views.screen_delete, name="screen_delete"),
    ]
    return [
        path(
            "safeguarding/",
            include((urls, "safeguarding_admin"), namespace="safeguarding_admin"),
        )
    ]


class WaitingMenuItem(RoleMenuItem):
    """ "Safeguarding (3 waiting)": the count is in the label so screen readers hear it too."""

    def render_component(self, request):
        component = super().render_component(request)
        waiting = selectors.waiting_count()
        if waiting:
            component.label = f"{self.label} ({waiting} waiting)"
        return component


@hooks.register("register_admin_menu_item")
def safeguarding_menu_item():
    return WaitingMenuItem(
        "Safeguarding",
        reverse("safeguarding_admin:queue"),
        name="safeguarding",
        icon_name="warning",
        order=210,
        roles=views.SAFEGUARDING_ROLES,
    )


@hooks.register("register_admin_menu_item")
def screen_file_menu_item():
    """Just below "Safeguarding": screen a past export in the background (the lead only)."""
    return RoleMenuItem(
        "Screen a file",
        reverse("safeguarding_admin:screen_file"),
        name="safeguarding-screen-file",
        icon_name="search",
        order=211,
        roles=views.SCREEN_FILE_ROLES,
    )


class WaitingPanel(Component):
    """On the admin home of a safeguarding lead: how many flags wait, how many are urgent."""

    name = "safeguarding_waiting"
    order = 5
    template_name = "safeguarding/admin/home_panel.html"

    def get_context_data(self, parent_context=None):
        return {"counts": selectors.flag_counts(), "url": reverse("safeguarding_admin:queue")}


@hooks.register("construct_homepage_panels")
def waiting_panel(request, panels):
    if has_role(request.user, *views.SAFEGUARDING_ROLES):
        panels.insert(0, WaitingPanel())


@hooks.register(DISCLOSURE_SCREEN_HOOK)
def disclosure_screen(text: str) -> bool:
    """The survey's "help now" message uses the very screen that fills the safeguarding queue
    (rules or model), so whoever will be flagged to the lead is also shown where to get help.
    About 3 ms a text; the model is trained once per process on first use (about a second)."""
    return services.text_screen(text).flagged
