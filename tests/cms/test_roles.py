import pytest
from django.contrib.auth.models import Group

from cms.roles import ADMIN_ROLES, Role, has_role

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group_after_migrations():
    names = set(Group.objects.values_list("name", flat=True))
    assert {str(role) for role in Role} <= names


@pytest.mark.parametrize("role", list(Role))
def test_only_admin_roles_can_reach_the_wagtail_admin(role, django_user_model):
    user = django_user_model.objects.create_user(username=f"u-{role}", password="x" * 12)
    user.groups.add(Group.objects.get(name=role))
    assert user.has_perm("wagtailadmin.access_admin") is (role in ADMIN_ROLES)
    assert has_role(user, role)


def test_has_role_is_false_for_anonymous_and_other_roles(django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert not has_role(AnonymousUser(), Role.ENGAGEMENT)
    user = django_user_model.objects.create_user(username="editor", password="x" * 12)
    user.groups.add(Group.objects.get(name=Role.EDITOR))
    assert not has_role(user, Role.SAFEGUARDING_LEAD)
