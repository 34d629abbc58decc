"""Analysts' pages: the findings list, a finding's page, and the list's CSV and XLSX exports.
Everyone signed in with a role (administrator, OPCC editor, analyst) may read every force's
record; editing happens in the admin, to which a finding's page links those who may record a
status. A module each; the views and the list's parameters are importable from here."""

from recommendations.views.exports import (
    EXPORT_COLUMNS,
    EXPORT_FIELDS,
    INSPECTION_KIND_LABELS,
    finding_export_csv,
    finding_export_xlsx,
)
from recommendations.views.finding_page import finding_detail
from recommendations.views.findings_list import (
    ERROR_SHOWN_CHARS,
    FILTER_PARAMS,
    KIND_LABELS,
    PAGE_SIZE,
    REPEATABLE_PARAMS,
    STATUS_LABELS,
    finding_list,
    finding_list_report_choices,
)

__all__ = [
    "ERROR_SHOWN_CHARS",
    "EXPORT_COLUMNS",
    "EXPORT_FIELDS",
    "FILTER_PARAMS",
    "INSPECTION_KIND_LABELS",
    "KIND_LABELS",
    "PAGE_SIZE",
    "REPEATABLE_PARAMS",
    "STATUS_LABELS",
    "finding_detail",
    "finding_export_csv",
    "finding_export_xlsx",
    "finding_list",
    "finding_list_report_choices",
]
