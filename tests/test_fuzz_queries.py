"""Fuzz test: hostile query strings (hypothesis) against every GET page and export, and every
admin list (as an OPCC editor where one may read it, else as an administrator). Never a server
error; each URL answers what it should (a page 200, showing any error in the page; an export
200 or a readable 400; an admin list 200, or 302 to its "?e=1" error page, or 400 for a lookup
it refuses); no injected tag is ever shown unescaped.

The URLs come from the URL resolver and the admin's registry, so a new page is fuzzed as soon
as it exists (and fails here until PATH_ARGUMENTS says how to fill its path). The parameter
names are those the views and the admin read, GENERIC_NAMES and random ones; the values and
raw fragments are the catalogue benchmarks/fuzz.py sends to a running server (`make fuzz`).
Derandomized with a bounded number of examples, so every run sends the same query strings."""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz import (
    GENERIC_NAMES,
    HOSTILE_VALUES,
    RAW_FRAGMENTS,
    query_string,
    unescaped_markers,
)
from peel_tracker.admin_lists import ChangeList
from recommendations.tracker_views import FILTER_NAMES as TRACKER_FILTERS
from recommendations.views import FILTER_PARAMS as FINDING_FILTERS
from tests.factories import FindingExplanationFactory, ResponseFactory, SavedViewFactory
from tests.recommendations.findings_world import build_world

pytestmark = [
    pytest.mark.django_db,
    # A date-time filter given a bare date (`?attempt_time__gte=00010101`) makes Django warn
    # that the value has no time zone; the suite turns warnings into errors, production logs
    # it and the list answers 200. What this file checks is the answer: never a 5xx.
    pytest.mark.filterwarnings("ignore:DateTimeField .* received a naive datetime:RuntimeWarning"),
]

OK, FOUND, BAD_REQUEST = HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.BAD_REQUEST

# How each URL with path parameters is filled, from the world of build_world().
PATH_ARGUMENTS = {
    "inspections:force": lambda w: {"slug": w.avon.slug},
    "inspections:detail": lambda w: {"pk": w.avon21.pk},
    "recommendations:detail": lambda w: {"pk": w.afi_avon21.pk},
    "api:finding_history": lambda w: {"pk": w.afi_avon21.pk},
    "api:saved_view": lambda w: {"pk": w.saved_view.pk},
    "saved_views:new": lambda w: {"page": "findings"},
    **{
        f"saved_views:{name}": lambda w: {"pk": w.saved_view.pk}
        for name in ("open", "change", "delete", "export_csv", "export_xlsx")
    },
}
# Not GET pages: sign-out and the watch buttons take a POST only (a GET is 405, by the
# permission matrix).
NOT_PAGES = {
    "logout",
    "watching:finding_watch",
    "watching:finding_unwatch",
    "watching:view_watch",
    "watching:view_unwatch",
}
# What the page's own parameters are (others are still sent: GENERIC_NAMES, random names).
OWN_PARAMETERS = {
    # report_q: the findings list's report search (and its own URL, report_choices).
    "recommendations:": [*FINDING_FILTERS, "sort", "page", "report_q"],
    "tracker:": [*TRACKER_FILTERS, "sort", "page"],
    # Saving a view reads the findings list's filters (the tracker's are saved the same way).
    "saved_views:": [*FINDING_FILTERS, *TRACKER_FILTERS, "sort", "page", "view"],
    # The API takes the pages' filters, and its own cursor, page size and format.
    "api:": [*FINDING_FILTERS, *TRACKER_FILTERS, "sort", "cursor", "page_size", "format"],
}
# Sort values, slugs and ids that mean something, so hostile values meet valid filters too.
PLAUSIBLE = ["avon", "kent", "afi", "open", "closed", "overdue", "yes", "no", "on", "true"]
PLAUSIBLE += ["age", "-published", "force", "status", "due", "Legitimacy", "stop-and-search"]
PLAUSIBLE += ["1", "2", "2019-05-02", "2022", "-1.2", "0.1", "peel_force"]


def app_pages() -> list[str]:
    """The names of every URL outside the admin, from the URL resolver."""

    def walk(resolver: URLResolver, namespace: str = ""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", pattern

    pages = []
    for name, pattern in walk(get_resolver()):
        if name in NOT_PAGES:
            continue
        if pattern.pattern.converters and name not in PATH_ARGUMENTS:
            raise AssertionError(f"Add {name} to PATH_ARGUMENTS: how is its path filled?")
        pages.append(name)
    return pages


def admin_lists() -> list[str]:
    """Every registered admin list (changelist), the project's and those of Django's auth and
    django-axes."""
    return sorted(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        for model in admin.site._registry
    )


def _model_admin(url_name: str):
    return next(
        model_admin
        for model, model_admin in admin.site._registry.items()
        if url_name.endswith(f":{model._meta.app_label}_{model._meta.model_name}_changelist")
    )


def admin_filter_parameters(url_name: str) -> list[str]:
    """What an admin list's filters, date hierarchy and search read from the query string."""
    model_admin = _model_admin(url_name)
    names = ["q"]
    for item in model_admin.list_filter:
        field = item if isinstance(item, str) else getattr(item, "parameter_name", None)
        if field:
            names += [field, f"{field}__exact", f"{field}__id__exact"]
    if model_admin.date_hierarchy:
        names += [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return names


def admin_parameters(url_name: str) -> list[str]:
    """admin_filter_parameters, other lookups on the same fields, and lookups the admin must
    refuse (on no list filter; one reaching passwords). Ordering, page and the admin's own
    flags are among GENERIC_NAMES."""
    names = admin_filter_parameters(url_name)
    for item in _model_admin(url_name).list_filter:
        if isinstance(item, str):
            names += [f"{item}__{lookup}" for lookup in ("isnull", "in", "gte", "lt")]
    return [*names, "id__gt", "pk", "inspection__force__editors__password__startswith"]


def expected(url_name: str) -> set[int]:
    if url_name.startswith("admin:"):
        return {OK, FOUND, BAD_REQUEST}
    if url_name in {"favicon", "saved_views:open"}:
        return {FOUND}  # a saved view's address redirects to its page whatever is asked
    if url_name.endswith(("export_csv", "export_xlsx")):
        return {OK, BAD_REQUEST}
    if url_name.startswith("api:"):
        # A refused parameter is a JSON 400; a cursor from another order, or a format the API
        # does not offer, is DRF's 404.
        return {OK, BAD_REQUEST, HTTPStatus.NOT_FOUND}
    return {OK}


def hostile_queries(own_names: list[str]) -> st.SearchStrategy[str]:
    # The page's own parameters twice as often as generic or random names: they reach the
    # forms, the filters and the database.
    names = st.one_of(
        st.sampled_from(own_names),
        st.sampled_from(own_names),
        st.sampled_from(GENERIC_NAMES),
        st.text(max_size=20),
    )
    plain = st.one_of(
        st.sampled_from(HOSTILE_VALUES),
        st.sampled_from(PLAUSIBLE),
        st.integers().map(str),
        st.dates().map(str),
        st.text(max_size=100),
    )
    # A valid-looking value with a control character in it (NUL reaches PostgreSQL as an error
    # rather than as a value no row has).
    spoiled = st.tuples(st.sampled_from(PLAUSIBLE), st.sampled_from(["\x00", "\x1b", "\r\n"])).map(
        lambda drawn: drawn[0] + drawn[1] + drawn[0]
    )
    values = st.one_of(st.sampled_from(HOSTILE_VALUES), plain, spoiled)
    part = st.one_of(st.tuples(names, values), st.sampled_from(RAW_FRAGMENTS))
    # One parameter alone (an error needing the database to show is not hidden behind another
    # parameter refused first), several, and a parameter sent twice or more: the last part
    # repeated, or all of it again.
    single = st.tuples(names, values).map(lambda pair: [pair])
    parts = st.lists(part, min_size=1, max_size=8)
    repeated = st.tuples(parts, st.integers(1, 2)).map(
        lambda drawn: drawn[0] + [drawn[0][-1]] * drawn[1]
    )
    return st.one_of(single, parts, repeated, parts.map(lambda p: p + p)).map(query_string)


FUZZ = settings(
    max_examples=20,
    derandomize=True,  # the same query strings every run: CI does not flake
    deadline=None,
    database=None,  # keep no example database in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# Pages that read no parameter (the query string is ignored) get fewer examples, and so do the
# admin lists (their filters are also swept below, one parameter at a time).
FEW = settings(FUZZ, max_examples=5)
ADMIN = settings(FUZZ, max_examples=12)
READ_QUERY = (
    {"login"}
    | {
        f"{app}:{page}"
        for app in ("recommendations", "tracker")
        for page in ("list", "export_csv", "export_xlsx")
    }
    | {
        "api:findings",
        "api:findings_export",
        "api:responses",
        "saved_views:new",
        "recommendations:report_choices",
    }
)


def fetch(client, path: str, query: str):
    # QUERY_STRING as the server would receive it: raw, not re-encoded by the test client.
    response = client.get(path, QUERY_STRING=query)
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)
    else:
        response.content_bytes = response.content
    return response


def check(response, url_name: str, query: str) -> None:
    where = f"{url_name} ?{query[:500]}"
    assert response.status_code < 500, where
    assert response.status_code in expected(url_name), (response.status_code, where)
    content_type = response.get("Content-Type", "")
    if response.status_code == BAD_REQUEST and not url_name.startswith(("admin:", "api:")):
        assert content_type == "text/plain; charset=utf-8", where
    if content_type.startswith("text/html"):
        shown = unescaped_markers(response.content_bytes.decode(errors="replace"))
        assert not shown, (shown, where)


@pytest.fixture
def world(db, analyst):
    w = build_world()
    # The tracker's rows: responses owed by forces for their reports, one with explanations.
    ResponseFactory(inspection=w.avon18)
    w.kent_response = ResponseFactory(inspection=w.kent21)
    FindingExplanationFactory(response=w.kent_response, finding=w.rec_kent)
    # The analyst's own view, shared with everyone: its addresses, and its change and delete
    # pages, are fuzzed too (they read no filters).
    w.saved_view = SavedViewFactory(owner=analyst, shared_with_everyone=True)
    return w


@pytest.fixture
def analyst_client(client, analyst, world):
    client.force_login(analyst)
    return client


@pytest.fixture
def editor_client(client, world):
    """An OPCC editor of Avon, signed in."""
    from django.contrib.auth.models import Group

    from inspections.access import OPCC_EDITOR_GROUP
    from tests.factories import UserFactory

    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=OPCC_EDITOR_GROUP))
    world.avon.editors.add(editor)
    client.force_login(editor)
    return client


@pytest.fixture
def list_client(editor_client, admin_user):
    """For an admin list: the editor if they may read it, else a superuser (users, roles and
    sign-in records are theirs alone)."""

    def sign_in_for(path: str):
        if editor_client.get(path).status_code == HTTPStatus.FORBIDDEN:
            editor_client.force_login(admin_user)
        assert editor_client.get(path).status_code == OK
        return editor_client

    return sign_in_for


@pytest.mark.parametrize("url_name", app_pages())
def test_app_page_answers_hostile_queries(analyst_client, world, url_name):
    kwargs = PATH_ARGUMENTS[url_name](world) if url_name in PATH_ARGUMENTS else {}
    path = reverse(url_name, kwargs=kwargs)
    own = OWN_PARAMETERS.get(url_name.split(":")[0] + ":")
    own = own or [name for names in OWN_PARAMETERS.values() for name in names]

    @(FUZZ if url_name in READ_QUERY else FEW)
    @given(query=hostile_queries(own))
    def fuzz(query):
        check(fetch(analyst_client, path, query), url_name, query)

    fuzz()


@pytest.mark.parametrize("url_name", admin_lists())
def test_admin_list_answers_hostile_queries(list_client, url_name):
    path = reverse(url_name)
    client = list_client(path)

    @ADMIN
    @given(query=hostile_queries(admin_parameters(url_name)))
    def fuzz(query):
        check(fetch(client, path, query), url_name, query)

    fuzz()


# Values that reach the database as errors rather than as values no row has, unless refused
# first: a NUL character (PostgreSQL), an integer past 64 bits (SQLite), a year with no next
# year. Each is sent alone (nothing else refused first hides it) for every parameter the URL
# reads: a random draw above meets a given pair seldom.
DATABASE_HOSTILE = ["a\x00b", "9" * 40, "9999"]


def own_parameters(url_name: str) -> list[str]:
    if url_name.startswith("admin:"):
        return admin_filter_parameters(url_name)
    return OWN_PARAMETERS[url_name.split(":")[0] + ":"]


# The XLSX exports read the same filters as the CSV ones.
SWEPT = [
    "recommendations:list",
    "recommendations:report_choices",
    "recommendations:export_csv",
    "tracker:list",
    "tracker:export_csv",
]


@pytest.mark.parametrize("url_name", SWEPT + admin_lists())
def test_each_parameter_alone_with_database_hostile_values(list_client, url_name):
    path = reverse(url_name)
    client = list_client(path)
    for name in own_parameters(url_name):
        for value in DATABASE_HOSTILE:
            query = query_string([(name, value)])
            check(fetch(client, path, query), url_name, query)


def test_every_page_is_fuzzed():
    """The parametrisation above is the whole site: the dashboard, the lists, the findings
    list's report search, the exports, the three detail pages, sign-in and the favicon, the
    API's seven endpoints, its schema and its docs page, the saved views' pages (list, save,
    open, change, delete, two exports), the Watching page; and every admin list."""
    assert len(app_pages()) == 30
    assert set(app_pages()) >= READ_QUERY
    assert {"admin:recommendations_finding_changelist", "admin:auth_group_changelist"} <= set(
        admin_lists()
    )


def test_every_admin_list_refuses_what_it_cannot_use(rf):
    """Every registered admin, the project's own and those of Django's auth and django-axes,
    uses the list that answers "?e=1" rather than a server error (peel_tracker.admin_lists)."""
    request = rf.get("/")
    for model, model_admin in admin.site._registry.items():
        changelist = model_admin.get_changelist(request)
        assert issubclass(changelist, ChangeList), model._meta.label
