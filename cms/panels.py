"""Editor panels: the easy-read checks, shown in the page editor next to the blocks."""

from wagtail.admin.panels import Panel

from easyread import checks
from easyread.findings import easyread_findings_for_page, glossary_terms


class _ComputedPanel(Panel):
    """A panel that shows what is computed from the instance (no field of its own): no help
    text, and a stable name of its own so Wagtail can tell it apart."""

    default_name = ""

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("help_text", None)
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or self.default_name


class EasyReadChecksPanel(_ComputedPanel):
    """Lists the easy-read findings for the page as last saved, block by block.

    Errors (a point with no picture or alt text) also stop saving and appear on the block
    itself; warnings never stop saving. ``static/cms/js/easyread-checks.js`` moves each
    block's warnings beside that block; without it they stay listed here.
    """

    default_name = "easyread_checks"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/easyread_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["findings"] = easyread_findings_for_page(self.instance)
            context["saved"] = bool(self.instance.pk)
            return context


class EasyReadTextChecksPanel(_ComputedPanel):
    """The easy-read checks on plain text fields (an outcome's easy-read wording), as last
    saved, field by field. Warnings only: they never stop saving."""

    def __init__(self, fields=(), **kwargs):
        super().__init__(**kwargs)
        self.fields = tuple(fields)

    default_name = "easyread_text_checks"

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "fields": self.fields}

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/easyread_text_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            terms = glossary_terms()
            rows = []
            for name in self.panel.fields:
                text = getattr(self.instance, name, "") or ""
                found = checks.check_text(text, glossary=terms) if text.strip() else []
                label = self.instance._meta.get_field(name).verbose_name
                rows.append({"name": name, "label": label, "findings": found})
            context["rows"] = [r for r in rows if r["findings"]]
            context["saved"] = bool(self.instance.pk)
            return context


#: Hook: ``fn(instance) -> str``, the HTML of what experts by experience said about a
#: snippet's easy read (the panel app registers it, so cms never imports it).
EASY_READ_PANEL_ANSWERS = "cms_easy_read_panel_answers"


class EasyReadPanelAnswersPanel(_ComputedPanel):
    """In a workflow snippet's form (outcomes, easy-read insight summaries): the points the
    experts by experience did not understand at their last check, with their typed or
    spoken reasons. Pages show these as Wagtail comments on the block; snippets have no
    comments, so they are shown here."""

    default_name = "easyread_panel_answers"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/easyread_panel_answers.html"

        def get_context_data(self, parent_context=None):
            from django.utils.safestring import mark_safe
            from wagtail import hooks

            context = super().get_context_data(parent_context)
            parts = [fn(self.instance) for fn in hooks.get_hooks(EASY_READ_PANEL_ANSWERS)]
            # Each hook renders its own template (autoescaped), so its output is safe.
            context["answers_html"] = mark_safe("".join(p for p in parts if p))  # noqa: S308
            return context
