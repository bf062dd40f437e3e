"""Admin wiring for insight: outcomes ("you said, we did") and representation targets are
snippets the engagement team manages, with easy-read insight summaries. Outcomes and
summaries have drafts and go through Wagtail's workflow (the experts by experience check them);
publishing one (insight.receivers) tells the people who asked to hear back."""

from django.contrib import messages as django_messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import InsightSummary, Outcome, RepresentationTarget


class OutcomeViewSet(SnippetViewSet):
    model = Outcome
    icon = "tick"
    menu_label = "You said, we did"
    list_display = ["title", "consultation", "status", "owner", "live"]
    list_filter = ["status", "live"]
    search_fields = ["title", "easy_read_title", "owner"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "check-translation/<int:pk>/",
                self.check_translation_view,
                name="check_translation",
            ),
        ]

    def check_translation_view(self, request, pk):
        return outcome_translation_to_check(request, pk, viewset=self)


@require_http_methods(["GET", "POST"])
def outcome_translation_to_check(request, pk: int, *, viewset):
    """Send a translated outcome (the translator's words so far) to the experts by
    experience's check: wagtail-localize's editor has no "submit" of its own."""
    from languages.catalogue import get as language_get
    from languages.services import NothingToCheck, translation_submit_for_check

    if not viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    outcome = get_object_or_404(Outcome.objects.select_related("locale"), pk=pk)
    if not viewset.permission_policy.user_has_permission_for_instance(
        request.user, "change", outcome
    ):
        raise PermissionDenied
    language = language_get(outcome.locale.language_code)
    listing = reverse(viewset.get_url_name("list"))
    if request.method == "POST":
        try:
            translation_submit_for_check(obj=outcome, user=request.user)
        except NothingToCheck:
            django_messages.error(
                request,
                f"'{outcome}' is not a translation being made, or it is already waiting "
                "to be checked.",
            )
        else:
            django_messages.success(
                request,
                f"The {language.name} translation of '{outcome}' is waiting to be checked "
                "by the experts by experience. It is not public until they approve it.",
            )
        return redirect(listing)
    return render(
        request,
        "insight/admin/check_translation.html",
        {"outcome": outcome, "language": language, "listing": listing},
    )


@hooks.register("register_snippet_listing_buttons")
def outcome_translation_check_button(snippet, user, next_url=None):
    """ "Send to be checked" on a translated outcome that is not waiting for a check."""
    if not isinstance(snippet, Outcome) or snippet.locale_id == Locale.get_default().pk:
        return
    if snippet.workflow_in_progress or not user.has_perm("insight.change_outcome"):
        return
    yield Button(
        "Send the translation to be checked",
        reverse("wagtailsnippets_insight_outcome:check_translation", args=[snippet.pk]),
        attrs={"aria-label": f"Send the translation of '{snippet}' to be checked"},
        icon_name="tick",
        priority=110,
    )


class InsightSummaryViewSet(SnippetViewSet):
    model = InsightSummary
    icon = "doc-full"
    menu_label = "Easy-read summaries"
    list_display = ["code", "live", "updated_at"]
    list_filter = ["live"]
    search_fields = ["code"]


class RepresentationTargetViewSet(SnippetViewSet):
    model = RepresentationTarget
    icon = "group"
    menu_label = "Representation targets"
    list_display = ["consultation", "dimension", "value", "target"]
    list_filter = ["dimension"]


class InsightViewSetGroup(SnippetViewSetGroup):
    items = (OutcomeViewSet, InsightSummaryViewSet, RepresentationTargetViewSet)
    menu_icon = "doc-full"
    menu_label = "Insight"
    menu_name = "insight"
    menu_order = 320


register_snippet(InsightViewSetGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def outcome_after_save(request, instance):
    # Only when the editor has just published it (drafts and submissions are not public).
    if isinstance(instance, Outcome) and "action-publish" in request.POST:
        _offer_you_said_we_did_page(request, instance)


def _offer_you_said_we_did_page(request, outcome) -> None:
    """A published outcome shows on its consultation's "you said, we did" page: offer to
    make that page when there is none, or to update it when there is."""
    from django.urls import reverse
    from wagtail.admin import messages

    from .selectors import you_said_we_did_page

    page = you_said_we_did_page(consultation_id=outcome.consultation_id)
    if page is None:
        url = reverse(
            "wagtailadmin_pages:add",
            args=("cms", "yousaidwedidpage", outcome.consultation_id),
        )
        text = (
            "This outcome is published, but its consultation has no 'you said, we did' "
            "page yet, so nobody can see it."
        )
        messages.warning(request, text, buttons=[messages.button(url, "Create the page")])
    else:
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        text = f"This outcome now shows on '{page.title}'. Check the page still reads well."
        messages.info(request, text, buttons=[messages.button(url, "Update the page")])


@hooks.register("cms_you_said_we_did_sections")
def you_said_we_did_outcomes(request, page) -> str:
    """The consultation's published outcomes, on its 'you said, we did' page, in the page's
    language where they are translated (English otherwise, marked as English)."""
    from django.template.loader import render_to_string

    from .selectors import outcomes_published

    parent = page.get_parent()
    outcomes = (
        outcomes_published(consultation_id=parent.pk, language_code=page.locale.language_code)
        if parent
        else []
    )
    context = {"outcomes": outcomes, "heading_level": 2, "show_follow_link": True}
    return render_to_string("insight/includes/outcomes.html", context, request=request)
