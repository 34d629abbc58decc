"""What one person's email digest reports: what changed, between the end of their last digest
and now, in what they watch (recommendations.models.Watch). Sent by the send_digests command
(recommendations/services/digests.py); read here, in a fixed number of queries per person plus
the parsing of each distinct saved view once per run, whatever the number of watches or rows.

- New findings: findings added in the period (their first history entry) that a watched
  saved view of the findings list shows.
- Status changes, with their notes: entries of the status history recorded in the period, of
  a watched finding or of a row of a watched findings view.
- Responses published: responses first recorded as published in the period, to the report of
  a watched finding or in a watched tracker view.
- Deadlines in the next 14 days: responses still owed, due today or within DUE_SOON_DAYS days,
  to the report of a watched finding or in a watched tracker view. Listed in every digest while
  they are that close; a digest is sent for them alone only when one came that close since the
  last digest.

A saved view's rows are those its page gives for its stored query string: the same filter sets
(selectors.finding_filter, selectors.tracker_filter). One exception: when matching changes,
the view's status filter (findings) or state filter (tracker) is left out, because a change
can move a row out of the view: a finding closed leaves a view of open findings, a response
published leaves a view of overdue responses, and those are the changes its watchers most want
to hear of. New findings are matched against the whole view.

Only what the person may see: findings and statuses through their visible_to querysets, and
published responses through Response.objects.visible_to; the deadlines are the tracker's dates
and states, which every role reads on the tracker, never a draft's text. A saved view no longer
visible to the person (its owner stopped sharing it) is left out."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils import timezone

from recommendations import selectors
from recommendations.models import (
    DUE_SOON_DAYS,
    Finding,
    FindingStatus,
    HistoricalFinding,
    HistoricalResponse,
    Response,
    SavedView,
    StatusChange,
    Watch,
)

# At most this many items per section: a digest is a prompt to look, not an export (a view of
# every finding could change by thousands in a week). The section says when there are more.
MAX_ITEMS = 50
# The filter left out when matching changes (see the module's docstring), per kind of page.
REPORT_REASON = "the report of a finding you watch"
LOOSENED_FILTER = {SavedView.Page.FINDINGS: "status", SavedView.Page.TRACKER: "state"}


@dataclass(frozen=True)
class ViewRows:
    """A saved view's rows as its page gives them, and the same without its status (or state)
    filter."""

    rows: QuerySet
    rows_any_status: QuerySet


@dataclass
class Digest:
    """One person's digest. Each item carries `reasons`: why it is listed (the watched finding,
    the names of the saved views that show it)."""

    since: datetime
    until: datetime
    today: date
    new_findings: list[Finding] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    published: list[Response] = field(default_factory=list)
    deadlines: list[Response] = field(default_factory=list)
    # Sections cut at MAX_ITEMS.
    cut: set[str] = field(default_factory=set)
    # Saved views whose stored query string no longer reads (a theme deleted since).
    unreadable_views: list[SavedView] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        """Whether there is anything to send: a change in the period, or a deadline that came
        within DUE_SOON_DAYS days since the last digest."""
        return bool(
            self.new_findings
            or self.status_changes
            or self.published
            or any(response.is_newly_due for response in self.deadlines)
        )


def view_rows(*, page: str, query: str, today: date) -> ViewRows | None:
    """The rows of a saved view's query string, through the page's own filter set; None when
    it no longer reads (the page would show its errors). Queries only to check the filters'
    values (the forces, themes, report named; the tracker's years)."""
    filterset = selectors.page_filterset(page=page, params=QueryDict(query), today=today)
    if not filterset.is_valid():
        return None
    rows = filterset.qs
    cleaned = filterset.form.cleaned_data
    filterset.form.cleaned_data = cleaned | {LOOSENED_FILTER[page]: None}
    try:
        rows_any_status = filterset.filter_queryset(filterset.queryset.all())
    finally:
        filterset.form.cleaned_data = cleaned
    return ViewRows(rows=rows, rows_any_status=rows_any_status)


def digest_for(
    *,
    user: User,
    since: datetime,
    until: datetime,
    today: date | None = None,
    parsed_views: dict | None = None,
) -> Digest:
    """What changed in what `user` watches after `since`, up to and including `until`.
    `parsed_views` keeps each distinct view's rows for the run (views are shared)."""
    today = today or timezone.localdate(until)
    parsed_views = {} if parsed_views is None else parsed_views
    digest = Digest(since=since, until=until, today=today)
    watches = list(Watch.objects.of(user).select_related("saved_view"))
    finding_ids = {watch.finding_id for watch in watches if watch.finding_id}
    visible_view_ids = set(
        SavedView.objects.visible_to(user)
        .filter(pk__in=[watch.saved_view_id for watch in watches if watch.saved_view_id])
        .values_list("pk", flat=True)
    )
    views: dict[str, list[tuple[SavedView, ViewRows]]] = {page: [] for page in SavedView.Page}
    for watch in watches:
        view = watch.saved_view
        if view is None or view.pk not in visible_view_ids:
            continue
        key = (view.page, view.query)
        if key not in parsed_views:
            parsed_views[key] = view_rows(page=view.page, query=view.query, today=today)
        if parsed_views[key] is None:
            digest.unreadable_views.append(view)
        else:
            views[view.page].append((view, parsed_views[key]))
    findings_views, tracker_views = views[SavedView.Page.FINDINGS], views[SavedView.Page.TRACKER]
    window = {"gt": since, "lte": until}

    if findings_views:
        added = HistoricalFinding.objects.filter(
            id=OuterRef("pk"), history_type="+", history_date__gt=since, history_date__lte=until
        )
        digest.new_findings = _listed(
            digest,
            "new_findings",
            Finding.objects.visible_to(user)
            .filter(Exists(added))
            .select_related("inspection", "inspection__force")
            .order_by("inspection__published_on", "inspection_id", "position"),
            {view: Exists(rows.rows.filter(pk=OuterRef("pk"))) for view, rows in findings_views},
        )
    new_finding_ids = {finding.pk for finding in digest.new_findings}

    changes = (
        StatusChange.objects.filter(
            recorded_at__gt=since,
            recorded_at__lte=until,
            finding_status__in=FindingStatus.objects.visible_to(user).values("pk"),
            finding_status__finding__in=Finding.objects.visible_to(user).values("pk"),
        )
        # The opening entries of a finding listed as new say nothing more.
        .exclude(finding_status__finding_id__in=new_finding_ids)
        .select_related(
            "finding_status__finding__inspection",
            "finding_status__force",
            "finding_status__national_body",
            "recorded_by",
        )
        .order_by("recorded_at", "id")
    )
    digest.status_changes = _listed(
        digest,
        "status_changes",
        changes,
        {
            view: Exists(rows.rows_any_status.filter(row_status_pk=OuterRef("finding_status_id")))
            for view, rows in findings_views
        },
        watched=Q(finding_status__finding_id__in=finding_ids),
    )

    watched_reports = Finding.objects.filter(pk__in=finding_ids).values("inspection")
    reports_watched = Q(inspection__in=watched_reports)
    tracker_flags = {
        view: Exists(rows.rows_any_status.filter(pk=OuterRef("pk"))) for view, rows in tracker_views
    }
    first_published = HistoricalResponse.objects.filter(id=OuterRef("pk"), is_published=True)
    digest.published = _listed(
        digest,
        "published",
        Response.objects.visible_to(user)
        .with_related()
        .filter(is_published=True)
        .annotate(
            # When it was first recorded as published (its history; created_at for a row
            # created published without history).
            published_recorded_at=Coalesce(
                Subquery(first_published.order_by("history_date").values("history_date")[:1]),
                F("created_at"),
            )
        )
        .filter(**{f"published_recorded_at__{op}": value for op, value in window.items()})
        .order_by("published_recorded_at", "id"),
        tracker_flags,
        watched=reports_watched,
        watched_reason=REPORT_REASON,
    )
    digest.deadlines = _listed(
        digest,
        "deadlines",
        # The tracker's dates and states of every response (all roles read them there), and
        # nothing of a draft's content.
        Response.objects.with_related()
        .with_state(today)
        .filter(state=Response.State.DUE_SOON)
        .order_by("due_on", "force__name", "id"),
        tracker_flags,
        watched=reports_watched,
        watched_reason=REPORT_REASON,
    )
    since_day = timezone.localdate(since)
    for response in digest.deadlines:
        response.is_newly_due = response.due_on - timedelta(days=DUE_SOON_DAYS) > since_day
        response.days_left = (response.due_on - today).days
    return digest


def _listed(
    digest: Digest,
    section: str,
    queryset: QuerySet,
    view_flags: dict[SavedView, Exists],
    watched: Q | None = None,
    watched_reason: str = "a finding you watch",
) -> list:
    """The rows of `queryset` that a watch covers (the watched finding, or one of the saved
    views whose Exists is in `view_flags`), each with its `reasons`; at most MAX_ITEMS (the
    section is marked cut when there were more). One query."""
    flags = {f"in_view_{view.pk}": flag for view, flag in view_flags.items()}
    if watched is not None:
        flags["is_watched"] = ExpressionWrapper(watched, output_field=BooleanField())
    if not flags:
        return []
    covered = Q()
    for name in flags:
        covered |= Q(**{name: True})
    rows = list(queryset.annotate(**flags).filter(covered)[: MAX_ITEMS + 1])
    if len(rows) > MAX_ITEMS:
        digest.cut.add(section)
        rows = rows[:MAX_ITEMS]
    for row in rows:
        row.reasons = ([watched_reason] if getattr(row, "is_watched", False) else []) + [
            f"your saved view “{view.name}”"
            for view in view_flags
            if getattr(row, f"in_view_{view.pk}")
        ]
    return rows
