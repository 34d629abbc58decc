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


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` test PostgreSQL-only features (e.g. the history trigger).
    On the SQLite run they are deselected; `make test` also runs the suite on PostgreSQL,
    where they run. Under CI the PostgreSQL run is mandatory, so nothing is silently lost."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if "postgresql" not in item.keywords]
    dropped = [item for item in items if "postgresql" in item.keywords]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
