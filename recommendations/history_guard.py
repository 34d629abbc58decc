"""History is permanent on SQLite too: the database refuses UPDATE and DELETE on the status
history and the change-history tables, and the withdrawal, re-dating or deletion of a published
response, whatever the route (any ORM method, raw SQL, another client).

SQLite has no roles and no TRUNCATE, so its triggers (migration 0014) ask one SQL function,
`peel_history_locked()`, registered on each of the application's connections: it answers 1
except inside `history_maintenance()`, which only the test suite's database flush uses. A
client without the function (the sqlite3 shell) cannot change history either: the trigger
fails with "no such function", and the statement is refused."""

from collections.abc import Iterator
from contextlib import contextmanager

_open = 0


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
