"""On PostgreSQL the application connects as a role that may only read and add history.

The triggers (migrations 0003, 0006, 0010) refuse UPDATE and DELETE on history rows, but the
owner of a table can still TRUNCATE it, disable its triggers or drop them; a superuser can do
anything. So in production two roles share the database (docs/deploy.md):
- the **owner**, which runs `manage.py migrate` and owns every table;
- the **application role** (`DJANGO_DB_APP_ROLE`), which the servers connect as. It may read and
  write the record, but on the history tables it may only SELECT and INSERT; it has no TRUNCATE
  or TRIGGER privilege anywhere and cannot alter or drop what it does not own.

The grants are made again after every `migrate` (post_migrate, run by the owner), because a
migration can add tables: a table the role had no grant on would fail at its first use, and
a new history table must be insert-only from the start. The grant then checks, through
PostgreSQL's own privilege functions, that the role really cannot change history (it might be a
superuser, a member of the owner role, or hold privileges through PUBLIC), and stops the
migrate with the reason if it can."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from recommendations.history_guard import history_tables

# The application reads these but never writes them.
READ_ONLY_TABLES = frozenset({"django_migrations"})
# What the application role must never hold on a history table.
FORBIDDEN_ON_HISTORY = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")


def table_privileges(table: str, history: frozenset[str]) -> str:
    if table in history:
        return "SELECT, INSERT"
    if table in READ_ONLY_TABLES:
        return "SELECT"
    return "SELECT, INSERT, UPDATE, DELETE"


def grant_application_role(using: str = "default", **kwargs) -> None:
    """post_migrate receiver: give `DJANGO_DB_APP_ROLE` exactly the privileges it needs on
    every table of the schema (idempotent: each table's grant is revoked and made again)."""
    role = settings.DATABASE_APP_ROLE
    connection = connections[using]
    if not role or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, current_user, current_schema(), current_database() "
            "FROM pg_roles WHERE rolname = %s",
            [role],
        )
        row = cursor.fetchone()
        if row is None:
            raise ImproperlyConfigured(
                f"DJANGO_DB_APP_ROLE names the role “{role}”, which does not exist on this "
                f'PostgreSQL server. Create it first (CREATE ROLE "{role}" LOGIN PASSWORD …), '
                "then run migrate again as the owner (docs/deploy.md)."
            )
        is_superuser, current_user, schema, database = row
        if is_superuser:
            raise ImproperlyConfigured(
                f"DJANGO_DB_APP_ROLE “{role}” is a superuser: it could truncate history or "
                "disable its triggers. The application must connect as a role of its own, "
                "without superuser rights (docs/deploy.md)."
            )
        # Run by the application role itself (a server's start-up `migrate` with nothing to
        # apply): the owner made the grants; only check them.
        if role != current_user:
            grant_table_privileges(cursor, connection, role, schema, database)
    problems = history_privileges_held(role, using)
    if problems:
        raise ImproperlyConfigured(
            f"The application role “{role}” can still change history: "
            + "; ".join(problems)
            + ". It must not own the tables, be a member of their owner's role or hold rights "
            "granted to PUBLIC: remove those, then run migrate again as the owner "
            "(docs/deploy.md)."
        )


def grant_table_privileges(cursor, connection, role: str, schema: str, database: str) -> None:
    quote = connection.ops.quote_name
    history = frozenset(history_tables())
    cursor.execute(f"GRANT CONNECT ON DATABASE {quote(database)} TO {quote(role)}")
    cursor.execute(f"GRANT USAGE ON SCHEMA {quote(schema)} TO {quote(role)}")
    for table in connection.introspection.table_names(cursor):
        cursor.execute(f"REVOKE ALL ON TABLE {quote(table)} FROM {quote(role)}")
        privileges = table_privileges(table, history)
        cursor.execute(f"GRANT {privileges} ON TABLE {quote(table)} TO {quote(role)}")
    # Inserting a row takes the next value of its identity column's sequence; loading data with
    # its own keys (loaddata, a restored record file) moves the sequence past them (setval).
    cursor.execute(
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {quote(schema)} TO {quote(role)}"
    )


def history_privileges_held(role: str, using: str = "default") -> list[str]:
    """What `role` can do to a history table beyond reading and adding rows, by PostgreSQL's
    own reckoning (grants to PUBLIC and memberships of other roles included): being able to act
    as the table's owner (ALTER, DISABLE TRIGGER, DROP) or any privilege of FORBIDDEN_ON_HISTORY."""
    connection = connections[using]
    problems = []
    with connection.cursor() as cursor:
        for table in history_tables():
            cursor.execute(
                "SELECT pg_has_role(%s, tableowner, 'USAGE') FROM pg_tables "
                "WHERE schemaname = current_schema() AND tablename = %s",
                [role, table],
            )
            row = cursor.fetchone()
            if row is None:
                continue
            if row[0]:
                problems.append(f"it acts as the owner of {table}")
                continue
            for privilege in FORBIDDEN_ON_HISTORY:
                cursor.execute("SELECT has_table_privilege(%s, %s, %s)", [role, table, privilege])
                if cursor.fetchone()[0]:
                    problems.append(f"{privilege} on {table}")
    return problems
