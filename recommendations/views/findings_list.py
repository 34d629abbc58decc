"""The findings list: its filters, their summary and errors, paging and sorting."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from inspections import selectors as inspection_selectors
from inspections.models import published_as_stated
from recommendations import selectors
from recommendations.filters import (
    CARRIED_FORWARD_CHOICES,
    DEFAULT_SORT,
    ID_RE,
    SORT_COLUMNS,
    SORT_DIRECTIONS,
    SORTS,
    STATUS_CHOICES,
    FindingFilter,
    sort_groups,
    status_rows_come_first,
)
from recommendations.filters.query import (
    FINDING_PARAMS,
    FINDING_REPEATABLE,
    finding_query_pairs,
)
from recommendations.freshness import RecordVersion, cached
from recommendations.models import Finding, SavedView, Status
from recommendations.page_cache import render_page
from recommendations.pagination import (
    CachedCountPaginator,
    GroupedPaginator,
    StatusRowsFirstPaginator,
    page_or_nearest,
)
from recommendations.saved_view_parts import opened_saved_view
from recommendations.sorting import sort_headings

PAGE_SIZE = 25
# The report search (report_q): how many reports it lists, and how much of a query it reads.
REPORT_CHOICES_SHOWN = 20
REPORT_WORDS = 10
REPORT_WORD_CHARS = 100
# The list's filters and which of them repeat: recommendations.filters.query keeps them, so the
# list, its links and saved views read one definition.
FILTER_PARAMS = FINDING_PARAMS
REPEATABLE_PARAMS = FINDING_REPEATABLE
STATUS_LABELS = dict(Status.choices)
KIND_LABELS = dict(Finding.Kind.choices)
ERROR_SHOWN_CHARS = 200


def _removal_url(pairs: list[tuple[str, str]], name: str, value: str | None = None) -> str:
    kept = [(n, v) for n, v in pairs if not (n == name and (value is None or v == value))]
    return "?" + urlencode(kept) if kept else "?"


def _active_filters(filterset: FindingFilter, pairs: list[tuple[str, str]]) -> list[dict]:
    """One removable tag per filter value in force: its label and the link without it."""
    data = filterset.form.cleaned_data
    forces = {force.slug: force.name for force in data.get("force") or ()}
    tags = []

    def add(name: str, label: str, value: str | None = None) -> None:
        tags.append({"label": label, "remove_url": _removal_url(pairs, name, value)})

    for name, value in pairs:
        if name == "force" and value in forces:
            add(name, f"Force: {forces[value]}", value)
        elif name == "kind":
            add(name, f"Kind: {KIND_LABELS[value]}", value)
    if data.get("status"):
        add("status", f"Status: {dict(STATUS_CHOICES)[data['status']]}")
    if data.get("area"):
        areas = data["area"]
        if len(areas) == 1:
            label = f"Area: {areas[0].name} ({areas[0].framework.name})"
        else:
            label = f"Area: {areas[0].name} (every framework)"
        add("area", label)
    if data.get("theme"):
        add("theme", f"Theme: {data['theme'].name}")
    if data.get("inspection"):
        add("inspection", f"Report: {data['inspection'].title}")
    for name in ("published_after", "published_before"):
        if data.get(name):
            add(name, f"{filterset.filters[name].label}: {data[name]:%-d %B %Y}")
    if data.get("carried_forward"):
        add("carried_forward", f"Carried forward: {data['carried_forward']}")
    if data.get("q"):
        add("q", f"Containing: “{data['q']}”")
    return tags


def filter_errors(filterset: FindingFilter) -> list[dict]:
    """The form's errors as (field id, label, message) for an error summary, messages cut to
    a readable length (a value echoed back may be very long)."""
    errors = []
    for name, messages in filterset.errors.items():
        label = filterset.filters[name].label if name in filterset.filters else "Filters"
        for message in messages:
            errors.append(
                {
                    "field": name,
                    "label": label,
                    "message": Truncator(message).chars(ERROR_SHOWN_CHARS),
                }
            )
    return errors


def _label_rows(rows) -> list[Finding]:
    rows = list(rows)
    for row in rows:
        row.status_label = STATUS_LABELS.get(row.row_status, "")
    return rows


def report_words(query: QueryDict) -> list[str]:
    """The words of `report_q` (the report search), at most REPORT_WORDS of them, each cut to
    REPORT_WORD_CHARS: enough for any title, and a bound on the query a URL can ask for. A NUL
    character, which no title holds and PostgreSQL refuses in a query, separates words."""
    raw = query.get("report_q", "")[: REPORT_WORDS * REPORT_WORD_CHARS]
    words = raw.replace("\x00", " ").split()
    return [word[:REPORT_WORD_CHARS] for word in words[:REPORT_WORDS]]


def report_choices(query: QueryDict) -> dict:
    """The reports whose titles contain the words of `report_q`, newest first, at most
    REPORT_CHOICES_SHOWN, each with the link that filters the list as `query` does by that
    report instead (the page without the report filter and the page number). The list of
    every report weighed 535 KB at national scale; this is a search instead. One query, none
    without words."""
    words = report_words(query)
    found = (
        inspection_selectors.reports_titled(words, limit=REPORT_CHOICES_SHOWN + 1) if words else []
    )
    kept = [(n, v) for n, v in finding_query_pairs(query) if n != "inspection"]
    return {
        "report_q": " ".join(words),
        "report_choices": [
            {
                "title": title,
                "published": published_as_stated(published_on, precision),
                "url": "?" + urlencode([*kept, ("inspection", pk)]),
            }
            for pk, title, published_on, precision in found[:REPORT_CHOICES_SHOWN]
        ],
        "more_reports": len(found) > REPORT_CHOICES_SHOWN,
    }


def _chosen_report(filterset: FindingFilter, pairs: list[tuple[str, str]]) -> dict | None:
    """The report the list is filtered by, when the filter is valid: its title and date and
    the link that removes it (the filter form keeps it in a hidden field)."""
    filterset.is_valid()  # cleans the form: cleaned_data then holds each valid filter
    report = filterset.form.cleaned_data.get("inspection")
    if report is None:
        return None
    return {
        "pk": report.pk,
        "title": report.title,
        "published": report.published_display(),
        "remove_url": _removal_url(pairs, "inspection"),
    }


def _filter_options(version: RecordVersion) -> dict:
    """What the filter controls offer. The forces, areas and themes change only in the admin
    (whose log is part of RecordVersion.others), so they are kept until the record but its
    statuses changes. Three queries, none when kept."""
    return {
        **cached(
            "finding-list-filter-options",
            (version.reports, version.others),
            # Plain dicts, not model instances: unpickled from the cache on every request.
            lambda: {
                "forces": [
                    {"slug": force.slug, "name": force.name}
                    for force in inspection_selectors.forces_by_name()
                ],
                "areas_by_framework": {
                    framework: [{"pk": area.pk, "name": area.name} for area in areas]
                    for framework, areas in inspection_selectors.areas_by_framework().items()
                },
                "themes": [
                    {"slug": theme.slug, "name": theme.name} for theme in selectors.themes_by_name()
                ],
            },
        ),
        "kinds": Finding.Kind.choices,
        "statuses": STATUS_CHOICES,
        "carried_forward_choices": CARRIED_FORWARD_CHOICES,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_list(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "recommendations/finding_list.html",
        lambda version: _finding_list_context(request, version),
        per_request=lambda: opened_saved_view(request, SavedView.Page.FINDINGS),
    )


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_list_report_choices(request: HttpRequest) -> HttpResponse:
    """The reports matching `report_q` as the HTML the filter form shows under its report
    search (the page's script asks for it as the user types; without a script, applying the
    filters shows the same list)."""
    return render(request, "recommendations/_report_choices.html", report_choices(request.GET))


def _finding_list_context(request: HttpRequest, version: RecordVersion) -> dict:
    filterset = selectors.finding_filter(request.GET)
    pairs = finding_query_pairs(request.GET)
    sort = request.GET.get("sort", "")
    context = {
        "active_section": "findings",
        "filterset": filterset,
        "selected": _selected(request.GET),
        "area_by_name": _area_name_value(request.GET.get("area", "")),
        "querystring": urlencode(pairs),
        # Paging through a saved view keeps its name shown (recommendations.saved_view_parts).
        "page_querystring": urlencode([*pairs, *_view_pair(request.GET)]),
        # Clearing the filters keeps the sort order.
        "clear_url": "?" + urlencode([("sort", sort)]) if sort in SORTS else "?",
        "has_filters": any(name != "sort" for name, _ in pairs),
        "chosen_report": _chosen_report(filterset, pairs),
        **report_choices(request.GET),
        **_filter_options(version),
    }
    if filterset.is_valid():
        paginator = _paginator(filterset, version)
        page_obj, page_note = page_or_nearest(paginator, request.GET.get("page"))
        sorts = [param for param in filterset.form.cleaned_data.get("sort") or [] if param]
        context |= {
            "page_obj": page_obj,
            "rows": _label_rows(page_obj.object_list),
            "page_note": page_note,
            "active_filters": _active_filters(filterset, pairs),
            # Sorting by a heading keeps the filters and goes back to the first page.
            "sort_headings": sort_headings(
                SORT_COLUMNS,
                current=sorts[0] if sorts else DEFAULT_SORT,
                directions=SORT_DIRECTIONS,
                labels={key: label for key, (label, _) in SORTS.items()},
                params=finding_query_pairs(request.GET, with_sort=False),
            ),
        }
    else:
        context["errors"] = filter_errors(filterset)
    return context


def _paginator(filterset: FindingFilter, version: RecordVersion) -> Paginator:
    """Pages read without sorting every row (recommendations.pagination): by report and the
    sort's key for the offered sorts, in the status date's index for the oldest status first;
    several sorts combined are counted once per version and sorted whole. Kept across the
    status changes OPCC staff record every week unless the filters or sort read statuses."""
    sort = filterset.form.cleaned_data.get("sort")
    if not filterset.reads_status_values():
        version = version.ignoring_status_values()
    if groups := sort_groups(sort):
        return GroupedPaginator(filterset.qs, PAGE_SIZE, version=version, groups=groups)
    if status_rows_come_first(sort):
        return StatusRowsFirstPaginator(filterset.qs, PAGE_SIZE, version=version)
    return CachedCountPaginator(filterset.qs, PAGE_SIZE, version=version)


def _view_pair(query: QueryDict) -> list[tuple[str, str]]:
    view = query.get("view", "")
    return [("view", view)] if view.isdigit() else []


def _selected(query: QueryDict) -> dict:
    """What the form controls show as chosen: the raw values, valid or not."""
    selected = {name: query.get(name, "") for name in (*FILTER_PARAMS, "sort")}
    selected |= {name: query.getlist(name) for name in REPEATABLE_PARAMS}
    return selected


def _area_name_value(value: str) -> str:
    """An `area` given by name (not id) has no option of its own in the select: the template
    adds one so that applying other filters keeps it."""
    return value if value and not ID_RE.match(value) else ""
