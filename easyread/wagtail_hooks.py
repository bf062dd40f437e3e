"""Admin wiring for the easy-read app: the hard-word glossary snippet."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = "Hard words"
    menu_name = "hard-words"
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["term", "explanation"]
    search_fields = ["term", "explanation"]


register_snippet(GlossaryTermViewSet)
