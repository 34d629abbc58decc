"""Reads: the querysets and read functions the pages, the exports and the admin call (writes are
in recommendations/services/). Views parse the request, call these and render. A module each:
`findings` (the findings list's rows, its filters' options, a finding's page), `tracker` (the
56-day tracker's rows), `reports` (a force's page, a report's page) and `overview` (the
dashboard's and those pages' summaries); every name is importable from here."""

from recommendations.selectors import overview
from recommendations.selectors.findings import (
    areas_by_framework,
    finding_filter,
    finding_page_queryset,
    finding_rows,
    finding_theme_names,
    forces_by_name,
    reports_newest_first,
    themes_by_name,
)
from recommendations.selectors.overview import (
    GradeMatrix,
    ResponsesDue,
    finding_status_summary,
    findings_opened_and_closed_per_year,
    grade_counts,
    grade_matrices,
    national_summary,
    oldest_open_findings,
    open_findings_by_area,
    open_findings_by_force,
    open_findings_by_kind,
    responses_due,
)
from recommendations.selectors.reports import (
    force_responses,
    report_findings,
    report_judgments,
    report_page_queryset,
    report_responses,
)
from recommendations.selectors.tracker import tracker_filter, tracker_queryset

__all__ = [
    "GradeMatrix",
    "ResponsesDue",
    "areas_by_framework",
    "finding_filter",
    "finding_page_queryset",
    "finding_rows",
    "finding_status_summary",
    "finding_theme_names",
    "findings_opened_and_closed_per_year",
    "force_responses",
    "forces_by_name",
    "grade_counts",
    "grade_matrices",
    "national_summary",
    "oldest_open_findings",
    "open_findings_by_area",
    "open_findings_by_force",
    "open_findings_by_kind",
    "overview",
    "report_findings",
    "report_judgments",
    "report_page_queryset",
    "report_responses",
    "reports_newest_first",
    "responses_due",
    "themes_by_name",
    "tracker_filter",
    "tracker_queryset",
]
