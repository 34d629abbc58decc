"""No lost updates on the reference data, users and groups (issue 19): two people open the same
record in the admin; the first saves; the second's save is refused, saying who changed what,
and the row keeps the first one's values. And no admin page that can change a row skips the
check (tests/recommendations/test_concurrency.py covers reports, findings, statuses and
responses)."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.db import connection
from django.db.models import Model
from django.test import Client, RequestFactory
from django.urls import reverse

from inspections.history_admin import ShownNotPostedFormSet
from inspections.models import Force
from peel_tracker.concurrency import (
    FINGERPRINT_SALT,
    FingerprintedModelForm,
    FingerprintLockAdminMixin,
    LostRaceAdminMixin,
    OptimisticLockAdminMixin,
    VersionedModelForm,
)
from tests.factories import (
    AreaFactory,
    ForceFactory,
    FrameworkFactory,
    NationalBodyFactory,
    PolicingBodyFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


def make_group() -> Group:
    group = Group.objects.create(name="Auditors")
    group.permissions.add(Permission.objects.get(codename="view_force"))
    return group


@dataclass(frozen=True)
class StaleCase:
    """One model: how to make a row, and the field each editor changes (different fields, so
    only the check can tell the second editor's page is stale)."""

    make: Callable[[], Model]
    first: tuple[str, str]
    second: tuple[str, str]
    label: str


STALE_CASES = {
    "force": StaleCase(ForceFactory, ("region", "North East"), ("name", "Renamed"), "force"),
    "policing body": StaleCase(
        PolicingBodyFactory,
        ("source_note", "Elected 2012"),
        ("name", "Renamed"),
        "local policing body",
    ),
    "national body": StaleCase(
        NationalBodyFactory,
        ("source_url", "https://www.npcc.police.uk/"),
        ("name", "Renamed"),
        "national body",
    ),
    "framework": StaleCase(
        FrameworkFactory, ("description", "Five grades."), ("name", "Renamed"), "framework"
    ),
    "area": StaleCase(AreaFactory, ("name", "Preventing crime"), ("position", "9"), "area"),
    "theme": StaleCase(ThemeFactory, ("name", "Stop and search"), ("slug", "renamed"), "theme"),
    "user": StaleCase(
        lambda: UserFactory(first_name="Ann"),
        ("email", "corrected@example.org"),
        ("first_name", "Renamed"),
        "user",
    ),
    "group": StaleCase(make_group, ("name", "Inspectors"), ("permissions", []), "group"),
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_superusers(db):
    return (
        UserFactory(username="first", is_staff=True, is_superuser=True),
        UserFactory(username="second", is_staff=True, is_superuser=True),
    )


def change_url(obj: Model) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def form_of(page, html_form_data, obj: Model) -> dict:
    return html_form_data(page, form_id=f"{obj._meta.model_name}_form")


@pytest.mark.parametrize("case", STALE_CASES.values(), ids=STALE_CASES.keys())
def test_the_second_save_is_refused_saying_who_changed_what(case, two_superusers, html_form_data):
    row = case.make()
    url = change_url(row)
    first, second = (signed_in(user) for user in two_superusers)
    first_form = form_of(first.get(url), html_form_data, row)
    second_form = form_of(second.get(url), html_form_data, row)
    before = {
        name: value
        for name, value in second_form.items()
        if not name.startswith(("loaded_", "csrf"))
    }

    first_form[case.first[0]] = case.first[1]
    assert first.post(url, first_form).status_code == HTTPStatus.FOUND
    second_form[case.second[0]] = case.second[1]
    page = second.post(url, second_form)

    assert page.status_code == HTTPStatus.OK
    (message,) = page.context["adminform"].form.non_field_errors()
    assert message.startswith(f"first saved this {case.label} on ")
    assert "after you opened it" in message
    assert "Nothing you entered was saved" in message
    # The row is as the first editor left it: their change, not the second one's.
    now = form_of(second.get(url), html_form_data, row)
    expected = {**before, case.first[0]: case.first[1]}
    assert {name: value for name, value in now.items() if name in expected} == expected


def test_the_message_names_the_values_changed_on_a_user(two_superusers, html_form_data):
    user = UserFactory(first_name="Ann")
    url = change_url(user)
    first, second = (signed_in(u) for u in two_superusers)
    first_form = form_of(first.get(url), html_form_data, user)
    second_form = form_of(second.get(url), html_form_data, user)
    first_form["email"] = "corrected@example.org"
    first_form["groups"] = [str(make_group().pk)]
    first.post(url, first_form)

    page = second.post(url, second_form)

    (message,) = page.context["adminform"].form.non_field_errors()
    assert "Changed since: email address and groups." in message
    user.refresh_from_db()
    assert (user.email, list(user.groups.values_list("name", flat=True))) == (
        "corrected@example.org",
        ["Auditors"],
    )


def test_a_user_changed_outside_the_admin_is_refused_without_a_name(two_superusers, html_form_data):
    """A sign-in moves a user's "last login", which the page would write back."""
    user = UserFactory()
    url = change_url(user)
    (editor, _) = (signed_in(u) for u in two_superusers)
    data = form_of(editor.get(url), html_form_data, user)
    signed_in(user)  # the user signs in meanwhile

    page = editor.post(url, {**data, "first_name": "Ann"})

    (message,) = page.context["adminform"].form.non_field_errors()
    assert message.startswith("This user was changed after you opened it. Changed since: last")
    user.refresh_from_db()
    assert user.first_name == ""


def test_saving_again_after_reloading_works(two_superusers, html_form_data):
    user, group = UserFactory(), make_group()
    client = signed_in(two_superusers[0])
    for row, field, values in ((user, "first_name", "AB"), (group, "name", "XY")):
        for value in values:
            data = form_of(client.get(change_url(row)), html_form_data, row)
            assert client.post(change_url(row), {**data, field: value}).status_code == 302
        row.refresh_from_db()
        assert getattr(row, field) == values[-1]


def test_a_post_without_the_fingerprint_or_with_a_forged_one_is_refused(
    two_superusers, html_form_data
):
    user = UserFactory(first_name="Ann")
    url = change_url(user)
    client = signed_in(two_superusers[0])
    data = form_of(client.get(url), html_form_data, user)
    for fingerprint in ("", "forged", data["loaded_fingerprint"][:-1] + "x"):
        page = client.post(url, {**data, "loaded_fingerprint": fingerprint, "first_name": "X"})
        assert page.status_code == HTTPStatus.OK
    user.refresh_from_db()
    assert user.first_name == "Ann"


def test_the_page_gives_nothing_away_about_the_row(two_superusers, html_form_data):
    user = UserFactory(first_name="Ann")
    client = signed_in(two_superusers[0])
    data = form_of(client.get(change_url(user)), html_form_data, user)

    loaded = signing.loads(data["loaded_fingerprint"], salt=FINGERPRINT_SALT)
    assert "Ann" not in str(loaded) and user.password not in str(loaded)
    assert "password" not in loaded["fields"]  # shown read-only: the form never writes it


def test_a_user_form_that_lost_the_race_after_validation_is_refused(
    two_superusers, html_form_data, monkeypatch
):
    """The window between the form's own check and the save, where only the check under the
    row lock can see the other change."""
    user = UserFactory(first_name="Ann")
    url = change_url(user)
    client = signed_in(two_superusers[0])
    data = form_of(client.get(url), html_form_data, user)
    original_clean = FingerprintedModelForm.clean

    def clean_then_someone_saves(form):
        cleaned = original_clean(form)
        User.objects.filter(pk=user.pk).update(email="meanwhile@example.org")
        return cleaned

    monkeypatch.setattr(FingerprintedModelForm, "clean", clean_then_someone_saves)
    page = client.post(url, {**data, "first_name": "Overwrite"}, follow=True)

    assert "This user was changed after you opened it" in page.content.decode()
    user.refresh_from_db()
    assert user.first_name == "Ann"  # (the other change went with the rolled-back request)


@pytest.mark.parametrize(
    ("parent", "inline_prefix", "make_row", "field", "value"),
    [
        (
            lambda: ForceFactory(),
            "policing_bodies",
            lambda force: PolicingBodyFactory(force=force),
            "source_note",
            "Corrected on its own page",
        ),
        (
            lambda: FrameworkFactory(),
            "areas",
            lambda framework: AreaFactory(framework=framework),
            "name",
            "Corrected on its own page",
        ),
    ],
    ids=["policing body on its force's page", "area on its framework's page"],
)
def test_an_inline_row_changed_on_its_own_page_is_not_written_back(
    parent, inline_prefix, make_row, field, value, two_superusers, html_form_data
):
    owner = parent()
    row = make_row(owner)
    parent_page, row_page = (signed_in(u) for u in two_superusers)
    parent_form = form_of(parent_page.get(change_url(owner)), html_form_data, owner)
    correction = form_of(row_page.get(change_url(row)), html_form_data, row)
    correction[field] = value
    assert row_page.post(change_url(row), correction).status_code == HTTPStatus.FOUND

    parent_form[f"{inline_prefix}-0-{field}"] = "Old page's value"
    page = parent_page.post(change_url(owner), parent_form)

    assert page.status_code == HTTPStatus.OK
    assert f"second saved this {row._meta.verbose_name}" in page.content.decode()
    row.refresh_from_db()
    assert (getattr(row, field), row.version) == (value, 2)


def test_each_save_through_the_admin_raises_the_version(two_superusers, html_form_data):
    force = ForceFactory()
    client = signed_in(two_superusers[0])
    url = change_url(force)
    for region in ("Wales", "Wales"):  # a save raises it even when it changes nothing
        data = form_of(client.get(url), html_form_data, force)
        assert client.post(url, {**data, "region": region}).status_code == HTTPStatus.FOUND
    assert Force.objects.get(pk=force.pk).version == 3


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("make", "field"),
    [(ForceFactory, "region"), (lambda: UserFactory(first_name="Ann"), "first_name")],
    ids=["force (version)", "user (fingerprint)"],
)
def test_of_ten_simultaneous_saves_of_one_page_exactly_one_is_written(
    make, field, two_superusers, html_form_data
):
    """Ten editors who opened the same page save at once: all pass the form's own check, one
    takes the row lock first, and the other nine see, under the lock, that it has changed."""
    row = make()
    url = change_url(row)
    clients = [signed_in(two_superusers[n % 2]) for n in range(10)]
    forms = [form_of(client.get(url), html_form_data, row) for client in clients]
    start = threading.Barrier(10)
    outcomes = []

    def submit(n: int) -> None:
        try:
            start.wait()
            page = clients[n].post(url, {**forms[n], field: f"Value {n}"})
            written = page.status_code == HTTPStatus.FOUND and page.url != url
            outcomes.append("written" if written else "refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused"] * 9 + ["written"]
    row.refresh_from_db()
    assert getattr(row, field).startswith("Value ")


# --- No admin page can change a row without the check --------------------------------------

# Admins that cannot change a row at all (append-only history, logs), each checked below.
READ_ONLY = {
    "recommendations.StatusChange",  # the permanent status history: append-only
    "recommendations.ReminderLog",  # what the reminders sent
    "axes.AccessAttempt",  # sign-in records (django-axes): looked at, or deleted to unlock
    "axes.AccessLog",
    "axes.AccessFailureLog",
    # API tokens: made with a name, then only revoked (an action that sets the time once and
    # leaves a revoked token as it is), never edited.
    "recommendations.ApiToken",
}


def _is_guarded(model_admin) -> bool:
    """Its change form carries what the editor loaded and its save checks it again under the
    row lock: a version, or a fingerprint for a row without one."""
    if isinstance(model_admin, FingerprintLockAdminMixin):
        return issubclass(model_admin.form, FingerprintedModelForm)
    # FindingStatusAdmin checks the version under the lock in its service (save_model).
    return isinstance(model_admin, LostRaceAdminMixin) and issubclass(
        model_admin.form, VersionedModelForm
    )


def _inline_may_write(inline, request) -> bool:
    if issubclass(inline.formset, ShownNotPostedFormSet):
        return False  # never bound to what is posted
    return inline.has_change_permission(request) or inline.has_add_permission(request, None)


def test_every_admin_that_can_change_a_row_checks_for_a_newer_one():
    request = RequestFactory().get("/")
    request.user = User(is_active=True, is_staff=True, is_superuser=True)
    unguarded, not_read_only = [], []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        if label in READ_ONLY:
            if model_admin.has_change_permission(request):
                not_read_only.append(label)
            continue
        if not _is_guarded(model_admin):
            unguarded.append(label)
        for inline in model_admin.get_inline_instances(request):
            versioned = issubclass(inline.form, VersionedModelForm) and isinstance(
                model_admin, OptimisticLockAdminMixin
            )
            if _inline_may_write(inline, request) and not versioned:
                unguarded.append(f"{label}: {type(inline).__name__}")
    assert unguarded == []
    assert not_read_only == []
