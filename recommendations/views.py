"""Analysts' pages: the findings list, a finding's page, and the list's CSV and XLSX exports.
Everyone signed in with a role (administrator, OPCC editor, analyst) may read every force's
record; editing happens in the admin, to which a finding's page links those who may record a
status."""

import datetime
from collections.abc import Callable, Iterator
from itertools import islice
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from inspections.models import Area, Force, Inspection, published_as_stated
from peel_tracker.exports import Column, csv_response, streamed_values, xlsx_response
from recommendations import obligations
from recommendations.filters import (
    CARRIED_FORWARD_CHOICES,
    DEFAULT_SORT,
    ID_RE,
    SORT_COLUMNS,
    SORT_DIRECTIONS,
    SORTS,
    STATUS_CHOICES,
    FindingFilter,
    finding_rows,
    status_rows_come_first,
)
from recommendations.freshness import RecordVersion, cached
from recommendations.models import Finding, FindingStatus, Status, StatusChange, Theme
from recommendations.page_cache import cached_export, render_page
from recommendations.pagination import CachedCountPaginator, StatusRowsFirstPaginator
from recommendations.sorting import sort_headings

PAGE_SIZE = 25
REPORT_TITLE_CHARS = 70
EXPORT_CHUNK_ROWS = 2000
FILTER_PARAMS = (
    "force",
    "kind",
    "status",
    "area",
    "theme",
    "inspection",
    "published_after",
    "published_before",
    "carried_forward",
    "q",
)
REPEATABLE_PARAMS = ("force", "kind")
STATUS_LABELS = dict(Status.choices)
KIND_LABELS = dict(Finding.Kind.choices)
ERROR_SHOWN_CHARS = 200


def _query_pairs(query: QueryDict, *, names=(*FILTER_PARAMS, "sort")) -> list[tuple[str, str]]:
    """The known, non-empty parameters in a stable order (unknown ones and `page` dropped).
    A single-valued parameter keeps its last value, the one the filters read."""
    pairs = []
    for name in names:
        values = query.getlist(name) if name in REPEATABLE_PARAMS else [query.get(name)]
        seen = set()
        for value in values:
            if value and value not in seen:
                seen.add(value)
                pairs.append((name, value))
    return pairs


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


def _errors(filterset: FindingFilter) -> list[dict]:
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


def _page(paginator: Paginator, raw: str | None):
    """The requested page, or the nearest one that exists with a note saying so."""
    if raw in (None, ""):
        return paginator.page(1), None
    try:
        requested = int(raw)
    except ValueError:
        requested = 0
    if requested < 1:
        return paginator.page(1), "That page number is not valid: showing the first page."
    if requested > paginator.num_pages:
        note = f"There are only {paginator.num_pages} pages: showing the last page."
        if paginator.num_pages == 1:
            note = "There is only one page of results: showing it."
        return paginator.page(paginator.num_pages), note
    return paginator.page(requested), None


def _label_rows(rows) -> list[Finding]:
    rows = list(rows)
    for row in rows:
        row.status_label = STATUS_LABELS.get(row.row_status, "")
    return rows


def _report_title(title: str) -> str:
    """As the template filter truncatechars:70 (which is slow: this runs for every report)."""
    return title if len(title) <= REPORT_TITLE_CHARS else Truncator(title).chars(REPORT_TITLE_CHARS)


def _report_options(version: RecordVersion, selected: str) -> str:
    """The report filter's <option> elements, every report newest first, built as one string
    and cached until the record changes: at national scale there are thousands of reports, and
    rendering them in the template took longer than the rest of the page. Every text in them
    is escaped here. One query when they are not cached."""

    def build() -> str:
        reports = Inspection.objects.order_by("-published_on", "title").values_list(
            "pk", "title", "published_on", "published_precision"
        )
        return "".join(
            f'<option value="{pk}">{escape(_report_title(title))} '
            f"({escape(published_as_stated(published_on, precision))})</option>"
            for pk, title, published_on, precision in reports
        )

    # Only the reports matter here: a status changing leaves the options cached.
    options = cached("finding-list-report-options", version.reports, build)
    if selected and ID_RE.match(selected):
        options = options.replace(
            f'<option value="{selected}">', f'<option value="{selected}" selected>', 1
        )
    return mark_safe(options)  # built above from escaped text


def _filter_options(version: RecordVersion, selected_report: str) -> dict:
    """What the filter controls offer. Three queries, four when the report options are not
    cached."""
    areas_by_framework: dict[str, list[Area]] = {}
    for area in Area.objects.select_related("framework").order_by(
        "framework__first_year", "framework__name", "position", "name"
    ):
        areas_by_framework.setdefault(area.framework.name, []).append(area)
    return {
        "forces": list(Force.objects.only("slug", "name").order_by("name")),
        "kinds": Finding.Kind.choices,
        "statuses": STATUS_CHOICES,
        "areas_by_framework": areas_by_framework,
        "themes": list(Theme.objects.order_by("name")),
        "report_options": _report_options(version, selected_report),
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
    )


def _finding_list_context(request: HttpRequest, version: RecordVersion) -> dict:
    filterset = FindingFilter(request.GET, queryset=finding_rows())
    pairs = _query_pairs(request.GET)
    sort = request.GET.get("sort", "")
    context = {
        "active_section": "findings",
        "filterset": filterset,
        "selected": _selected(request.GET),
        "area_by_name": _area_name_value(request.GET.get("area", "")),
        "querystring": urlencode(pairs),
        # Clearing the filters keeps the sort order.
        "clear_url": "?" + urlencode([("sort", sort)]) if sort in SORTS else "?",
        "has_filters": any(name != "sort" for name, _ in pairs),
        **_filter_options(version, request.GET.get("inspection", "")),
    }
    if filterset.is_valid():
        paginator_class = (
            StatusRowsFirstPaginator
            if status_rows_come_first(filterset.form.cleaned_data.get("sort"))
            else CachedCountPaginator
        )
        paginator = paginator_class(filterset.qs, PAGE_SIZE, version=version)
        page_obj, page_note = _page(paginator, request.GET.get("page"))
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
                params=_query_pairs(request.GET, names=FILTER_PARAMS),
            ),
        }
    else:
        context["errors"] = _errors(filterset)
    return context


def _selected(query: QueryDict) -> dict:
    """What the form controls show as chosen: the raw values, valid or not."""
    selected = {name: query.get(name, "") for name in (*FILTER_PARAMS, "sort")}
    selected |= {name: query.getlist(name) for name in REPEATABLE_PARAMS}
    return selected


def _area_name_value(value: str) -> str:
    """An `area` given by name (not id) has no option of its own in the select: the template
    adds one so that applying other filters keeps it."""
    return value if value and not ID_RE.match(value) else ""


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_page(
        request,
        "recommendations/finding_detail.html",
        lambda version: _finding_context(request, pk),
    )


def _may_record_status(request: HttpRequest, status: FindingStatus) -> bool:
    """Whether the admin would let this user record a new status for this force (or national
    body): the admin's own rules, not a second copy of them. The site's (an active staff
    account) and FindingStatusAdmin's: the permission to change statuses, and
    ForceScopedAdminMixin's force scoping (an OPCC editor's forces; administrators every force
    and the national bodies). No queries of its own: the user's permissions and forces are read
    once per request and kept on the user, and the key the page is kept under names them
    (recommendations.page_cache.user_access), so it is never shown to anyone else."""
    model_admin = admin.site.get_model_admin(FindingStatus)
    return admin.site.has_permission(request) and model_admin.has_change_permission(request, status)


def _finding_context(request: HttpRequest, pk: int) -> dict:
    related_finding = Finding.objects.select_related("inspection").order_by(
        "inspection__published_on", "position"
    )
    finding = get_object_or_404(
        Finding.objects.select_related(
            "inspection",
            "inspection__force",
            "inspection__framework",
            "area",
            "cause_of_concern",
            "carried_forward_from__inspection",
            "superseded_by__inspection",
        ).prefetch_related(
            "themes",
            Prefetch("recommendations", queryset=Finding.objects.order_by("position")),
            Prefetch("carried_forward_to", queryset=related_finding),
            Prefetch("supersedes", queryset=related_finding),
            "named_forces",
            "national_bodies",
            Prefetch(
                "statuses",
                queryset=FindingStatus.objects.select_related(
                    "force", "national_body", "updated_by"
                ).order_by(F("force__name").asc(nulls_last=True), "national_body__name"),
            ),
            # Newest entry first, as recorded (Meta.ordering): the date it took effect may be
            # earlier than entries recorded before it.
            Prefetch(
                "statuses__history", queryset=StatusChange.objects.select_related("recorded_by")
            ),
        ),
        pk=pk,
    )
    statuses = list(finding.statuses.all())
    for status in statuses:
        status.entries = list(status.history.all())
        status.may_record = _may_record_status(request, status)
    context = {
        "active_section": "findings",
        "finding": finding,
        "statuses": statuses,
        "owed_by": obligations.describe(
            owed_by_forces=finding.owed_by_forces,
            is_for_policing_bodies=finding.is_for_policing_bodies,
            report_force_name=finding.inspection.force.name if finding.inspection.force else None,
            named_force_names=[force.name for force in finding.named_forces.all()],
            national_body_names=[body.name for body in finding.national_bodies.all()],
        ),
        "themes": list(finding.themes.all()),
        "children": list(finding.recommendations.all()),
        "carried_forward_to": list(finding.carried_forward_to.all()),
        "supersedes": list(finding.supersedes.all()),
    }
    return context


EXPORT_COLUMNS = [
    Column("Force", width=28),
    Column("Report title", width=50),
    Column("Report kind", width=28),
    Column("Published", kind="date", width=14),
    Column("Area", width=32),
    Column("Kind", width=22),
    Column("Reference", width=12),
    Column("Text", width=80),
    Column("Themes", width=30),
    Column("Status", width=22),
    Column("Status since", kind="date", width=14),
    Column("Last note", width=50),
    Column("Carried forward from", width=60),
    # Last, so the columns before them keep their places in spreadsheets built on the export.
    Column("Finding ID", kind="number", width=12),
    Column("Finding link", width=45),
]


INSPECTION_KIND_LABELS = dict(Inspection.Kind.choices)
# What an export reads: plain values, not model instances (building ~300,000 findings with
# their reports, areas and themes was most of an export's time at national scale).
EXPORT_FIELDS = (
    "pk",
    "row_force_name",
    "inspection__title",
    "inspection__kind",
    "inspection__published_on",
    "inspection__published_precision",
    "area__name",
    "kind",
    "reference",
    "text",
    "row_status",
    "row_status_since",
    "row_last_note",
    "carried_forward_from_id",
    "carried_forward_from__inspection__title",
    "carried_forward_from__reference",
    "carried_forward_from__kind",
    "carried_forward_from__text",
)


def _published(
    day: datetime.date | None, precision: str, *, reduced_precision: bool
) -> datetime.date | str | None:
    """A report known only to the month or year is stored as the first day of it. CSV says so
    with an ISO 8601 date of reduced precision (2022-04, 2022); an XLSX date cell cannot, so
    it holds the stored first day."""
    if day is None or not reduced_precision:
        return day
    if precision == Inspection.DatePrecision.MONTH:
        return f"{day:%Y-%m}"
    if precision == Inspection.DatePrecision.YEAR:
        return f"{day:%Y}"
    return day


def _theme_names(finding_ids: set[int]) -> dict[int, str]:
    """The themes of each finding as "A; B", in alphabetical order. One query."""
    names: dict[int, list[str]] = {}
    for finding_id, name in (
        Finding.themes.through.objects.filter(finding_id__in=finding_ids)
        .order_by("theme__name")
        .values_list("finding_id", "theme__name")
    ):
        names.setdefault(finding_id, []).append(name)
    return {finding_id: "; ".join(found) for finding_id, found in names.items()}


def _finding_link_maker(request: HttpRequest) -> Callable[[int], str]:
    """A function giving the absolute URL of a finding's page, for the host and scheme the
    request came by. The URL is reversed once, not for each of 300,000 rows: the id is put in
    place of a marker."""
    marker = 987654321
    template = request.build_absolute_uri(reverse("recommendations:detail", args=[marker]))
    before, after = template.rsplit(str(marker), 1)
    return lambda pk: f"{before}{pk}{after}"


def _export_rows(
    queryset, *, reduced_precision: bool, finding_link: Callable[[int], str]
) -> Iterator[list]:
    """The rows, streamed (peel_tracker.exports.streamed_values), with one query per chunk of
    EXPORT_CHUNK_ROWS for the chunk's themes."""
    values = streamed_values(queryset, EXPORT_FIELDS, EXPORT_CHUNK_ROWS)
    while chunk := list(islice(values, EXPORT_CHUNK_ROWS)):
        themes = _theme_names({row[0] for row in chunk})
        for (
            pk,
            force_name,
            title,
            inspection_kind,
            published_on,
            precision,
            area_name,
            kind,
            reference,
            text,
            status,
            status_since,
            last_note,
            earlier_pk,
            earlier_title,
            earlier_reference,
            earlier_kind,
            earlier_text,
        ) in chunk:
            earlier = None
            if earlier_pk is not None:
                # The earlier finding's report, then the finding as Finding.__str__ shows it.
                shown = Finding(kind=earlier_kind, reference=earlier_reference, text=earlier_text)
                earlier = f"{earlier_title}: {shown}"
            yield [
                force_name,
                title,
                INSPECTION_KIND_LABELS[inspection_kind],
                _published(published_on, precision, reduced_precision=reduced_precision),
                area_name,
                KIND_LABELS[kind],
                reference,
                text,
                themes.get(pk, ""),
                STATUS_LABELS.get(status),
                status_since,
                last_note,
                earlier,
                pk,
                finding_link(pk),
            ]


def _export(request: HttpRequest, fmt: str) -> HttpResponse:
    filterset = FindingFilter(request.GET, queryset=finding_rows())
    if not filterset.is_valid():
        lines = ["No export: these parameters are not valid.", ""]
        lines += [f"- {e['label']}: {e['message']}" for e in _errors(filterset)]
        lines += ["", "The export takes the same parameters as the findings page (/findings/)."]
        return HttpResponseBadRequest(
            "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
        )
    filename = f"findings-{timezone.localdate():%Y-%m-%d}.{fmt}"
    rows = _export_rows(
        filterset.qs, reduced_precision=fmt == "csv", finding_link=_finding_link_maker(request)
    )
    if fmt == "csv":
        return csv_response(filename=filename, columns=EXPORT_COLUMNS, rows=rows)
    return xlsx_response(
        filename=filename, columns=EXPORT_COLUMNS, rows=rows, sheet_name="Findings"
    )


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_export_csv(request: HttpRequest) -> HttpResponse:
    return cached_export(request, "findings-csv", lambda: _export(request, "csv"))


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_export_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")
