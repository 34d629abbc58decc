"""History is permanent on SQLite too: the database refuses UPDATE and DELETE on the status
history and the change-history tables, and the withdrawal, re-dating or deletion of a published
response, whatever the route (any ORM method, raw SQL, another client).

SQLite has no roles and no TRUNCATE, so its triggers ask one SQL function,
`peel_history_locked()`, registered on each of the application's connections: it answers 1
except inside `history_maintenance()`, which only the test suite's database flush uses. A
client without the function (the sqlite3 shell) cannot change history either: the trigger
fails with "no such function", and the statement is refused.

The triggers are (re)made after every `migrate` (post_migrate), not by one migration: SQLite
remakes a table to alter it (copy, drop, rename), and dropping a table drops its triggers, so a
later migration would otherwise remove them without a word. PostgreSQL's triggers (migrations
0003, 0006, 0010) survive ALTER TABLE."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.db import connections

_open = 0

# Besides every change-history table (django-simple-history's models, found at run time).
APPEND_ONLY_TABLES = ["recommendations_statuschange"]

PUBLICATION_TRIGGERS = {
    "recommendations_response_publication_kept": """
        CREATE TRIGGER IF NOT EXISTS recommendations_response_publication_kept
        BEFORE UPDATE ON recommendations_response
        WHEN peel_history_locked() AND OLD.is_published AND (
            NOT NEW.is_published
            OR (OLD.published_on IS NOT NULL AND NEW.published_on IS NOT OLD.published_on)
        )
        BEGIN
            SELECT RAISE(ABORT, 'Publication record is permanent: not withdrawn, not re-dated');
        END""",
    "recommendations_response_publication_not_deleted": """
        CREATE TRIGGER IF NOT EXISTS recommendations_response_publication_not_deleted
        BEFORE DELETE ON recommendations_response
        WHEN peel_history_locked() AND OLD.is_published
        BEGIN
            SELECT RAISE(ABORT, 'Publication record is permanent: a published response stays');
        END""",
}


def history_tables() -> list[str]:
    """The status history and every change-history table of the project's apps."""
    historical = [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in ("inspections", "recommendations")
        and model._meta.db_table.split("_", 1)[1].startswith("historical")
    ]
    return APPEND_ONLY_TABLES + sorted(historical)


def sqlite_triggers() -> dict[str, str]:
    """Every trigger the SQLite database must have, by name."""
    triggers = dict(PUBLICATION_TRIGGERS)
    for table in history_tables():
        for operation in ("UPDATE", "DELETE"):
            name = f"{table}_no_{operation.lower()}"
            triggers[name] = (
                f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON {table} "
                "WHEN peel_history_locked() BEGIN "
                f"SELECT RAISE(ABORT, 'History is permanent: {operation} on {table} is refused'); "
                "END"
            )
    return triggers


def ensure_sqlite_triggers(using: str = "default", **kwargs) -> None:
    """post_migrate receiver: make any missing trigger (idempotent)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for statement in sqlite_triggers().values():
            cursor.execute(statement)


def _locked() -> int:
    return 0 if _open else 1


def register_history_lock(sender, connection, **kwargs) -> None:
    """connection_created receiver: give each SQLite connection the lock's function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("peel_history_locked", 0, _locked)


@contextmanager
def history_maintenance() -> Iterator[None]:
    """Let history rows be deleted, for emptying a whole test database between tests (what
    TRUNCATE, which no row trigger sees, does on PostgreSQL). Never used by the application."""
    global _open
    _open += 1
    try:
        yield
    finally:
        _open -= 1
