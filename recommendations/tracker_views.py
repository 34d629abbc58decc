"""The 56-day response tracker page and its CSV and XLSX exports. Dates and states only, never
a draft's text, so every signed-in role may read it; the link to change a response is shown
only to those who may change it."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from peel_tracker.exports import list_export
from recommendations import selectors, tracker
from recommendations.filters.query import TRACKER_PARAMS, tracker_query_pairs
from recommendations.freshness import RecordVersion
from recommendations.models import DUE_SOON_DAYS, Response, SavedView
from recommendations.page_cache import cached_export, render_page
from recommendations.pagination import CachedCountPaginator, page_or_nearest
from recommendations.saved_view_parts import opened_saved_view
from recommendations.sorting import sort_headings
from recommendations.tracker_filters import ResponseTrackerFilter

PAGE_SIZE = 50
# Parameters that choose rows (shown as removable filters); `sort` and `page` only arrange them.
FILTER_NAMES = TRACKER_PARAMS
STATE_TAG_CLASSES = {
    Response.State.OVERDUE: "govuk-tag--red",
    Response.State.DUE_SOON: "govuk-tag--orange",
    Response.State.OPEN: "",
    Response.State.DEADLINE_UNKNOWN: "govuk-tag--grey",
    Response.State.PUBLISHED_ON_TIME: "govuk-tag--green",
    Response.State.PUBLISHED_LATE: "govuk-tag--pink",
    Response.State.PUBLISHED_DATE_UNKNOWN: "govuk-tag--teal",
    Response.State.PUBLISHED_DEADLINE_UNKNOWN: "govuk-tag--teal",
    Response.State.PUBLISHED_IN_WINDOW: "govuk-tag--teal",
    Response.State.PUBLISHED_NO_DEADLINE: "govuk-tag--teal",
    Response.State.NO_STATUTORY_DEADLINE: "govuk-tag--grey",
    Response.State.NOT_REQUIRED: "govuk-tag--grey",
}


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


def _without(params: QueryDict, name: str, value: str) -> str:
    """The query string without one value of one filter (and without the page number)."""
    remaining = params.copy()
    remaining.setlist(name, [v for v in params.getlist(name) if v != value])
    remaining.pop("page", None)
    return f"?{remaining.urlencode()}"


def _label_of(filterset: ResponseTrackerFilter, name: str, raw: str) -> str:
    cleaned = filterset.form.cleaned_data
    field = filterset.form.fields[name]
    if name == "force":
        names = {force.slug: force.name for force in cleaned["force"]}
        return f"Force: {names.get(raw, raw)}"
    if name in ("state", "kind"):
        return f"{field.label}: {dict(field.choices).get(raw, raw)}"
    if name in ("published_after", "published_before"):
        return f"{field.label}: {cleaned[name]:%-d %B %Y}"
    if name == "incomplete":
        return "Leaves a recommendation unexplained"
    return f"{field.label}: {raw}"


def _is_set(value: object) -> bool:
    return value is not None and value is not False and value != ""


def active_filters(filterset: ResponseTrackerFilter, params: QueryDict) -> list[ActiveFilter]:
    """Each filter value in use, with a link that removes just that value."""
    cleaned = filterset.form.cleaned_data
    return [
        ActiveFilter(_label_of(filterset, name, raw), _without(params, name, raw))
        for name in FILTER_NAMES
        if _is_set(cleaned.get(name))
        for raw in dict.fromkeys(params.getlist(name))
        if raw
    ]


def _filterset(request: HttpRequest, today: date, version: RecordVersion) -> ResponseTrackerFilter:
    return selectors.tracker_filter(request.GET, today=today, version=version)


def _error_list(filterset: ResponseTrackerFilter) -> list[tuple[str, str]]:
    """(id of the control to fix, message) for each problem with the parameters."""
    problems = []
    for name, messages in filterset.form.errors.items():
        if name == NON_FIELD_ERRORS:
            anchor = "filters"
        elif name in ("force", "state"):
            anchor = f"id_{name}_0"  # the first checkbox of the group
        else:
            anchor = f"id_{name}"
        problems.extend((anchor, message) for message in messages)
    return problems


@login_required
@permission_required("recommendations.view_response", raise_exception=True)
@require_safe
def tracker_list(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "recommendations/tracker_list.html",
        lambda version: _tracker_context(request, version),
        per_request=lambda: opened_saved_view(request, SavedView.Page.TRACKER),
    )


def may_change_response(request: HttpRequest, response: Response) -> bool:
    """Whether the "Change response" link is shown: exactly when the admin would open the
    response for change (an active staff account, the permission to change responses, and
    ForceScopedAdminMixin's force scoping), as the finding page asks it for statuses. No
    queries: the permissions and forces are read once per request and kept on the user, and
    the page's cache key names them (recommendations.page_cache.user_access)."""
    model_admin = admin.site.get_model_admin(Response)
    return admin.site.has_permission(request) and model_admin.has_change_permission(
        request, response
    )


def _tracker_context(request: HttpRequest, version: RecordVersion) -> dict:
    today = timezone.localdate()
    filterset = _filterset(request, today, version)
    context = {
        "active_section": "tracker",
        "today": today,
        "filterset": filterset,
        "form": filterset.form,
        "due_soon_days": DUE_SOON_DAYS,
    }
    if not filterset.is_valid():
        context["errors"] = _error_list(filterset)
        return context

    # Counted once per version of the record and query (the SQL names today's date when the
    # state filter is used): counting every response took a fifth of the page's time.
    # The key is the query string in its stable form and today (the state filter counts days):
    # naming the count by its SQL meant compiling the rows' query once more. The responses
    # owed and their states read no finding's status: recording one leaves the count kept.
    count_key = f"tracker-count\0{today}\0{urlencode(tracker_query_pairs(request.GET))}"
    paginator = CachedCountPaginator(
        filterset.qs, PAGE_SIZE, version=version.ignoring_status_values(), key=count_key
    )
    page, page_note = page_or_nearest(paginator, request.GET.get("page"))
    for response in page.object_list:
        response.timing = tracker.timing(response, today)
        response.completeness = tracker.completeness(response)
        response.is_incomplete = response.completeness.startswith("Incomplete")
        response.state_label = Response.State(response.state).label
        response.tag_class = STATE_TAG_CLASSES[response.state]
        response.can_edit = may_change_response(request, response)
        # The row's dates as shown ("2 May 2019", "" when not recorded), here rather than
        # through the template's date filter: three per row were a fifth of the rows' rendering.
        response.published_label = _day(response.published_on)
        response.comments_requested_label = _day(response.chief_officer_comments_requested_by)
        response.comments_received_label = _day(response.chief_officer_comments_received_on)
        # What the row shows of its report and force, read once here: the template looked
        # each up through two objects, some three times, for every row.
        inspection = response.inspection
        response.report_title = inspection.title
        response.report_kind = inspection.get_kind_display()
        response.report_published = inspection.published_display()
        response.force_name = response.force.name
        response.due_label = response.due_display()
    params = request.GET.copy()
    params.pop("page", None)
    context |= {
        "page": page,
        "page_note": page_note,
        "active_filters": active_filters(filterset, request.GET),
        # The filters and sort without the page number: for the page links and the exports.
        "query": params.urlencode(),
        # Sorting by a heading keeps the filters and goes back to the first page.
        "sort_headings": sort_headings(
            tracker.SORT_COLUMNS,
            current=filterset.form.cleaned_data.get("sort") or tracker.DEFAULT_SORT,
            directions=tracker.SORT_DIRECTIONS,
            labels={value: label for value, (label, _) in tracker.SORTS.items()},
            params=[
                (name, value)
                for name, values in request.GET.lists()
                if name not in ("page", "sort")
                for value in values
            ],
        ),
    }
    return context


def _day(day: date | None) -> str:
    """As the template filter date:"j F Y" ("2 May 2019"); "" for no date."""
    return f"{day:%-d %B %Y}" if day else ""


def _refusal(filterset: ResponseTrackerFilter) -> list[str]:
    return [
        "The export could not be made: these parameters are not valid.",
        *(f"- {message}" for _, message in _error_list(filterset)),
        f"Correct them, or choose the filters on the tracker page ({reverse('tracker:list')})"
        " and use its download links.",
    ]


def tracker_export(request: HttpRequest, fmt: str, params: QueryDict) -> HttpResponse:
    """The tracker's rows for these parameters as a CSV or XLSX file (a saved view's export
    gives its stored query string here)."""
    today = timezone.localdate()
    return list_export(
        selectors.tracker_filter(params, today=today),
        fmt,
        name="response-tracker",
        day=today,
        columns=tracker.EXPORT_COLUMNS,
        rows=lambda rows: tracker.export_rows(rows, today),
        sheet_name="Responses",
        refusal=_refusal,
    )


@login_required
@permission_required("recommendations.view_response", raise_exception=True)
@require_safe
def tracker_export_csv(request: HttpRequest) -> HttpResponse:
    return cached_export(
        request, "tracker-csv", lambda: tracker_export(request, "csv", request.GET)
    )


@login_required
@permission_required("recommendations.view_response", raise_exception=True)
@require_safe
def tracker_export_xlsx(request: HttpRequest) -> HttpResponse:
    return tracker_export(request, "xlsx", request.GET)
