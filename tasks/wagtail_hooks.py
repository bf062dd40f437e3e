"""Admin wiring for tagging: the review queue, the tagger's health, re-tag on taxonomy change."""

from django.urls import include, path, reverse
from wagtail import hooks

from cms.admin_menu import RoleMenuItem
from cms.jobs import enqueue_on_commit
from cms.models import Pathway, Pledge
from feedback.help_now import DISCLOSURE_SCREEN_HOOK

from . import admin_views, safeguarding_views
from .safeguarding import screen_text


@hooks.register("register_admin_urls")
def tagging_admin_urls():
    urls = [
        path("review/", admin_views.review_queue, name="review_queue"),
        path("health/", admin_views.tagger_health, name="tagger_health"),
    ]
    return [path("tagging/", include((urls, "tagging_admin"), namespace="tagging_admin"))]


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return RoleMenuItem(
        "Review tags",
        reverse("tagging_admin:review_queue"),
        icon_name="tag",
        order=220,
        roles=admin_views.REVIEW_ROLES,
    )


@hooks.register("register_admin_menu_item")
def health_menu_item():
    return RoleMenuItem(
        "Tagger health",
        reverse("tagging_admin:tagger_health"),
        icon_name="pick",
        order=225,
        roles=admin_views.REVIEW_ROLES,
    )


def _retag_when_taxonomy_changes(request, instance):
    if isinstance(instance, Pledge | Pathway):
        enqueue_on_commit("everyvoice.retag_all", request.user.pk)


hooks.register("after_create_snippet", _retag_when_taxonomy_changes)
hooks.register("after_edit_snippet", _retag_when_taxonomy_changes)


@hooks.register("register_admin_urls")
def safeguarding_admin_urls():
    urls = [
        path("", safeguarding_views.queue, name="queue"),
        path("<int:flag_id>/", safeguarding_views.flag_detail, name="flag"),
        path(
            "<int:flag_id>/acknowledge/",
            safeguarding_views.flag_acknowledge,
            name="acknowledge",
        ),
        path("retention/", safeguarding_views.retention_report, name="retention"),
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
        roles=safeguarding_views.SAFEGUARDING_ROLES,
    )


@hooks.register("register_admin_menu_item")
def retention_menu_item():
    return RoleMenuItem(
        "Retention report",
        reverse("safeguarding_admin:retention"),
        icon_name="history",
        order=900,
        roles=safeguarding_views.RETENTION_ROLES,
    )


@hooks.register(DISCLOSURE_SCREEN_HOOK)
def disclosure_screen(text: str) -> bool:
    """The survey's "help now" message uses the very screen that fills the safeguarding queue
    (rules or model), so whoever will be flagged to the lead is also shown where to get help.
    About 3 ms a text; the model is trained once per process on first use (about a second)."""
    return screen_text(text).flagged
