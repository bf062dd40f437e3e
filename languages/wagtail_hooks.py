"""Draft translations are listed for staff, who delete a row once the page is checked; the
screens for feedback not in English (translation requests)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_menu import RoleMenuItem
from cms.models.pages import TERM_NAMES

from . import admin_views
from .models import DraftTranslation, TermName
from .selectors import term_names


class DraftTranslationViewSet(SnippetViewSet):
    model = DraftTranslation
    icon = "doc-empty"
    list_display = ["__str__", "note", "created_at"]


register_snippet(DraftTranslationViewSet)


class TermNameViewSet(SnippetViewSet):
    model = TermName
    icon = "site"
    list_display = ["code", "language", "name", "updated_at"]
    list_filter = ["language"]
    search_fields = ["code", "name"]


register_snippet(TermNameViewSet)


@hooks.register("register_admin_urls")
def translations_admin_urls():
    urls = [
        path("", admin_views.translation_list, name="list"),
        path("<int:translation_id>/request/", admin_views.translation_request, name="request"),
        path("<int:translation_id>/", admin_views.translation_enter, name="enter"),
    ]
    return [
        path(
            "translations/", include((urls, "translations_admin"), namespace="translations_admin")
        )
    ]


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return RoleMenuItem(
        "Translations",
        reverse("translations_admin:list"),
        icon_name="site",
        order=223,
        roles=admin_views.TRANSLATION_ROLES,
    )


@hooks.register(TERM_NAMES)
def term_names_in_language(terms, language_code: str):
    """Consultation pages name their pledges and pathways in the page's language."""
    return term_names(terms, language_code)
