"""Admin wiring for the panel: the published page says when the panel checked it."""

from wagtail import hooks

from cms.models.pages import EASY_READ_CHECKED


@hooks.register(EASY_READ_CHECKED)
def panel_checked_on(page):
    from .selectors import checked_on

    return checked_on(page)
