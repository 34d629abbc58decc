"""The recommendations app's models, one module per subject; every name is importable from here."""

# Imported in this order so Django registers the models in the order they were declared.
# isort: off
from recommendations.models.themes import Theme, ThemeManager
from recommendations.models.findings import (
    Finding,
    FindingKind,
    FindingManager,
    FindingQuerySet,
    ForceScope,
    HistoricalFinding,
    HistoricalFinding_named_forces,
    HistoricalFinding_national_bodies,
    HistoricalFinding_themes,
)
from recommendations.models.statuses import (
    AppendOnlyError,
    FindingStatus,
    FindingStatusManager,
    FindingStatusQuerySet,
    Status,
    StatusChange,
    StatusChangeQuerySet,
    StatusSource,
)
from recommendations.models.response_states import (
    DUE_SOON_DAYS,
    ResponseQuerySet,
    ResponseState,
    SubqueryCount,
)
from recommendations.models.responses import HistoricalResponse, Response, ResponseManager
from recommendations.models.explanations import FindingExplanation, HistoricalFindingExplanation
from recommendations.models.reminders import ReminderLog
from recommendations.models.api_tokens import ApiToken, ApiTokenQuerySet
from recommendations.models.saved_views import (
    DigestSubscription,
    SavedView,
    SavedViewQuerySet,
    Watch,
    WatchQuerySet,
)
# isort: on

# django-simple-history names a history model declared in a models package after the app
# ("recommendations"), where nothing can import it (the shell's auto-imports, pickling): give
# them back this module, where they are re-exported above, as when the models were one module.
for _history_model in (
    HistoricalFinding,
    HistoricalFinding_named_forces,
    HistoricalFinding_national_bodies,
    HistoricalFinding_themes,
    HistoricalResponse,
    HistoricalFindingExplanation,
):
    _history_model.__module__ = __name__

__all__ = [
    "ApiToken",
    "ApiTokenQuerySet",
    "DUE_SOON_DAYS",
    "DigestSubscription",
    "AppendOnlyError",
    "Finding",
    "FindingExplanation",
    "FindingKind",
    "FindingManager",
    "FindingQuerySet",
    "FindingStatus",
    "FindingStatusManager",
    "FindingStatusQuerySet",
    "ForceScope",
    "HistoricalFinding",
    "HistoricalFindingExplanation",
    "HistoricalFinding_named_forces",
    "HistoricalFinding_national_bodies",
    "HistoricalFinding_themes",
    "HistoricalResponse",
    "ReminderLog",
    "SavedView",
    "SavedViewQuerySet",
    "Response",
    "ResponseManager",
    "ResponseQuerySet",
    "ResponseState",
    "Status",
    "StatusChange",
    "StatusChangeQuerySet",
    "StatusSource",
    "SubqueryCount",
    "Theme",
    "ThemeManager",
    "Watch",
    "WatchQuerySet",
]
