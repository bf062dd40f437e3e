"""Draft translations are listed for staff, who delete a row once the page is checked."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DraftTranslation


class DraftTranslationViewSet(SnippetViewSet):
    model = DraftTranslation
    icon = "doc-empty"
    list_display = ["__str__", "note", "created_at"]


register_snippet(DraftTranslationViewSet)
