"""Admin wiring for the involvement register: workstreams and meetings as snippets (menu
"Involvement"), and forums/focus groups linked to feedback's contribution entry on save."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import services
from .models import Meeting, Workstream


class WorkstreamViewSet(SnippetViewSet):
    model = Workstream
    icon = "site"
    list_display = ["name", "code", "pathway", "collaborative", "active"]
    list_filter = ["active"]
    search_fields = ["name", "code"]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "group"
    list_display = ["title", "workstream", "kind", "held_on", "lived_experience"]
    list_filter = ["workstream", "kind"]
    search_fields = ["title", "venue"]
    ordering = ["-held_on"]


class InvolvementViewSetGroup(SnippetViewSetGroup):
    items = (MeetingViewSet, WorkstreamViewSet)
    menu_icon = "group"
    menu_label = "Involvement"
    menu_name = "involvement"
    menu_order = 215


register_snippet(InvolvementViewSetGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def meeting_saved(request, instance):
    if isinstance(instance, Meeting):
        services.meeting_feed_contributions(meeting=instance, user=request.user)


@hooks.register("register_snippet_listing_buttons")
def meeting_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Meeting) and snippet.focus_group_session_id:
        yield ListingButton(
            "Enter what people said",
            reverse(
                "wagtailsnippets_feedback_focusgroupsession:edit",
                args=[snippet.focus_group_session_id],
            ),
            icon_name="list-ul",
            priority=5,
        )
