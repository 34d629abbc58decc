"""The recommendations app's admin, one module per model; importing this package registers them
(and the inspections' admin kept in recommendations/inspection_admin.py)."""

# Imported in this order so the admins are registered in the order they were declared.
# isort: off
from recommendations import inspection_admin  # noqa: F401 - registers the inspections' admin
from recommendations.admin.read_only import ReadOnlyAdminMixin
from recommendations.admin.themes import ThemeAdmin
from recommendations.admin.findings import FindingAdmin, FindingStatusInline
from recommendations.admin.statuses import (
    FindingStatusAdmin,
    StatusChangeAdmin,
    StatusHistoryInline,
)
from recommendations.admin.responses import (
    ExplanationFormSet,
    FindingChoiceField,
    FindingExplanationInline,
    ResponseAdmin,
    ResponseAdminForm,
    ResponseStateFilter,
    unexplained_findings,
)
from recommendations.admin.explanations import FindingExplanationAdmin
from recommendations.admin.reminders import ReminderLogAdmin
from recommendations.admin.api_tokens import ApiTokenAdmin
# isort: on

__all__ = [
    "ApiTokenAdmin",
    "ExplanationFormSet",
    "FindingAdmin",
    "FindingChoiceField",
    "FindingExplanationAdmin",
    "FindingExplanationInline",
    "FindingStatusAdmin",
    "FindingStatusInline",
    "ReadOnlyAdminMixin",
    "ReminderLogAdmin",
    "ResponseAdmin",
    "ResponseAdminForm",
    "ResponseStateFilter",
    "StatusChangeAdmin",
    "StatusHistoryInline",
    "ThemeAdmin",
    "unexplained_findings",
]
