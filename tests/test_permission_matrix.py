"""Every URL of the project (the URL resolver is walked, so a new page is covered or this test
fails) × every role × GET and POST → the expected status; and a refused or empty request never
changes anything.

Roles: anonymous, analyst, editor_a (OPCC editor of force A, whose record the objects belong
to), editor_b (OPCC editor of force B), administrator. Object pages use force A's objects, with
a draft (unpublished) response that only force A's editors and administrators may see."""

import datetime
from http import HTTPStatus
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inspections.access import (
    ADMINISTRATOR_GROUP,
    ANALYST_GROUP,
    OPCC_EDITOR_GROUP,
    ForceScopedAdminMixin,
)
from inspections.models import Judgment, NationalBody, PolicingBody
from recommendations.models import FindingExplanation, ReminderLog, Response, SavedView
from recommendations.services import api_token_create, inspection_open_tracking
from tests.factories import (
    AreaFactory,
    FindingFactory,
    ForceFactory,
    InspectionFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "analyst", "editor_a", "editor_b", "administrator"]
SIGNED_IN = set(ROLES) - {"anonymous"}
EDITORS = {"editor_a", "editor_b"}
OK, FOUND, FORBIDDEN = HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FORBIDDEN
NOT_FOUND, NOT_ALLOWED = HTTPStatus.NOT_FOUND, HTTPStatus.METHOD_NOT_ALLOWED
UNAUTHORIZED = HTTPStatus.UNAUTHORIZED

# Per admin model: who may open the add page, who may delete force A's object, and whether
# force A's object is a draft hidden from everyone but force A's editors and administrators.
# Viewing is open to every role that has the model's view permission (all roles for the app's
# models); changing is checked through the POST expectations below.
ADMIN_RULES = {
    "inspections.force": {"add": {"administrator"}, "delete": {"administrator"}},
    "inspections.framework": {"add": {"administrator"}, "delete": {"administrator"}},
    "inspections.area": {"add": {"administrator"}, "delete": {"administrator"}},
    "inspections.policingbody": {"add": {"administrator"}, "delete": {"administrator"}},
    "inspections.nationalbody": {"add": {"administrator"}, "delete": {"administrator"}},
    "inspections.inspection": {"add": {"administrator"} | EDITORS, "delete": {"administrator"}},
    "inspections.judgment": {
        "add": {"administrator"} | EDITORS,
        "delete": {"administrator", "editor_a"},
    },
    "recommendations.theme": {"add": {"administrator"}, "delete": {"administrator"}},
    "recommendations.finding": {"add": {"administrator"} | EDITORS, "delete": {"administrator"}},
    "recommendations.findingstatus": {"add": set(), "delete": set()},
    "recommendations.statuschange": {"add": set(), "delete": set()},
    "recommendations.response": {
        "add": {"administrator"},
        "delete": {"administrator"},
        "draft": True,
    },
    "recommendations.findingexplanation": {
        "add": {"administrator"} | EDITORS,
        "delete": {"administrator", "editor_a"},
        "draft": True,
    },
    "recommendations.reminderlog": {"add": set(), "delete": set(), "viewers": {"administrator"}},
    # Everyone makes their own API tokens and sees no one else's; a token is revoked (an
    # action), never changed or deleted. Force A's editor owns the one here.
    "recommendations.apitoken": {"add": SIGNED_IN, "delete": set(), "owner": "editor_a"},
}
# Who may change force A's object (POST to its change page is processed, not refused).
CHANGERS = {
    "inspections.force": {"administrator"},
    "inspections.framework": {"administrator"},
    "inspections.area": {"administrator"},
    "inspections.policingbody": {"administrator"},
    "inspections.nationalbody": {"administrator"},
    "inspections.inspection": {"administrator", "editor_a"},
    "inspections.judgment": {"administrator", "editor_a"},
    "recommendations.theme": {"administrator"},
    "recommendations.finding": {"administrator", "editor_a"},
    "recommendations.findingstatus": {"administrator", "editor_a"},
    "recommendations.statuschange": set(),
    "recommendations.response": {"administrator", "editor_a"},
    "recommendations.findingexplanation": {"administrator", "editor_a"},
    "recommendations.reminderlog": set(),
    "recommendations.apitoken": set(),
}
# Models of Django and its add-ons: only superusers (none of the roles) manage them.
SUPERUSER_ONLY = {"auth", "axes"}


@pytest.fixture
def world(db):
    force_a, force_b = ForceFactory(slug="force-a"), ForceFactory(slug="force-b")
    users = {"anonymous": None}
    for role, group, force in [
        ("analyst", ANALYST_GROUP, None),
        ("editor_a", OPCC_EDITOR_GROUP, force_a),
        ("editor_b", OPCC_EDITOR_GROUP, force_b),
        ("administrator", ADMINISTRATOR_GROUP, None),
    ]:
        user = UserFactory(username=role, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        if force:
            force.editors.add(user)
        users[role] = user
    inspection = InspectionFactory(force=force_a, published_on=datetime.date(2024, 1, 31))
    area = AreaFactory(framework=inspection.framework)
    judgment = Judgment.objects.create(inspection=inspection, area=area, grade="good")
    finding = FindingFactory(inspection=inspection, area=area, recommendation=True)
    finding.themes.add(ThemeFactory())
    inspection_open_tracking(inspection=inspection)
    response = Response.objects.get(inspection=inspection)  # a draft
    explanation = FindingExplanation.objects.create(
        response=response, finding=finding, text="Draft explanation"
    )
    reminder = ReminderLog.objects.create(
        response=response,
        user=users["editor_a"],
        sent_on=datetime.date(2024, 3, 20),
        state="due_soon",
    )
    status = finding.statuses.get()
    token, _ = api_token_create(user=users["editor_a"], name="Power BI")
    # Force A's editor's view, shared with force A: its editors and administrators may open it.
    saved_view = SavedView.objects.create(
        owner=users["editor_a"],
        name="Open in A",
        page="findings",
        query="status=open",
        sharing="force",
        force=force_a,
    )
    objects = {
        "inspections.force": force_a,
        "inspections.framework": inspection.framework,
        "inspections.area": area,
        "inspections.policingbody": PolicingBody.objects.create(
            force=force_a, name="Force A Police and Crime Commissioner", kind="pcc"
        ),
        "inspections.nationalbody": NationalBody.objects.get_or_create(
            slug="home-office", defaults={"name": "Home Office"}
        )[0],
        "inspections.inspection": inspection,
        "inspections.judgment": judgment,
        "recommendations.theme": finding.themes.get(),
        "recommendations.finding": finding,
        "recommendations.findingstatus": status,
        "recommendations.statuschange": status.history.get(),
        "recommendations.response": response,
        "recommendations.findingexplanation": explanation,
        "recommendations.reminderlog": reminder,
        "recommendations.apitoken": token,
        "auth.user": users["editor_a"],
        "auth.group": Group.objects.get(name=ANALYST_GROUP),
    }
    return {"users": users, "objects": objects, "force_a": force_a, "saved_view": saved_view}


def walk(resolver: URLResolver, namespace: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def app_page_urls(world) -> dict[str, str]:
    objects = world["objects"]
    finding_pk = objects["recommendations.finding"].pk
    return {
        "login": reverse("login"),
        "logout": reverse("logout"),
        "favicon": reverse("favicon"),
        "dashboard": reverse("dashboard"),
        "inspections:force": reverse("inspections:force", args=[world["force_a"].slug]),
        "inspections:detail": reverse(
            "inspections:detail", args=[objects["inspections.inspection"].pk]
        ),
        "recommendations:list": reverse("recommendations:list"),
        "recommendations:report_choices": reverse("recommendations:report_choices"),
        "recommendations:detail": reverse(
            "recommendations:detail", args=[objects["recommendations.finding"].pk]
        ),
        "recommendations:export_csv": reverse("recommendations:export_csv"),
        "recommendations:export_xlsx": reverse("recommendations:export_xlsx"),
        "tracker:list": reverse("tracker:list"),
        "tracker:export_csv": reverse("tracker:export_csv"),
        "tracker:export_xlsx": reverse("tracker:export_xlsx"),
        "api:findings": reverse("api:findings"),
        "api:findings_export": reverse("api:findings_export"),
        "api:finding_history": reverse(
            "api:finding_history", args=[objects["recommendations.finding"].pk]
        ),
        "api:reports": reverse("api:reports"),
        "api:responses": reverse("api:responses"),
        "api:forces": reverse("api:forces"),
        "api:schema": reverse("api:schema"),
        "api:docs": reverse("api:docs"),
        "watching:list": reverse("watching:list"),
        "watching:finding_watch": reverse("watching:finding_watch", args=[finding_pk]),
        "watching:finding_unwatch": reverse("watching:finding_unwatch", args=[finding_pk]),
        "watching:view_watch": reverse("watching:view_watch", args=[world["saved_view"].pk]),
        "watching:view_unwatch": reverse("watching:view_unwatch", args=[world["saved_view"].pk]),
        "api:saved_view": reverse("api:saved_view", args=[world["saved_view"].pk]),
        "saved_views:list": reverse("saved_views:list"),
        "saved_views:new": reverse("saved_views:new", args=["findings"]),
        **{
            f"saved_views:{name}": reverse(f"saved_views:{name}", args=[world["saved_view"].pk])
            for name in ("open", "change", "delete", "export_csv", "export_xlsx")
        },
    }


# Force A's editor's saved view, shared with force A: who may open it, and who owns it.
SAVED_VIEW_OPENERS = {"editor_a", "administrator"}
SAVED_VIEW_OWNER = "editor_a"


def saved_view_expectation(name: str, role: str, method: str) -> set[int]:
    """Saved views: the list and the form to save one for everyone signed in (an empty POST is
    the form again, with its errors); a view's addresses 404 for whoever may not open it; its
    change and delete pages 403 for whoever may open but does not own it."""
    if name == "api:saved_view":
        if role == "anonymous":
            return {UNAUTHORIZED}
        if role not in SAVED_VIEW_OPENERS:
            return {NOT_FOUND}
        return {OK} if method == "GET" else {NOT_ALLOWED}
    if role == "anonymous":
        return {FOUND}
    page = name.split(":")[1]
    if page in {"list", "new"}:
        return {OK} if method == "GET" or page == "new" else {NOT_ALLOWED}
    if page in {"open", "export_csv", "export_xlsx"}:
        if method == "POST":
            return {NOT_ALLOWED}
        if role not in SAVED_VIEW_OPENERS:
            return {NOT_FOUND}
        return {FOUND} if page == "open" else {OK}
    if role not in SAVED_VIEW_OPENERS:
        return {NOT_FOUND}
    return {OK} if role == SAVED_VIEW_OWNER else {FORBIDDEN}


def app_page_expectation(name: str, role: str, method: str) -> set[int]:
    if name == "login":
        return {OK}  # the form; a failed sign-in (POST) shows it again
    if name == "logout":
        return {NOT_ALLOWED} if method == "GET" else {FOUND}
    if name == "favicon":
        return {FOUND} if method == "GET" else {NOT_ALLOWED}  # to the static icon, for anyone
    if name.startswith("saved_views:") or name == "api:saved_view":
        return saved_view_expectation(name, role, method)
    if name.startswith("api:") and name != "api:docs":
        # The API: anonymous callers are asked for a token (a session also works); read-only.
        if role == "anonymous":
            return {UNAUTHORIZED}
        return {OK} if method == "GET" else {NOT_ALLOWED}
    if role == "anonymous":
        return {FOUND}
    if name == "watching:list":
        return {OK} if method == "GET" else {HTTPStatus.BAD_REQUEST}  # no frequency chosen
    if name.startswith("watching:"):
        # Buttons: POST only; a saved view (shared with force A) may be watched by whoever may
        # open it, and is 404 to everyone else.
        if method == "GET":
            return {NOT_ALLOWED}
        if name.startswith("watching:view") and role not in SAVED_VIEW_OPENERS:
            return {NOT_FOUND}
        return {FOUND}
    return {OK} if method == "GET" else {NOT_ALLOWED}


# POSTs whose purpose is the change they make, with no field to fill: following or no longer
# following a finding or a saved view (the user's own watches only).
CHANGES_BY_DESIGN = {
    "login",
    "logout",
    "watching:finding_watch",
    "watching:finding_unwatch",
    "watching:view_watch",
    "watching:view_unwatch",
}


def model_label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def admin_cases(world):
    """(url name, url, expected for role/method) for every admin page."""
    cases = []
    for model in admin.site._registry:
        label = model_label(model)
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        obj = world["objects"].get(label)
        # Models without an object here (sign-in records) are superuser-only: a missing id is
        # refused on permission before the admin looks for the object.
        pk = obj.pk if obj is not None else 0
        pages = {"changelist": reverse(f"{prefix}_changelist"), "add": reverse(f"{prefix}_add")}
        for page in ("change", "delete", "history"):
            pages[page] = reverse(f"{prefix}_{page}", args=[pk])
        for page, url in pages.items():
            cases.append((f"{prefix}_{page}", url, label, page))
    return cases


def admin_expectation(label: str, page: str, role: str, method: str) -> set[int]:
    if role == "anonymous":
        return {FOUND}  # to the sign-in page
    if label.split(".")[0] in SUPERUSER_ONLY:
        # Refused on permission, or (history of a missing id) sent back to the index.
        return {FORBIDDEN} if page in {"changelist", "add"} else {FORBIDDEN, FOUND}
    rules = ADMIN_RULES[label]
    viewers = rules.get("viewers", SIGNED_IN)
    hidden = (rules.get("draft") and role in {"analyst", "editor_b"}) or (
        "owner" in rules and role != rules["owner"]
    )
    if role not in viewers:
        return {FORBIDDEN}
    if page == "changelist":
        return {OK}
    if page == "add":
        return {OK} if role in rules["add"] else {FORBIDDEN}
    if hidden:
        # Refused, or sent back to the index as if the object did not exist.
        return {FOUND, FORBIDDEN}
    if page == "delete":
        return {OK} if role in rules["delete"] else {FORBIDDEN}
    if page == "change" and method == "POST":
        return {OK} if role in CHANGERS[label] else {FORBIDDEN}
    return {OK}


OTHER_ADMIN_PAGES = {
    # name: (url builder, expected for a signed-in staff role)
    "admin:index": (lambda w: reverse("admin:index"), {OK}),
    "admin:app_list": (lambda w: reverse("admin:app_list", args=["inspections"]), {OK}),
    "admin:jsi18n": (lambda w: reverse("admin:jsi18n"), {OK}),
    "admin:password_change": (lambda w: reverse("admin:password_change"), {OK}),
    "admin:password_change_done": (lambda w: reverse("admin:password_change_done"), {OK}),
}


def extra_admin_cases(world) -> list[tuple[str, str, object]]:
    """Admin pages beyond changelist/add/change/delete/history: (name, url, expectation)."""
    objects = world["objects"]
    cases = []
    for label in (
        "inspections.inspection",
        "inspections.judgment",
        "recommendations.finding",
        "recommendations.response",
        "recommendations.findingexplanation",
    ):
        obj = objects[label]
        app, model = label.split(".")
        version = obj.history.first().history_id
        cases.append(
            (
                f"admin:{app}_{model}_simple_history",
                reverse(f"admin:{app}_{model}_simple_history", args=[obj.pk, version]),
                lambda role, method, label=label: history_version_expectation(label, role, method),
            )
        )
    cases.append(
        (
            "admin:inspections_inspection_import",
            reverse("admin:inspections_inspection_import"),
            lambda role, method: (
                {FOUND}
                if role == "anonymous"
                else ({OK} if role in {"administrator"} | EDITORS else {FORBIDDEN})
            ),
        )
    )
    cases.append(
        (
            "admin:recommendations_response_draft",
            reverse(
                "admin:recommendations_response_draft",
                args=[objects["recommendations.response"].pk],
            ),
            lambda role, method: (
                {FOUND}
                if role == "anonymous"
                else ({OK} if role in {"administrator", "editor_a"} else {NOT_FOUND})
            ),
        )
    )
    cases.append(
        (
            "admin:auth_user_password_change",
            reverse("admin:auth_user_password_change", args=[objects["auth.user"].pk]),
            lambda role, method: {FOUND} if role == "anonymous" else {FORBIDDEN},
        )
    )
    return cases


def history_version_expectation(label: str, role: str, method: str) -> set[int]:
    if role == "anonymous":
        return {FOUND}
    if method == "POST" or (ADMIN_RULES[label].get("draft") and role in {"analyst", "editor_b"}):
        return {FORBIDDEN}  # past versions are read-only; drafts stay private
    return {OK}


def fingerprint() -> list:
    """Every row of every model, to prove a request changed nothing."""
    rows = []
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "axes", "contenttypes"}:
            continue
        rows.append((model_label(model), list(model._default_manager.order_by("pk").values())))
    return rows


@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(world, role):
    client = Client()
    if world["users"][role]:
        client.force_login(world["users"][role])
    app_urls = app_page_urls(world)
    admin_pages = {name: (url, label, page) for name, url, label, page in admin_cases(world)}
    problems = []
    covered = set()

    def check(name: str, url: str, expected):
        """`expected(method)` gives the statuses allowed for this role."""
        covered.add(name)
        for method in ("GET", "POST"):
            before = fingerprint()
            response = client.get(url) if method == "GET" else client.post(url, {})
            wanted = expected(method)
            if response.status_code not in wanted:
                problems.append(
                    f"{role} {method} {url} ({name}): {response.status_code}, expected {wanted}"
                )
            if response.status_code == FOUND and role == "anonymous" and name != "favicon":
                assert "login" in response["Location"], url
            if fingerprint() != before and name not in CHANGES_BY_DESIGN:
                problems.append(f"{role} {method} {url} ({name}) changed the database")
            if world["users"][role]:
                client.force_login(world["users"][role])  # logout and failed sign-ins end it

    for name, url in app_urls.items():
        check(name, url, lambda method, name=name: app_page_expectation(name, role, method))
    for name, (url, label, page) in admin_pages.items():
        check(
            name,
            url,
            lambda method, label=label, page=page: admin_expectation(label, page, role, method),
        )
    for name, url, expectation in extra_admin_cases(world):
        check(name, url, lambda method, expectation=expectation: expectation(role, method))
    for name, (build, expected) in OTHER_ADMIN_PAGES.items():
        check(
            name,
            build(world),
            lambda method, expected=expected: (
                {FOUND}
                if role == "anonymous"
                else (expected if method == "GET" else {OK, FOUND, NOT_ALLOWED})
            ),
        )

    unmapped = {
        name for name in walk(get_resolver()) if name not in covered and name not in UNCHECKED
    }
    assert not unmapped, f"URLs not in the permission matrix (add them): {sorted(unmapped)}"
    assert not problems, "\n".join(problems)


# Admin plumbing that is not a page: checked elsewhere or taking parameters of its own.
UNCHECKED = {
    "admin:login",  # the shared sign-in page ("login" above)
    "admin:logout",  # Django's own; sign-out is "logout" above
    "admin:autocomplete",  # needs app/model/field parameters; scoped by get_queryset
    "admin:view_on_site",  # redirects to a model's page; no model defines one
}


def test_every_registered_admin_has_rules():
    """A new admin fails here until the matrix says who may add, change and delete in it."""
    registered = {
        model_label(model)
        for model in admin.site._registry
        if model._meta.app_label not in SUPERUSER_ONLY
    }
    assert registered == set(ADMIN_RULES), "add the admin's rules to ADMIN_RULES"
    assert registered == set(CHANGERS), "add the admin's changers to CHANGERS"


def test_force_scoped_admins_share_one_rule():
    """Every admin whose objects only their force's editors may change scopes them through
    inspections.access.ForceScopedAdminMixin, not a rule of its own."""
    for model, model_admin in admin.site._registry.items():
        label = model_label(model)
        if "editor_a" in CHANGERS.get(label, set()):
            assert isinstance(model_admin, ForceScopedAdminMixin), label


def test_force_scoped_admins_read_their_model_queryset():
    """ForceScopedAdminMixin reads who may see and change a row from the model's
    ForceScopedQuerySet (editable_by, visible_to): every admin using it has one."""
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, ForceScopedAdminMixin):
            assert model_admin.scoped_queryset().force_id_of, model_label(model)


def test_scope_is_derived_in_one_place():
    """editable_force_ids is the primitive that inspections.access builds everything on; the
    rest of the code asks the querysets (editable_by, visible_to), the admin mixin or
    can_edit_force, so no screen re-derives the rule."""
    base = Path(settings.BASE_DIR)
    offenders = [
        str(path.relative_to(base))
        for package in ("inspections", "recommendations", "peel_tracker")
        for path in (base / package).rglob("*.py")
        if path != base / "inspections" / "access.py" and "editable_force_ids" in path.read_text()
    ]
    assert not offenders, f"use the scoped querysets instead of editable_force_ids: {offenders}"


def test_scoped_querysets(world):
    """editable_by / not_editable_by / visible_to, for force A's objects and each role."""
    users, objects = world["users"], world["objects"]
    scoped = [
        ("inspections.force", False),
        ("inspections.inspection", False),
        ("inspections.judgment", False),
        ("recommendations.finding", False),
        ("recommendations.findingstatus", False),
        ("recommendations.response", True),
        ("recommendations.findingexplanation", True),
    ]
    for label, is_draft in scoped:
        obj = objects[label]
        rows = type(obj).objects.filter(pk=obj.pk)
        for role in SIGNED_IN:
            user = users[role]
            may_edit = role in {"administrator", "editor_a"}
            assert rows.editable_by(user).exists() is may_edit, (label, role)
            assert rows.not_editable_by(user).exists() is not may_edit, (label, role)
            assert rows.visible_to(user).exists() is (may_edit or not is_draft), (label, role)
