"""Admin menu items shown only to the roles that may use them."""

from wagtail.admin.menu import MenuItem

from .roles import has_role


class RoleMenuItem(MenuItem):
    def __init__(self, *args, roles, **kwargs):
        self.roles = roles
        super().__init__(*args, **kwargs)

    def is_shown(self, request) -> bool:
        return has_role(request.user, *self.roles)
