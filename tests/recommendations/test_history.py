"""The status history is permanent: no code path in the application changes or removes it."""

import pytest

from recommendations.models import AppendOnlyError, FindingStatus, StatusChange
from tests.factories import FindingStatusFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    return FindingStatusFactory().history.get()


def test_saving_an_existing_entry_is_refused(entry):
    entry.note = "Rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    entry.refresh_from_db()
    assert entry.note == "New finding"


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert StatusChange.objects.filter(pk=entry.pk).exists()


def test_queryset_update_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        StatusChange.objects.filter(pk=entry.pk).update(note="Rewritten")
    with pytest.raises(AppendOnlyError):
        StatusChange.objects.all().update(status="complete")


def test_queryset_delete_is_refused(entry):
    with pytest.raises(AppendOnlyError):
        StatusChange.objects.all().delete()
    assert StatusChange.objects.count() == 1


def test_bulk_update_is_refused(entry):
    entry.note = "Rewritten"
    with pytest.raises(AppendOnlyError):
        StatusChange.objects.bulk_update([entry], ["note"])


def test_a_status_with_history_cannot_be_deleted(entry):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        FindingStatus.objects.filter(pk=entry.finding_status_id).delete()
    with pytest.raises(ProtectedError):
        entry.finding_status.finding.delete()


@pytest.mark.postgresql
def test_postgresql_trigger_refuses_raw_update_and_delete(entry):
    """On PostgreSQL the database itself refuses; on SQLite the application layer does
    (the tests above)."""
    from django.db import DatabaseError, connection, transaction

    refused = pytest.raises(DatabaseError, match="Status history is permanent")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE recommendations_statuschange SET note = 'Rewritten' WHERE id = %s", [entry.pk]
        )
    refused = pytest.raises(DatabaseError, match="Status history is permanent")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM recommendations_statuschange WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.note == "New finding"


def test_a_published_response_cannot_be_withdrawn_or_redated():
    import datetime

    from django.core.exceptions import ValidationError

    from tests.factories import ResponseFactory

    response = ResponseFactory(
        inspection__published_on=datetime.date(2019, 5, 2),
        is_published=True,
        published_on=datetime.date(2019, 6, 20),
    )
    response.is_published, response.published_on = False, None
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert "cannot be withdrawn" in error.value.message_dict["is_published"][0]
    response.is_published, response.published_on = True, datetime.date(2019, 6, 21)
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert error.value.message_dict["published_on"] == [
        "The publication date is part of the permanent record (20 June 2019) and cannot be changed."
    ]


def test_a_published_response_with_an_unknown_date_can_have_it_recorded():
    import datetime

    from tests.factories import ResponseFactory

    response = ResponseFactory(
        inspection__published_on=datetime.date(2019, 5, 2), is_published=True
    )
    response.published_on = datetime.date(2019, 6, 20)
    response.full_clean()
    response.save()


@pytest.mark.postgresql
def test_postgresql_triggers_keep_change_history_and_publication_records():
    import datetime

    from django.db import DatabaseError, connection, transaction

    from tests.factories import FindingFactory, ResponseFactory

    finding = FindingFactory()
    finding.text = "Edited"
    finding.save()
    response = ResponseFactory(
        inspection__published_on=datetime.date(2019, 5, 2),
        is_published=True,
        published_on=datetime.date(2019, 6, 20),
    )
    statements = [
        ("UPDATE recommendations_historicalfinding SET text = 'Rewritten'", "History is permanent"),
        ("DELETE FROM recommendations_historicalfinding", "History is permanent"),
        (
            f"UPDATE recommendations_response SET is_published = false, published_on = NULL "
            f"WHERE id = {response.pk}",
            "Publication record is permanent",
        ),
        (
            "UPDATE recommendations_response SET published_on = '2019-06-21' "
            f"WHERE id = {response.pk}",
            "Publication record is permanent",
        ),
        (f"DELETE FROM recommendations_response WHERE id = {response.pk}", "Publication record"),
    ]
    for sql, message in statements:
        refused = pytest.raises(DatabaseError, match=message)
        with refused, transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert finding.history.count() == 2
    response.refresh_from_db()
    assert response.published_on == datetime.date(2019, 6, 20)


# --- In the database, on SQLite as on PostgreSQL (issue 19, point 5) -----------------------


def _routes_around_the_application(entry):
    """Ways past StatusChange's own guards: the base manager, a historical model's manager,
    raw SQL."""
    from django.db import connection

    from recommendations.models import Finding

    finding = Finding.objects.get(pk=entry.finding_status.finding_id)
    finding.text = "Edited"
    finding.save()

    def raw(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    return {
        "base manager update": lambda: StatusChange._base_manager.filter(pk=entry.pk).update(
            note="Rewritten"
        ),
        "base manager delete": lambda: StatusChange._base_manager.filter(pk=entry.pk)._raw_delete(
            StatusChange._base_manager.db
        ),
        "historical update": lambda: Finding.history.model.objects.update(text="Rewritten"),
        "historical delete": lambda: Finding.history.model.objects.all().delete(),
        "raw update": lambda: raw(
            "UPDATE recommendations_statuschange SET note = 'Rewritten' WHERE id = %s", [entry.pk]
        ),
        "raw delete": lambda: raw("DELETE FROM recommendations_historicalfinding"),
    }


@pytest.mark.parametrize(
    "route",
    [
        "base manager update",
        "base manager delete",
        "historical update",
        "historical delete",
        "raw update",
        "raw delete",
    ],
)
def test_the_database_refuses_every_route_around_the_application(entry, route):
    from django.db import DatabaseError, transaction

    from recommendations.models import Finding

    change = _routes_around_the_application(entry)[route]
    refused = pytest.raises(DatabaseError, match="(History|Status history) is permanent")
    with refused, transaction.atomic():
        change()
    entry.refresh_from_db()
    assert entry.note == "New finding"
    assert Finding.history.model.objects.filter(text="Edited").exists()


def test_the_database_keeps_a_published_responses_record():
    import datetime

    from django.db import DatabaseError, transaction

    from recommendations.models import Response
    from tests.factories import ResponseFactory

    response = ResponseFactory(
        inspection__published_on=datetime.date(2019, 5, 2),
        is_published=True,
        published_on=datetime.date(2019, 6, 20),
    )
    published = Response._base_manager.filter(pk=response.pk)
    for change in (
        lambda: published.update(is_published=False, published_on=None),
        lambda: published.update(published_on=datetime.date(2019, 6, 21)),
        lambda: published._raw_delete(published.db),
    ):
        refused = pytest.raises(DatabaseError, match="Publication record is permanent")
        with refused, transaction.atomic():
            change()
    # What may change still does: a comment, for instance.
    published.update(body_comments="The Commissioner welcomes the report.")


def test_every_history_table_has_its_triggers():
    """Found from the models, so a new change-history table is covered without being listed;
    on SQLite they are remade after every migrate (a table SQLite remakes loses them)."""
    from django.db import connection

    from recommendations.history_guard import history_tables, sqlite_triggers

    tables = history_tables()
    assert "recommendations_historicalfinding_national_bodies" in tables
    assert "inspections_historicaljudgment" in tables
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            assert set(sqlite_triggers()) <= {name for (name,) in cursor.fetchall()}
        else:
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE action_timing = 'BEFORE'"
            )
            assert set(tables) <= {name for (name,) in cursor.fetchall()}
