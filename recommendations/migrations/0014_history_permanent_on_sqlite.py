"""History is permanent on SQLite as on PostgreSQL (issue 19): triggers refuse UPDATE and DELETE
on the status history and every change-history table, and the withdrawal, re-dating or deletion
of a published response (see recommendations/history_guard.py for the lock function they ask).
PostgreSQL has had its triggers since migrations 0003, 0006 and 0009."""

from django.db import migrations

HISTORY_TABLES = [
    "recommendations_statuschange",
    "inspections_historicalinspection",
    "inspections_historicalinspection_applies_to",
    "inspections_historicaljudgment",
    "recommendations_historicalfinding",
    "recommendations_historicalfinding_themes",
    "recommendations_historicalfinding_named_forces",
    "recommendations_historicalfinding_national_bodies",
    "recommendations_historicalfindingexplanation",
    "recommendations_historicalresponse",
]

SQLITE_PUBLICATION = [
    """
    CREATE TRIGGER recommendations_response_publication_kept
    BEFORE UPDATE ON recommendations_response
    WHEN peel_history_locked() AND OLD.is_published AND (
        NOT NEW.is_published
        OR (OLD.published_on IS NOT NULL AND NEW.published_on IS NOT OLD.published_on)
    )
    BEGIN
        SELECT RAISE(ABORT, 'Publication record is permanent: a published response cannot be withdrawn or re-dated');
    END
    """,
    """
    CREATE TRIGGER recommendations_response_publication_not_deleted
    BEFORE DELETE ON recommendations_response
    WHEN peel_history_locked() AND OLD.is_published
    BEGIN
        SELECT RAISE(ABORT, 'Publication record is permanent: a published response cannot be deleted');
    END
    """,
]


def _sqlite_triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
        f"WHEN peel_history_locked() BEGIN "
        f"SELECT RAISE(ABORT, 'History is permanent: {operation} on {table} is refused'); END"
        for operation in ("UPDATE", "DELETE")
    ]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in HISTORY_TABLES:
        for statement in _sqlite_triggers(table):
            schema_editor.execute(statement)
    for statement in SQLITE_PUBLICATION:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in HISTORY_TABLES:
        for operation in ("update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{operation}")
    schema_editor.execute("DROP TRIGGER IF EXISTS recommendations_response_publication_kept")
    schema_editor.execute("DROP TRIGGER IF EXISTS recommendations_response_publication_not_deleted")


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0013_source_document_is_a_file_name")]

    operations = [migrations.RunPython(forwards, backwards)]
