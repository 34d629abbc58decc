"""The 56-day response tracker: one row per response owed (report × force), its s.55(5A)
deadline and state, the counts of what it must explain, and the same rows for the exports.

Every figure on a page's row comes from the one list query (see ResponseQuerySet.with_state
and with_finding_counts); the text helpers below only read the row. The exports count what each
force owes once for all their rows instead (export_rows)."""

from collections.abc import Iterator
from datetime import date

from django.db.models import F

from inspections.deadlines import Regime
from inspections.models import Inspection, published_as_stated
from peel_tracker.exports import Column, streamed_values
from peel_tracker.text import counted
from recommendations.models import Response, ResponseQuerySet
from recommendations.obligations import owed_counts
from recommendations.sorting import SortColumn

# Sort orders the tracker allows (query string value → label, ORDER BY). Unknown dates sort
# last either way; the tie-breakers make the order, and so each page, stable.
TIE_BREAKERS = ("force__name", "inspection__title", "pk")
SORTS = {
    "due": ("Due date (soonest first)", (F("due_on").asc(nulls_last=True),)),
    "-due": ("Due date (latest first)", (F("due_on").desc(nulls_last=True),)),
    "-published": (
        "Report published (newest first)",
        (F("report_published_on").desc(nulls_last=True),),
    ),
    "published": (
        "Report published (oldest first)",
        (F("report_published_on").asc(nulls_last=True),),
    ),
    "force": ("Force (A to Z)", ()),
}
DEFAULT_SORT = "due"
# The column headings that sort the tracker (recommendations.sorting), and each sort's direction
# for aria-sort.
SORT_COLUMNS = {
    "force": SortColumn(("force",)),
    "published": SortColumn(("-published", "published")),
    "due": SortColumn(("due", "-due")),
}
SORT_DIRECTIONS = {
    "due": "ascending",
    "-due": "descending",
    "-published": "descending",
    "published": "ascending",
    "force": "ascending",
}


def ordered(queryset: ResponseQuerySet, sort: str) -> ResponseQuerySet:
    _, order = SORTS[sort]
    return queryset.order_by(*order, *TIE_BREAKERS)


def timing(response: Response, today: date) -> str:
    """Days left or overdue for a response still to be published; how early or late a
    published one was; empty when it does not apply or the dates are not known."""
    state = response.state
    if state in (Response.State.OVERDUE, Response.State.DUE_SOON, Response.State.OPEN):
        days = response.days_until_due(today)
        if days == 0:
            return "Due today"
        return f"{counted(-days, 'day')} overdue" if days < 0 else f"{counted(days, 'day')} left"
    if state == Response.State.PUBLISHED_LATE:
        return f"{counted((response.published_on - response.due_on).days, 'day')} late"
    if state == Response.State.PUBLISHED_ON_TIME and response.due_on and response.published_on:
        early = (response.due_on - response.published_on).days
        return f"{counted(early, 'day')} early" if early else "On the last day"
    if state == Response.State.NO_STATUTORY_DEADLINE:
        return "Report published before 2 May 2017"
    return ""


def completeness(response: Response) -> str:
    """Does the response explain every recommendation owed (s.55(5B))?"""
    return _completeness(
        response.state,
        response.recommendations_owed,
        response.recommendations_unexplained,
        is_published=response.is_published,
        is_overridden=response.is_completeness_overridden,
    )


def _completeness(
    state: str, owed: int, unexplained: int, *, is_published: bool, is_overridden: bool
) -> str:
    if state == Response.State.NOT_REQUIRED or owed == 0:
        return ""
    if unexplained <= 0:
        return "Complete"
    if is_published and is_overridden:
        return "Incomplete (override recorded)"
    return "Incomplete"


EXPORT_COLUMNS = [
    Column("Force", width=28),
    Column("Report", width=50),
    Column("Report kind", width=28),
    Column("Published", "date", width=14),
    Column("Published (as stated)", width=16),
    Column("Due", "date", width=14),
    Column("Chief officer's comments requested by", "date", width=16),
    Column("Chief officer's comments received", "date", width=16),
    Column("Response published", "date", width=16),
    Column("Days left", "number", width=10),
    Column("Days overdue", "number", width=10),
    Column("State", width=28),
    Column("Recommendations owed", "number", width=14),
    Column("Recommendations explained", "number", width=14),
    Column("AFIs", "number", width=8),
    Column("Completeness", width=28),
    Column("Not required: reason", width=40),
    Column("Report source", width=40),
    Column("Published response", width=40),
    Column("Deadline regime", width=32),
    Column("Due (earliest possible)", "date", width=14),
    Column("Owed by", width=40),
    # Last, so the columns analysts' sheets already read keep their places.
    Column("Days early", "number", width=10),
]


# What the exports read: plain values rather than responses with their reports and forces
# (building 100,000 of each was most of an export's time). The recommendations and AFIs owed come
# from obligations.owed_counts, two grouped queries for the whole export, rather than from
# with_finding_counts' two correlated counts per row (most of the export's database time).
# Those explained stay a count per row: counted for all responses at once they were no faster
# (107,000 groups at scale 10) and would be held in memory for the whole export.
EXPORT_FIELDS = (
    "force__name",
    "inspection__title",
    "inspection__kind",
    "inspection__published_on",
    "inspection__published_precision",
    "inspection__source_url",
    "report_published_on",
    "due_on",
    "chief_officer_comments_requested_by",
    "chief_officer_comments_received_on",
    "is_published",
    "published_on",
    "state",
    "inspection_id",
    "force_id",
    "recommendations_explained",
    "is_completeness_overridden",
    "is_not_required",
    "not_required_reason",
    "published_url",
    "regime",
    "due_earliest_on",
    "policing_body__name",
    "force__local_policing_body",
)
EXPORT_CHUNK_ROWS = 2000
INSPECTION_KIND_LABELS = dict(Inspection.Kind.choices)
STATE_LABELS = dict(Response.State.choices)
REGIME_LABELS = Regime.LABELS


def export_rows(responses: ResponseQuerySet, today: date) -> Iterator[list]:
    """The tracker's rows for the exports, in the columns above, streamed
    (peel_tracker.exports.streamed_values). The report's publication date is a date cell only
    when its exact day is known (a report known only by month is stored as the 1st: not a date
    to put in a date cell). A response published on a date not recorded has an empty date cell;
    its state says why."""
    counts = owed_counts(responses.values("inspection_id"))
    # A report's date as stated, worked out once per report rather than once per row.
    stated_dates: dict[int, str] = {}
    for (
        force_name,
        title,
        kind,
        inspection_published_on,
        precision,
        source_url,
        report_published_on,
        due_on,
        requested_by,
        received_on,
        is_published,
        published_on,
        state,
        inspection_id,
        force_id,
        explained,
        is_overridden,
        is_not_required,
        not_required_reason,
        published_url,
        regime,
        due_earliest_on,
        body_name,
        current_body_name,
    ) in streamed_values(responses, EXPORT_FIELDS, EXPORT_CHUNK_ROWS):
        owed, afis = counts.owed(inspection_id, force_id)
        if (stated := stated_dates.get(inspection_id)) is None:
            stated = stated_dates[inspection_id] = published_as_stated(
                inspection_published_on, precision
            )
        days = None if due_on is None else (due_on - today).days
        published = state in (Response.State.PUBLISHED_LATE, Response.State.PUBLISHED_ON_TIME)
        if published and due_on and published_on:
            days = (due_on - published_on).days  # negative when late
        yield [
            force_name,
            title,
            INSPECTION_KIND_LABELS[kind],
            report_published_on if precision == Inspection.DatePrecision.DAY else None,
            stated,
            due_on,
            requested_by,
            received_on,
            published_on,
            days if state in (Response.State.DUE_SOON, Response.State.OPEN) else None,
            -days if state in (Response.State.OVERDUE, Response.State.PUBLISHED_LATE) else None,
            STATE_LABELS[state],
            owed,
            explained,
            afis,
            _completeness(
                state,
                owed,
                owed - explained,
                is_published=is_published,
                is_overridden=is_overridden,
            ),
            not_required_reason if is_not_required else "",
            source_url,
            published_url,
            REGIME_LABELS[regime],
            due_earliest_on,
            body_name or current_body_name,
            days if state == Response.State.PUBLISHED_ON_TIME else None,
        ]
