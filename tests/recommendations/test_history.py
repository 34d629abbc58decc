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
