"""All Wagtail admin wiring for the cms app (bakerydemo style): snippets, menus, the taxonomy
CSV screen, and the easy-read checks in the page editor and its Checks panel."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import TaxonomyCSVView, can_manage_taxonomy, taxonomy_export
from .models import Collaborative, Pathway, Pledge, Theme


class CollaborativeViewSet(SnippetViewSet):
    model = Collaborative
    icon = "group"
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class PledgeViewSet(SnippetViewSet):
    model = Pledge
    icon = "pick"
    list_display = ["number", "name", "code", "collaborative", "active"]
    list_filter = ["active", "collaborative"]
    search_fields = ["name", "code", "keywords"]


class PathwayViewSet(SnippetViewSet):
    model = Pathway
    icon = "arrow-right-full"
    list_display = ["name", "code", "collaborative", "active"]
    list_filter = ["active", "collaborative"]
    search_fields = ["name", "code", "keywords"]


class ThemeViewSet(SnippetViewSet):
    """Themes promoted from the emerging themes screen (tasks), editable like pathways."""

    model = Theme
    icon = "tag"
    list_display = ["name", "code", "collaborative", "active"]
    list_filter = ["active", "collaborative"]
    search_fields = ["name", "code", "keywords"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (PledgeViewSet, PathwayViewSet, ThemeViewSet, CollaborativeViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomy"
    menu_name = "taxonomy"
    menu_order = 300


register_snippet(TaxonomyViewSetGroup)


class TaxonomyCSVMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_taxonomy(request.user)


@hooks.register("register_admin_urls")
def register_taxonomy_csv_urls():
    return [
        path("taxonomy/csv/", TaxonomyCSVView.as_view(), name="cms_taxonomy_csv"),
        path("taxonomy/csv/export/", taxonomy_export, name="cms_taxonomy_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_taxonomy_csv_menu_item():
    return TaxonomyCSVMenuItem(
        "Taxonomy CSV",
        reverse("cms_taxonomy_csv"),
        icon_name="table",
        name="taxonomy-csv",
        order=310,
    )


# --- Easy-read checks in the editor --------------------------------------------------------


class EasyReadContentChecker(ContentCheckerItem):
    """Wagtail's content checker (the editor's Checks panel and the userbar) plus one rule:
    every easy-read finding the preview shows beside a block (``[data-ev-preview-finding]``,
    rendered only in previews) counts as an issue, so editors see the count change as they
    type, before they save or publish.
    """

    axe_run_only = [*ContentCheckerItem.axe_run_only, "everyvoice-easy-read"]
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        {
            "id": "everyvoice-easy-read",
            "impact": "moderate",
            "selector": "[data-ev-preview-finding]",
            "tags": ["best-practice"],
            # Fails for every finding box: the check looks for a marker no template renders.
            # (axe 4.14's built-in "exists" check comes back "incomplete", which Wagtail's
            # Checks panel does not count, so it cannot be used under "none".)
            "any": ["everyvoice-easy-read-finding"],
            "enabled": True,
        },
    ]
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        {
            "id": "everyvoice-easy-read-finding",
            "evaluate": "has-descendant-evaluate",
            "options": {"selector": "[data-ev-finding-never-rendered]"},
        },
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "everyvoice-easy-read": {
            "error_name": "Easy read check",
            "help_text": (
                "Show the issue to see what to change, in the yellow box under the block. "
                "Only a missing picture or alt text stops publishing."
            ),
        },
    }


@hooks.register("construct_wagtail_userbar")
def add_easy_read_checker(request, items, page):
    for i, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, EasyReadContentChecker):
            items[i] = EasyReadContentChecker(in_editor=item.in_editor)


@hooks.register("insert_editor_js")
def easy_read_checks_js():
    return format_html('<script src="{}" defer></script>', static("cms/js/easyread-checks.js"))


@hooks.register("insert_global_admin_css")
def easy_read_checks_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/css/easyread-checks.css"))


# --- Audit log ------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_audit_log_url():
    from .admin_views import audit_log

    return [path("audit-log/", audit_log, name="cms_audit_log")]


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    from .admin_menu import RoleMenuItem
    from .roles import Role

    return RoleMenuItem(
        "Audit log",
        reverse("cms_audit_log"),
        icon_name="history",
        order=900,
        roles=[Role.ADMINISTRATOR],
    )


@hooks.register("before_serve_page")
def public_page_cache(page, request, serve_args, serve_kwargs):
    """Mark public pages that anonymous readers may get from the shared cache."""
    from .page_cache import mark_if_cacheable

    mark_if_cacheable(page, request)


# --- Closing a consultation: a separate, explicit step ------------------------------------------


class CloseConsultationMenuItem(ActionMenuItem):
    """The "Close it now" item in an open consultation's publish menu (results never close)."""

    label = "Close it now"
    icon_name = "lock"

    def __init__(self, order=None):
        from .services import CLOSE_NOW_ACTION

        super().__init__(order=order)
        self.name = CLOSE_NOW_ACTION

    def is_shown(self, context):
        from .models import ConsultationPage

        page = context.get("page")
        if context["view"] != "edit" or not isinstance(page, ConsultationPage):
            return False
        perms = self.get_user_page_permissions_tester(context)
        return not context["locked_for_user"] and perms.can_publish() and page.is_open


@hooks.register("register_page_action_menu_item")
def register_close_consultation_menu_item():
    return CloseConsultationMenuItem(order=25)


@hooks.register("after_edit_page")
def close_consultation_now(request, page):
    from .models import ConsultationPage
    from .services import CLOSE_NOW_ACTION, consultation_close_now

    if (
        request.POST.get(CLOSE_NOW_ACTION)
        and isinstance(page.specific, ConsultationPage)
        and page.permissions_for_user(request.user).can_publish()
    ):
        consultation_close_now(consultation=page.specific, user=request.user)
