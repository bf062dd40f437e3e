"""The staff roles of Every Voice, as Django groups (created by a data migration).

Participants need no account. Every role-based check in the project goes through the names
here, so a role is renamed in one place.
"""

from enum import StrEnum


class Role(StrEnum):
    ENGAGEMENT = "Engagement team"
    COLLABORATIVE_MEMBER = "Collaborative member"
    EXPERT_BY_EXPERIENCE = "Expert by experience"
    SAFEGUARDING_LEAD = "Safeguarding lead"
    EDITOR = "Editor"
    ADMINISTRATOR = "Administrator"


# Roles that work in the Wagtail admin. Collaborative members and experts by experience use
# the insight pages on the public site instead, which show only aggregated, anonymised data.
ADMIN_ROLES = frozenset({Role.ENGAGEMENT, Role.SAFEGUARDING_LEAD, Role.EDITOR, Role.ADMINISTRATOR})


def has_role(user, *roles: Role) -> bool:
    """True for a signed-in user in any of ``roles``; superusers hold every role."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    names = {str(r) for r in roles}
    return any(g.name in names for g in user.groups.all())


def is_staff_member(user) -> bool:
    """Anyone who may see data beyond the public site: any role, staff flag or superuser."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or user.is_superuser or user.groups.exists()
