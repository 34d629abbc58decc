"""Expensive read-only results (national counts and aggregates), kept in Django's cache until
the record changes.

At national scale (300,000 finding rows) counting every row for the dashboard or the findings
list's total takes 50-100 ms each time, while the record changes a few times a day. So these
results are cached under a key that includes record_version(): a version of the record that
changes with every change made through the application, so a cached result is never older than
the record it describes (CACHE_SECONDS is only a safety net, e.g. for a raw SQL edit).
"""

from functools import lru_cache
from typing import NamedTuple

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from inspections.models import Inspection, Judgment
from peel_tracker.caching import CACHE_SECONDS, cache_key, cached
from recommendations.models import (
    Finding,
    FindingExplanation,
    FindingStatus,
    Response,
    StatusChange,
)

__all__ = ["CACHE_SECONDS", "RecordVersion", "cache_key", "cached", "record_version"]


class RecordVersion(NamedTuple):
    """Where the record stands: the newest id of each table that every change made through the
    application writes to. `reports` alone changes when reports change (added, edited, deleted);
    the whole changes when anything does."""

    status_history: int | None
    statuses: int | None
    finding_history: int | None
    reports: str
    # Grades, responses and explanations (history and newest rows), and the admin's log, which
    # every change made in the admin writes to: forces, areas, themes and users included.
    others: str

    def __str__(self) -> str:
        return "-".join(map(str, self))

    def ignoring_status_values(self) -> "RecordVersion":
        """The version of what does not read a status's value (which rows the findings list
        has, their order by report, force or kind; the tracker's responses): recording a new
        status appends to the status history and changes nothing else this version reads (its
        admin log entries are left out of `others`), so such results stay kept across the
        status changes OPCC staff make every week. A status opened (a new row) still counts."""
        return self._replace(status_history=None)


def record_version() -> RecordVersion:
    """The status history (append-only: every status opened or changed adds an entry), the
    statuses, the change history of findings (themes included), reports (the forces they apply
    to included), grades, responses and explanations, which records deletions too, the newest
    reports, grades and responses themselves (bulk-created rows have no history), and the
    admin's log but its entries about statuses (each goes with an entry in the status history,
    which is read already). One query, index lookups only."""
    with connection.cursor() as cursor:
        cursor.execute(_newest_ids_sql())
        status_history, statuses, finding_history, report_history, reports, *others = (
            cursor.fetchone()
        )
    return RecordVersion(
        status_history,
        statuses,
        finding_history,
        f"{report_history}-{reports}",
        "-".join(map(str, others)),
    )


@lru_cache(maxsize=1)
def _newest_ids_sql() -> str:
    """Built once per process: this runs on every page, and looking the history tables up
    through django-simple-history's managers took as long as the query."""
    tables = [
        (StatusChange._meta.db_table, "id"),
        (FindingStatus._meta.db_table, "id"),
        (Finding.history.model._meta.db_table, "history_id"),
        (Inspection.history.model._meta.db_table, "history_id"),
        (Inspection._meta.db_table, "id"),
        # The rest (RecordVersion.others).
        (Judgment.history.model._meta.db_table, "history_id"),
        (Judgment._meta.db_table, "id"),
        (Response.history.model._meta.db_table, "history_id"),
        (Response._meta.db_table, "id"),
        (FindingExplanation.history.model._meta.db_table, "history_id"),
    ]
    quote = connection.ops.quote_name
    newest = [f"(SELECT MAX({quote(column)}) FROM {quote(table)})" for table, column in tables]
    return f"SELECT {', '.join([*newest, _newest_admin_entry_sql()])}"


def _newest_admin_entry_sql() -> str:
    """The newest entry of the admin's log about anything but a finding's status. Its newest
    entries are mostly status changes, so "the newest entry whose type is not a status's"
    would walk back through them all; instead the newest entry of each other content type
    (some 40), each one step down the index on (content type, id) (migration 0018), and the
    entries without a type. Content types are named, not numbered: their ids differ between
    databases and are renumbered when a test database is flushed."""
    quote = connection.ops.quote_name
    log, types = quote(LogEntry._meta.db_table), quote(ContentType._meta.db_table)
    status = FindingStatus._meta
    return (
        f"(SELECT MAX(newest) FROM ("
        f"SELECT (SELECT MAX(e.id) FROM {log} e"
        f" WHERE e.content_type_id = ct.id) AS newest"
        f" FROM {types} ct"
        f" WHERE NOT (ct.app_label = '{status.app_label}' AND ct.model = '{status.model_name}')"
        f" UNION ALL SELECT MAX(id) FROM {log} WHERE content_type_id IS NULL"
        f") AS newest_by_type)"
    )
