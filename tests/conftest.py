import importlib

import pytest
from django.contrib.auth.models import Group

from inspections.access import ADMINISTRATOR_GROUP, ANALYST_GROUP, OPCC_EDITOR_GROUP
from tests.factories import ForceFactory, UserFactory


@pytest.fixture(autouse=True, scope="session")
def _flush_may_empty_history():
    """Emptying the whole database between transactional tests (Django's flush) is the one
    deletion of history allowed: on PostgreSQL it is a TRUNCATE, which no row trigger sees; on
    SQLite, DELETEs that the history triggers let through only inside history_maintenance()."""
    from django.core.management.commands import flush

    from recommendations.history_guard import history_maintenance

    original = flush.Command.handle

    def handle(self, *args, **options):
        with history_maintenance():
            return original(self, *args, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture(autouse=True)
def _roles_exist(request):
    """Every database test starts with the roles the data migration creates. A transactional
    test (browser tests, restores) ends with a flush that empties every table, groups included;
    this puts them back by running the migration's own function. (Serialized rollback would do
    it too, but Playwright's event loop leaves Django a connection without the serialized data.)
    """
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps

    if not Group.objects.filter(name=ADMINISTRATOR_GROUP).exists():
        importlib.import_module("recommendations.migrations.0002_roles").create_roles(apps, None)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached results and pages (recommendations.freshness, peel_tracker.page_cache) are keyed
    by the newest ids in the record; a rolled-back test database hands the same ids out again,
    so each test starts empty."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


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
def administrator_client(client, administrator):
    client.force_login(administrator)
    return client


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


@pytest.fixture
def html_form_data():
    """Read a form off a rendered page the way a browser would submit it: inputs (checked
    boxes only, no buttons, nothing disabled), the selected options of each select (the first
    option when none is selected), and textareas. Returns {name: value}, or {name: [values]}
    for names that repeat. Pick the form by id, or as the one containing a given field."""
    from html.parser import HTMLParser

    class FormParser(HTMLParser):
        def __init__(self):
            super().__init__()
            self.forms = []
            self._fields = None
            self._select = None
            self._textarea = None

        def handle_starttag(self, tag, attr_list):
            attrs = dict(attr_list)
            if tag == "form":
                self._fields = []
                self.forms.append((attrs, self._fields))
            elif self._fields is None or "disabled" in attrs:
                return
            elif tag == "input" and attrs.get("name"):
                kind = attrs.get("type", "text").lower()
                if kind in ("submit", "button", "image", "reset", "file"):
                    return
                if kind in ("checkbox", "radio"):
                    if "checked" in attrs:
                        self._fields.append((attrs["name"], attrs.get("value") or "on"))
                    return
                self._fields.append((attrs["name"], attrs.get("value") or ""))
            elif tag == "select" and attrs.get("name"):
                self._select = {"name": attrs["name"], "multiple": "multiple" in attrs}
                self._select.update(first=None, selected=[])
            elif tag == "option" and self._select is not None:
                value = attrs.get("value") or ""
                if self._select["first"] is None:
                    self._select["first"] = value
                if "selected" in attrs:
                    self._select["selected"].append(value)
            elif tag == "textarea" and attrs.get("name"):
                self._textarea = [attrs["name"], ""]

        def handle_data(self, data):
            if self._textarea is not None:
                self._textarea[1] += data

        def handle_endtag(self, tag):
            if tag == "form":
                self._fields = None
            elif tag == "select" and self._select is not None:
                chosen = self._select["selected"]
                first = self._select["first"]
                if not chosen and not self._select["multiple"] and first is not None:
                    chosen = [first]
                self._fields.extend((self._select["name"], value) for value in chosen)
                self._select = None
            elif tag == "textarea" and self._textarea is not None:
                name, text = self._textarea
                # Browsers drop the newline Django writes after <textarea>.
                self._fields.append((name, text.removeprefix("\r\n").removeprefix("\n")))
                self._textarea = None

    def read(response, *, form_id=None, containing=None):
        parser = FormParser()
        parser.feed(response.content.decode())
        for attrs, fields in parser.forms:
            names = {name for name, _ in fields}
            if (form_id and attrs.get("id") == form_id) or (containing and containing in names):
                data = {}
                for name, value in fields:
                    if name in data:
                        previous = data[name]
                        data[name] = (
                            [*previous, value]
                            if isinstance(previous, list)
                            else [
                                previous,
                                value,
                            ]
                        )
                    else:
                        data[name] = value
                return data
        raise AssertionError(f"No form {form_id or containing!r} on the page.")

    return read
