"""Admin wiring for feedback: focus groups as snippets, staff views, menu items."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_menu import RoleMenuItem
from cms.roles import Role, has_role

from . import admin_views, selectors, services
from .models import FocusGroupSession

READ_ROLES = admin_views.READ_ROLES


class FocusGroupSessionViewSet(SnippetViewSet):
    model = FocusGroupSession
    icon = "group"
    menu_label = "Focus groups"
    menu_name = "focus-groups"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "consultation", "held_on", "attendees_total", "consent_confirmed"]
    list_filter = ["consent_confirmed"]
    ordering = ["-held_on"]


register_snippet(FocusGroupSessionViewSet)


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    urls = [
        path("surveys/", admin_views.survey_index, name="survey_index"),
        path("surveys/<int:survey_id>/", admin_views.survey_responses, name="survey_responses"),
        path("surveys/<int:survey_id>/enter/", admin_views.survey_enter, name="survey_enter"),
        path("responses/<int:response_id>/", admin_views.response_detail, name="response_detail"),
        path("answers/<int:answer_id>/audio/", admin_views.answer_audio, name="answer_audio"),
        path("answers/<int:answer_id>/video/", admin_views.answer_video, name="answer_video"),
        path("bsl/", admin_views.bsl_queue, name="bsl_queue"),
        path("bsl/<int:answer_id>/", admin_views.bsl_summarise, name="bsl_summarise"),
        path("flipcharts/<int:photo_id>/", admin_views.flipchart_photo, name="flipchart_photo"),
        path(
            "focus-groups/<int:session_id>/bulk/",
            admin_views.focus_group_bulk,
            name="focus_group_bulk",
        ),
    ]
    return [path("feedback/", include((urls, "feedback_admin"), namespace="feedback_admin"))]


@hooks.register("register_admin_menu_item")
def survey_responses_menu_item():
    return RoleMenuItem(
        "Survey responses",
        reverse("feedback_admin:survey_index"),
        icon_name="form",
        order=205,
        roles=READ_ROLES,
    )


@hooks.register("register_admin_menu_item")
def bsl_queue_menu_item():
    return RoleMenuItem(
        "BSL answers",
        reverse("feedback_admin:bsl_queue"),
        icon_name="media",
        order=206,
        roles=admin_views.ENTRY_ROLES,
    )


@hooks.register("register_snippet_listing_buttons")
def focus_group_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, FocusGroupSession) and has_role(user, *admin_views.ENTRY_ROLES):
        yield ListingButton(
            "Add contributions fast",
            reverse("feedback_admin:focus_group_bulk", args=[snippet.pk]),
            icon_name="list-ul",
            priority=5,
        )


@hooks.register("after_create_snippet")
def focus_group_created(request, instance):
    # Every contribution of a new session is new: all are queued.
    if isinstance(instance, FocusGroupSession):
        services.contributions_queue_changed(
            contributions=instance.contributions.all(), texts_before={}
        )


# Contribution texts as they were before an edit, so a changed text is tagged and screened
# again (an edited contribution keeps its id and its ``tagged_at``).
_TEXTS_BEFORE = "_everyvoice_contribution_texts"


@hooks.register("before_edit_snippet")
def focus_group_before_edit(request, instance):
    if isinstance(instance, FocusGroupSession) and request.method == "POST":
        setattr(request, _TEXTS_BEFORE, selectors.contribution_texts(session=instance))


@hooks.register("after_edit_snippet")
def focus_group_edited(request, instance):
    if isinstance(instance, FocusGroupSession):
        services.contributions_queue_changed(
            contributions=instance.contributions.all(),
            texts_before=getattr(request, _TEXTS_BEFORE, {}),
        )


__all__ = ["Role"]
