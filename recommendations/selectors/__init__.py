"""Reads: the querysets and read functions the pages, the exports and the admin call (writes
are in recommendations/services/; reads of forces, frameworks and reports alone are in
inspections.selectors). Views parse the request, call these and render. A module each:
`findings` (the findings list's rows, its themes, a finding's page and its status history),
`tracker` (the 56-day tracker's rows), `reports` (what a force's page and a report's page show
of findings and responses), `overview` (the dashboard's and those pages' summaries),
`api_tokens` (a token by its key), `saved_views` (the saved views a person may open) and
`watching` (what a person watches); every name is importable from here."""

from recommendations.selectors import overview
from recommendations.selectors.api_tokens import active_api_token
from recommendations.selectors.findings import (
    finding_filter,
    finding_history_rows,
    finding_page_queryset,
    finding_rows,
    finding_theme_lists,
    finding_theme_names,
    finding_visible,
    themes_by_name,
)
from recommendations.selectors.overview import (
    GradeMatrix,
    ResponsesDue,
    finding_status_summary,
    findings_closed_per_year,
    findings_opened_per_year,
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
    explainable_findings,
    findings_by_id,
    force_response,
    force_responses,
    report_findings,
    report_judgments,
    report_responses,
    response_unexplained_findings,
)
from recommendations.selectors.saved_views import (
    PAGE_PERMISSIONS,
    normalised_query,
    page_filterset,
    query_problems,
    saved_view_visible,
    saved_views_visible,
)
from recommendations.selectors.tracker import tracker_filter, tracker_queryset
from recommendations.selectors.watching import is_watching, watched_findings, watched_saved_views

__all__ = [
    "PAGE_PERMISSIONS",
    "normalised_query",
    "page_filterset",
    "query_problems",
    "saved_view_visible",
    "saved_views_visible",
    "GradeMatrix",
    "ResponsesDue",
    "active_api_token",
    "explainable_findings",
    "finding_filter",
    "finding_history_rows",
    "finding_page_queryset",
    "finding_rows",
    "finding_status_summary",
    "finding_theme_lists",
    "finding_theme_names",
    "finding_visible",
    "findings_by_id",
    "findings_closed_per_year",
    "findings_opened_per_year",
    "force_response",
    "force_responses",
    "grade_counts",
    "grade_matrices",
    "is_watching",
    "national_summary",
    "oldest_open_findings",
    "open_findings_by_area",
    "open_findings_by_force",
    "open_findings_by_kind",
    "overview",
    "report_findings",
    "report_judgments",
    "report_responses",
    "response_unexplained_findings",
    "responses_due",
    "themes_by_name",
    "tracker_filter",
    "tracker_queryset",
    "watched_findings",
    "watched_saved_views",
]
