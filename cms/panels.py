"""Editor panels: the easy-read checks, shown in the page editor next to the blocks."""

from wagtail.admin.panels import Panel

from easyread.findings import easyread_findings_for_page


class EasyReadChecksPanel(Panel):
    """Lists the easy-read findings for the page as last saved, block by block.

    Errors (a point with no picture or alt text) also stop saving and appear on the block
    itself; warnings never stop saving. ``static/cms/js/easyread-checks.js`` moves each
    block's warnings beside that block; without it they stay listed here.
    """

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("help_text", None)
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or "easyread_checks"

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/panels/easyread_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["findings"] = easyread_findings_for_page(self.instance)
            context["saved"] = bool(self.instance.pk)
            return context
