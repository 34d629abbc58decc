"""The 56-day response tracker: one row per response owed (report × force), its s.55(5A)
deadline and state, the counts of what it must explain, and the same rows for the exports.

Every figure on a row comes from the one list query (see ResponseQuerySet.with_state and
with_finding_counts); the text helpers below only read the row."""

from collections.abc import Iterable, Iterator
from datetime import date

from django.db.models import F

from peel_tracker.exports import Column
from recommendations.models import Response, ResponseQuerySet

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


def ordered(queryset: ResponseQuerySet, sort: str) -> ResponseQuerySet:
    _, order = SORTS[sort]
    return queryset.order_by(*order, *TIE_BREAKERS)


def tracker_queryset(today: date) -> ResponseQuerySet:
    """Every response with its report and force, state and counts, soonest deadline first."""
    return ordered(
        Response.objects.with_related().with_state(today).with_finding_counts(), DEFAULT_SORT
    )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def timing(response: Response, today: date) -> str:
    """Days left or overdue for a response still to be published; how early or late a
    published one was; empty when it does not apply or the dates are not known."""
    state = response.state
    if state in (Response.State.OVERDUE, Response.State.DUE_SOON, Response.State.OPEN):
        days = response.days_until_due(today)
        if days == 0:
            return "Due today"
        return f"{plural(-days, 'day')} overdue" if days < 0 else f"{plural(days, 'day')} left"
    if state == Response.State.PUBLISHED_LATE:
        return f"{plural((response.published_on - response.due_on).days, 'day')} late"
    return ""


def days_left(response: Response, today: date) -> int | None:
    if response.state in (Response.State.DUE_SOON, Response.State.OPEN):
        return response.days_until_due(today)
    return None


def days_overdue(response: Response, today: date) -> int | None:
    if response.state == Response.State.OVERDUE:
        return -response.days_until_due(today)
    return None


def completeness(response: Response) -> str:
    """Does the response explain every recommendation owed (s.55(5B))?"""
    if response.state == Response.State.NOT_REQUIRED or response.recommendations_owed == 0:
        return ""
    if response.recommendations_unexplained <= 0:
        return "Complete"
    if response.is_published and response.is_completeness_overridden:
        return "Incomplete (override recorded)"
    return "Incomplete"


def exact_publication_day(response: Response) -> date | None:
    """The report's publication date, only when the exact day is known (a report known only
    by month is stored as the 1st: not a date to put in a date cell)."""
    inspection = response.inspection
    if inspection.published_precision != inspection.DatePrecision.DAY:
        return None
    return response.report_published_on


def response_published(response: Response) -> date | str | None:
    if response.is_published and response.published_on is None:
        return "Date not recorded"
    return response.published_on


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
]


def export_rows(responses: Iterable[Response], today: date) -> Iterator[list]:
    """The tracker's rows for the exports, in the columns above. A response published on a
    date not recorded has an empty date cell; its state says why."""
    for response in responses:
        published = response_published(response)
        yield [
            response.force.name,
            response.inspection.title,
            response.inspection.get_kind_display(),
            exact_publication_day(response),
            response.inspection.published_display(),
            response.due_on,
            response.chief_officer_comments_requested_by,
            response.chief_officer_comments_received_on,
            published if isinstance(published, date) else None,
            days_left(response, today),
            days_overdue(response, today),
            Response.State(response.state).label,
            response.recommendations_owed,
            response.recommendations_explained,
            response.afi_count,
            completeness(response),
            response.not_required_reason if response.is_not_required else "",
            response.inspection.source_url,
            response.published_url,
        ]
