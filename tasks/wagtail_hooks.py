"""Admin wiring for tagging (the review queue, the tagger's health, re-tag on taxonomy change)
and the retention report."""

from django.urls import include, path, reverse
from wagtail import hooks

from cms.admin_menu import RoleMenuItem
from cms.jobs import enqueue_on_commit
from cms.models import TERM_MODELS
from cms.selectors import active_taxonomy
from feedback.selectors import TEXT_TAGS_HOOK

from . import admin_views, retention_views, selectors, theme_views


@hooks.register("register_admin_urls")
def tagging_admin_urls():
    urls = [
        path("review/", admin_views.review_queue, name="review_queue"),
        path("review/undo/<int:tag_id>/", admin_views.tag_undo, name="tag_undo"),
        path("health/", admin_views.tagger_health, name="tagger_health"),
        path("import/", admin_views.history_import, name="history_import"),
        path("import/<int:job_id>/", admin_views.import_job, name="import_job"),
        path("themes/", theme_views.theme_runs, name="theme_runs"),
        path("themes/<int:run_id>/", theme_views.theme_run, name="theme_run"),
        path(
            "themes/candidate/<int:candidate_id>/",
            theme_views.theme_candidate,
            name="theme_candidate",
        ),
        path(
            "themes/candidate/<int:candidate_id>/promote/",
            theme_views.theme_promote,
            name="theme_promote",
        ),
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


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return RoleMenuItem(
        "Import history",
        reverse("tagging_admin:history_import"),
        icon_name="download",
        order=227,
        roles=admin_views.REVIEW_ROLES,
    )


@hooks.register("register_admin_menu_item")
def themes_menu_item():
    return RoleMenuItem(
        "Emerging themes",
        reverse("tagging_admin:theme_runs"),
        icon_name="crosshairs",
        order=228,
        roles=admin_views.REVIEW_ROLES,
    )


def _retag_when_taxonomy_changes(request, instance):
    if isinstance(instance, TERM_MODELS):
        enqueue_on_commit("everyvoice.retag_all", request.user.pk)


hooks.register("after_create_snippet", _retag_when_taxonomy_changes)
hooks.register("after_edit_snippet", _retag_when_taxonomy_changes)


@hooks.register("register_admin_urls")
def retention_admin_urls():
    urls = [path("", retention_views.retention_report, name="report")]
    return [path("retention/", include((urls, "retention_admin"), namespace="retention_admin"))]


@hooks.register("register_admin_menu_item")
def retention_menu_item():
    return RoleMenuItem(
        "Retention report",
        reverse("retention_admin:report"),
        icon_name="history",
        order=900,
        roles=retention_views.RETENTION_ROLES,
    )


@hooks.register(TEXT_TAGS_HOOK)
def text_tags(targets):
    """Tags beside each text on feedback's response and focus-group pages."""
    return selectors.text_tags(targets, {t.code: t.name for t in active_taxonomy()})
