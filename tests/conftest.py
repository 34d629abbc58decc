import pytest
from django.contrib.auth.models import Group

from inspections.access import ADMINISTRATOR_GROUP, ANALYST_GROUP, OPCC_EDITOR_GROUP
from tests.factories import ForceFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _member_of(group_name: str, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def force(db):
    return ForceFactory()


@pytest.fixture
def other_force(db):
    return ForceFactory()


@pytest.fixture
def administrator(db):
    return _member_of(ADMINISTRATOR_GROUP)


@pytest.fixture
def editor(force):
    """An OPCC editor attached to `force`."""
    user = _member_of(OPCC_EDITOR_GROUP)
    force.editors.add(user)
    return user


@pytest.fixture
def outsider(other_force):
    """An OPCC editor of another force."""
    user = _member_of(OPCC_EDITOR_GROUP)
    other_force.editors.add(user)
    return user


@pytest.fixture
def analyst(db):
    return _member_of(ANALYST_GROUP)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
