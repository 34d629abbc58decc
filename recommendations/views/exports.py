"""The findings list's CSV and XLSX exports: the rows on screen, streamed in chunks."""

import datetime
from collections.abc import Callable, Iterator
from itertools import islice

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from inspections.models import Inspection
from peel_tracker.exports import FORMULA_PREFIXES, Column, list_export, streamed_values
from recommendations import selectors
from recommendations.filters import FindingFilter
from recommendations.models import Finding
from recommendations.page_cache import cached_export
from recommendations.views.findings_list import KIND_LABELS, STATUS_LABELS, filter_errors

EXPORT_CHUNK_ROWS = 2000

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


def finding_link_maker(request: HttpRequest) -> Callable[[int], str]:
    """A function giving the absolute URL of a finding's page, for the host and scheme the
    request came by. The URL is reversed once, not for each of 300,000 rows: the id is put in
    place of a marker."""
    marker = 987654321
    template = request.build_absolute_uri(reverse("recommendations:detail", args=[marker]))
    before, after = template.rsplit(str(marker), 1)
    return lambda pk: f"{before}{pk}{after}"


def _export_rows(queryset, *, csv: bool, finding_link: Callable[[int], str]) -> Iterator[tuple]:
    """The rows, streamed (peel_tracker.exports.streamed_values), with one query per chunk of
    EXPORT_CHUNK_ROWS for the chunk's themes. For CSV, a month- or year-precise date is
    written as such and only the columns that can hold free text are guarded against formulas
    (csv_response(guarded=True)); the others are labels, dates and numbers. What is the
    finding's is worked out once for the rows it has, one per force, which come together."""
    guard = _guard if csv else _as_is
    values = streamed_values(queryset, EXPORT_FIELDS, EXPORT_CHUNK_ROWS)
    last_pk = None
    head: tuple = ()
    tail: tuple = ()
    while chunk := list(islice(values, EXPORT_CHUNK_ROWS)):
        themes = selectors.finding_theme_names({row[0] for row in chunk})
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
            if pk != last_pk:
                last_pk = pk
                earlier = None
                if earlier_pk is not None:
                    # The earlier finding's report, then the finding as Finding.__str__ shows.
                    shown = Finding(
                        kind=earlier_kind, reference=earlier_reference, text=earlier_text
                    )
                    earlier = guard(f"{earlier_title}: {shown}")
                head = (
                    guard(title),
                    INSPECTION_KIND_LABELS[inspection_kind],
                    _published(published_on, precision, reduced_precision=csv),
                    guard(area_name),
                    KIND_LABELS[kind],
                    guard(reference),
                    guard(text),
                    guard(themes.get(pk, "")),
                )
                tail = (earlier, pk, finding_link(pk))
            yield (
                guard(force_name),
                *head,
                STATUS_LABELS.get(status),
                status_since,
                guard(last_note),
                *tail,
            )


def _guard(text: str | None) -> str | None:
    """peel_tracker.exports.neutralise for a text column (or None)."""
    return "'" + text if text and text.startswith(FORMULA_PREFIXES) else text


def _as_is(text: str | None) -> str | None:
    return text


def _refusal(filterset: FindingFilter) -> list[str]:
    return [
        "No export: these parameters are not valid.",
        "",
        *(f"- {e['label']}: {e['message']}" for e in filter_errors(filterset)),
        "",
        "The export takes the same parameters as the findings page (/findings/).",
    ]


def findings_export(request: HttpRequest, fmt: str, params: QueryDict) -> HttpResponse:
    """The findings list's rows for these parameters as a CSV or XLSX file (a saved view's
    export gives its stored query string here)."""
    finding_link = finding_link_maker(request)
    return list_export(
        selectors.finding_filter(params),
        fmt,
        name="findings",
        day=timezone.localdate(),
        columns=EXPORT_COLUMNS,
        rows=lambda rows: _export_rows(rows, csv=fmt == "csv", finding_link=finding_link),
        guarded=True,
        sheet_name="Findings",
        refusal=_refusal,
    )


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_export_csv(request: HttpRequest) -> HttpResponse:
    return cached_export(
        request, "findings-csv", lambda: findings_export(request, "csv", request.GET)
    )


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_export_xlsx(request: HttpRequest) -> HttpResponse:
    return findings_export(request, "xlsx", request.GET)
