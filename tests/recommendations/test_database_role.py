"""On PostgreSQL the application connects as a role that may only read and add history (issue
19, point 5): every route around the application is refused to it, including the owner's
TRUNCATE and DISABLE TRIGGER, while the application itself works as that role.

Each test creates the role inside its own transaction (CREATE ROLE is transactional, so it is
gone afterwards), grants it as `migrate` would, and acts as it with SET ROLE on the test's
connection: the Django test client then runs the application as that role too."""

import datetime
from contextlib import contextmanager
from http import HTTPStatus

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from recommendations.checks import history_is_out_of_the_applications_reach
from recommendations.database_role import grant_application_role, history_privileges_held
from recommendations.history_guard import history_tables
from recommendations.models import Finding, FindingStatus, StatusChange
from tests.factories import FindingStatusFactory, ResponseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

ROLE = "peel_app_under_test"


def sql(statement: str, params=()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def app_role(settings):
    sql(f"CREATE ROLE {ROLE} NOLOGIN")
    settings.DATABASE_APP_ROLE = ROLE
    grant_application_role()
    return ROLE


@contextmanager
def acting_as(role: str):
    """Run what follows on this connection with `role`'s rights. SET ROLE is made outside the
    savepoints the refused statements roll back to, so a refusal does not undo it."""
    sql(f"SET ROLE {role}")
    try:
        yield
    finally:
        sql("RESET ROLE")


def refused(match: str = "permission denied|must be owner"):
    return pytest.raises(DatabaseError, match=match)


def test_the_role_may_only_read_and_add_history(app_role):
    assert history_privileges_held(app_role) == []
    with connection.cursor() as cursor:
        for table in history_tables():
            for privilege, held in (("SELECT", True), ("INSERT", True), ("UPDATE", False)):
                cursor.execute("SELECT has_table_privilege(%s, %s, %s)", [ROLE, table, privilege])
                assert cursor.fetchone()[0] is held, (table, privilege)
        cursor.execute("SELECT has_table_privilege(%s, 'django_migrations', 'INSERT')", [ROLE])
        assert cursor.fetchone()[0] is False
        # The record itself is the application's to write.
        cursor.execute(
            "SELECT has_table_privilege(%s, 'recommendations_finding', 'UPDATE, DELETE')", [ROLE]
        )
        assert cursor.fetchone()[0] is True


def test_granting_again_changes_nothing(app_role):
    grant_application_role()
    assert history_privileges_held(app_role) == []


OWNER_ROUTES = {
    "truncate": "TRUNCATE {table}",
    "disable triggers": "ALTER TABLE {table} DISABLE TRIGGER ALL",
    "drop trigger": "DROP TRIGGER {table}_append_only ON {table}",
    "take ownership": "ALTER TABLE {table} OWNER TO " + ROLE,
    "drop table": "DROP TABLE {table}",
}


@pytest.mark.parametrize("route", list(OWNER_ROUTES))
def test_the_owners_routes_around_the_triggers_are_refused(app_role, route):
    entry = FindingStatusFactory().history.get()
    with acting_as(app_role):
        for table in history_tables():
            with refused(), transaction.atomic():
                sql(OWNER_ROUTES[route].format(table=table))
    assert StatusChange.objects.filter(pk=entry.pk).exists()


def test_the_role_cannot_grant_itself_more(app_role):
    with acting_as(app_role):
        for table in history_tables():
            # Without the grant option PostgreSQL only warns ("no privileges were granted").
            sql(f"GRANT UPDATE, DELETE, TRUNCATE ON {table} TO {ROLE}")
    assert history_privileges_held(app_role) == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE recommendations_statuschange SET note = 'Rewritten'",
        "DELETE FROM recommendations_statuschange",
        "UPDATE recommendations_historicalfinding SET text = 'Rewritten'",
        "DELETE FROM recommendations_historicalfinding",
        "DELETE FROM inspections_historicalinspection",
    ],
)
def test_raw_changes_to_history_are_refused_before_any_trigger(app_role, statement):
    entry = FindingStatusFactory().history.get()
    with acting_as(app_role), refused(), transaction.atomic():
        sql(statement)
    entry.refresh_from_db()
    assert entry.note == "New finding"


def test_the_orm_routes_around_the_application_are_refused(app_role):
    entry = FindingStatusFactory().history.get()
    historical = Finding.history.model
    with acting_as(app_role):
        Finding.objects.filter(pk=entry.finding_status.finding_id).update(text="Edited")
        finding = Finding.objects.get(pk=entry.finding_status.finding_id)
        finding.text = "Edited by the application role"
        finding.save()  # an UPDATE of the record and an INSERT of history: both allowed
        for change in (
            lambda: StatusChange._base_manager.filter(pk=entry.pk).update(note="Rewritten"),
            lambda: StatusChange._base_manager.filter(pk=entry.pk)._raw_delete("default"),
            lambda: historical.objects.update(text="Rewritten"),
            lambda: historical.objects.all()._raw_delete("default"),
        ):
            with refused(), transaction.atomic():
                change()
    assert historical.objects.filter(text="Edited by the application role").exists()
    assert not historical.objects.filter(text="Rewritten").exists()


def test_the_application_works_as_the_role(app_role, editor, force, client, html_form_data):
    """Signing in, the pages, an export and a status recorded through the admin, all as the
    application role: it holds every right the application uses."""
    status = FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__published_on=datetime.date(2022, 4, 7),
    )
    ResponseFactory(inspection=status.finding.inspection)
    client.force_login(editor)
    with acting_as(app_role):
        for name in ("dashboard", "tracker:list", "recommendations:list", "tracker:export_xlsx"):
            assert client.get(reverse(name)).status_code == HTTPStatus.OK, name
        url = reverse("admin:recommendations_findingstatus_change", args=[status.pk])
        form = html_form_data(client.get(url), containing="note")
        form.update(new_status="being_progressed", effective_on="2023-01-10", note="Plan agreed.")
        assert client.post(url, form).status_code == HTTPStatus.FOUND
    assert FindingStatus.objects.get(pk=status.pk).status == "being_progressed"
    assert status.history.count() == 2


def test_a_missing_role_stops_migrate_with_the_reason(settings):
    settings.DATABASE_APP_ROLE = "no_such_role_here"
    with pytest.raises(ImproperlyConfigured, match="does not exist.*CREATE ROLE"):
        grant_application_role()


def test_a_superuser_role_is_refused(settings):
    sql(f"CREATE ROLE {ROLE} SUPERUSER NOLOGIN")
    settings.DATABASE_APP_ROLE = ROLE
    with pytest.raises(ImproperlyConfigured, match="is a superuser"):
        grant_application_role()


def test_a_member_of_the_owners_role_is_refused(settings):
    sql(f"CREATE ROLE {ROLE} NOLOGIN")
    sql(f"GRANT {connection.ops.quote_name(connection.settings_dict['USER'])} TO {ROLE}")
    settings.DATABASE_APP_ROLE = ROLE
    with pytest.raises(ImproperlyConfigured, match="acts as the owner of"):
        grant_application_role()


def test_a_right_granted_to_public_is_found(app_role):
    sql("GRANT DELETE ON recommendations_historicalfinding TO PUBLIC")
    with pytest.raises(ImproperlyConfigured, match="DELETE on recommendations_historicalfinding"):
        grant_application_role()


def test_the_deploy_check_warns_when_the_application_could_change_history(app_role):
    # The test suite connects as a superuser: warned.
    (warning,) = history_is_out_of_the_applications_reach(None, databases=["default"])
    assert warning.id == "peel_tracker.W001" and "can change history" in warning.msg
    with acting_as(app_role):
        assert history_is_out_of_the_applications_reach(None, databases=["default"]) == []
    # Without --database, no query is made.
    assert history_is_out_of_the_applications_reach(None, databases=None) == []
