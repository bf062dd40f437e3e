"""Admin wiring for the panel: the published page or outcome says when the panel checked it,
and a snippet's form shows what the panel did not understand (snippets have no comments)."""

from django.template.loader import render_to_string
from wagtail import hooks

from cms.models.pages import EASY_READ_CHECKED
from cms.panels import EASY_READ_PANEL_ANSWERS


@hooks.register(EASY_READ_CHECKED)
def panel_checked_on(page):
    from .selectors import checked_on

    return checked_on(page)


@hooks.register(EASY_READ_PANEL_ANSWERS)
def panel_answers(instance) -> str:
    from .selectors import latest_not_understood

    state, rows = latest_not_understood(instance)
    if state is None or not rows:
        return ""
    return render_to_string("panel/admin/answers_panel.html", {"state": state, "rows": rows})
