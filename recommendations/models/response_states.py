"""Where a response stands against its deadline: its states, the due-soon window, the queryset."""

from datetime import date, timedelta

from django.db import models
from django.db.models import Case, F, OuterRef, Subquery, Value, When

from inspections.access import ForceScopedQuerySet
from inspections.deadlines import Regime
from recommendations.models.findings import Finding, FindingKind


class ResponseState(models.TextChoices):
    """Where a response stands against its s.55(5A) deadline. Derived, never stored: see
    ResponseQuerySet.with_state() for the rule and its order of precedence."""

    OVERDUE = "overdue", "Overdue"
    DUE_SOON = "due_soon", "Due soon"
    OPEN = "open", "Open"
    DEADLINE_UNKNOWN = "deadline_unknown", "Deadline not known"
    PUBLISHED_ON_TIME = "published_on_time", "Published on time"
    PUBLISHED_LATE = "published_late", "Published late"
    PUBLISHED_DATE_UNKNOWN = "published_date_unknown", "Published (date not recorded)"
    PUBLISHED_DEADLINE_UNKNOWN = "published_deadline_unknown", "Published (deadline not known)"
    PUBLISHED_IN_WINDOW = "published_in_window", "Published within the due window"
    NO_STATUTORY_DEADLINE = "no_statutory_deadline", "Owed, no statutory deadline"
    PUBLISHED_NO_DEADLINE = "published_no_deadline", "Published (no statutory deadline)"
    NOT_REQUIRED = "not_required", "Not required"


# A response not yet published is "due soon" when its deadline is at most this many days away
# (0 = due today, 14 = due on the same weekday two weeks from today), "open" beyond that.
DUE_SOON_DAYS = 14


class SubqueryCount(Subquery):
    """The number of rows of a queryset (usually filtered on OuterRef), 0 when there are none.
    A correlated subquery rather than JOIN + COUNT, so that several counts on one row neither
    multiply each other nor need a GROUP BY over every selected column."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()

    def __init__(self, queryset: models.QuerySet, **extra) -> None:
        super().__init__(queryset.order_by().values("pk"), **extra)


class ResponseQuerySet(ForceScopedQuerySet):
    # A draft is seen only by its force's editors and administrators.
    force_field = "force"
    published_field = "is_published"

    def with_related(self) -> "ResponseQuerySet":
        return self.select_related("inspection", "force", "policing_body")

    def with_state(self, today: date) -> "ResponseQuerySet":
        """Annotate `state` (a ResponseState value), computed by the database from the
        response's fields and `today`, so lists can filter, count and sort by it in SQL.

        First match wins:
        1. not_required: staff marked it so (with a reason);
        2. published_date_unknown: published, publication date not recorded;
        3. published_no_deadline: published, and no statutory deadline applies (a report
           before 2 May 2017, see inspections.deadlines);
        4. published_deadline_unknown: published on a known date, but the report's
           publication date (so the deadline) is not known;
        5. published_on_time: published on or before the earliest possible due date (the
           due date itself is on time, s.55(5A)); 6. published_late: after the latest;
        7. published_in_window: between the two (the report is dated only to the month);
        8. no_statutory_deadline: not published, comments owed without a deadline;
        9. deadline_unknown: not published and no deadline known;
        10. overdue: not published and the latest possible due date has passed
           (due_on < today);
        11. due_soon: not published, due today or within DUE_SOON_DAYS days
           (today <= due_on <= today + 14);
        12. open: not published, due later than that."""
        soon = today + timedelta(days=DUE_SOON_DAYS)
        no_deadline = Regime.NO_STATUTORY_DEADLINE
        state = Case(
            When(is_not_required=True, then=Value(ResponseState.NOT_REQUIRED)),
            When(
                is_published=True,
                published_on__isnull=True,
                then=Value(ResponseState.PUBLISHED_DATE_UNKNOWN),
            ),
            When(
                is_published=True,
                regime=no_deadline,
                then=Value(ResponseState.PUBLISHED_NO_DEADLINE),
            ),
            When(
                is_published=True,
                due_on__isnull=True,
                then=Value(ResponseState.PUBLISHED_DEADLINE_UNKNOWN),
            ),
            When(
                is_published=True,
                published_on__lte=F("due_earliest_on"),
                then=Value(ResponseState.PUBLISHED_ON_TIME),
            ),
            When(
                is_published=True,
                published_on__gt=F("due_on"),
                then=Value(ResponseState.PUBLISHED_LATE),
            ),
            When(is_published=True, then=Value(ResponseState.PUBLISHED_IN_WINDOW)),
            When(regime=no_deadline, then=Value(ResponseState.NO_STATUTORY_DEADLINE)),
            When(due_on__isnull=True, then=Value(ResponseState.DEADLINE_UNKNOWN)),
            When(due_on__lt=today, then=Value(ResponseState.OVERDUE)),
            When(due_on__lte=soon, then=Value(ResponseState.DUE_SOON)),
            default=Value(ResponseState.OPEN),
            output_field=models.CharField(),
        )
        return self.annotate(state=state)

    def with_finding_counts(self) -> "ResponseQuerySet":
        """Annotate, per response, in the same query: `recommendations_owed` (the report's
        recommendations addressed to this force or its body: those with a status row for the
        force, recommendations.obligations), `recommendations_explained` (those this response
        explains, s.55(5B)), `recommendations_unexplained` and `afi_count` (the report's
        areas for improvement owed by the force)."""
        from recommendations.obligations import owed_by_force_q

        owed_by_force = Finding.objects.filter(
            owed_by_force_q(OuterRef("force")), inspection=OuterRef("inspection")
        )
        owed = SubqueryCount(owed_by_force.filter(kind=FindingKind.RECOMMENDATION))
        explained = SubqueryCount(
            owed_by_force.filter(
                kind=FindingKind.RECOMMENDATION, explanations__response=OuterRef("pk")
            )
        )
        return self.annotate(
            recommendations_owed=owed,
            recommendations_explained=explained,
            afi_count=SubqueryCount(owed_by_force.filter(kind=FindingKind.AFI)),
        ).annotate(
            recommendations_unexplained=F("recommendations_owed") - F("recommendations_explained")
        )

    def due_soon_or_overdue(self, today: date) -> "ResponseQuerySet":
        """Responses still to be published whose deadline has passed or is at most
        DUE_SOON_DAYS days away (what the reminders are about)."""
        return self.with_state(today).filter(
            state__in=[ResponseState.OVERDUE, ResponseState.DUE_SOON]
        )
