"""Writes with rules: status changes (with their permanent history), opening the tracking
rows (statuses and responses) a report creates for each force it applies to, and saving a
response under the s.55(5B) completeness rule. A module each; every service is importable
from here."""

from recommendations.services.api_tokens import (
    api_token_create,
    api_token_revoke,
    api_token_touch,
)
from recommendations.services.responses import (
    check_response_completeness,
    response_save,
    unexplained_message,
)
from recommendations.services.saved_views import (
    saved_view_create,
    saved_view_delete,
    saved_view_update,
)
from recommendations.services.statuses import (
    check_status_change,
    finding_status_change,
    finding_statuses_bulk_change,
)
from recommendations.services.tracking import (
    NOT_APPLYING_REASON,
    OPENING_NOTE,
    inspection_open_tracking,
)
from recommendations.services.watching import (
    digest_frequency_set,
    finding_unwatch,
    finding_watch,
    saved_view_unwatch,
    saved_view_watch,
)

__all__ = [
    "saved_view_create",
    "saved_view_delete",
    "saved_view_update",
    "NOT_APPLYING_REASON",
    "OPENING_NOTE",
    "api_token_create",
    "api_token_revoke",
    "api_token_touch",
    "check_response_completeness",
    "check_status_change",
    "digest_frequency_set",
    "finding_status_change",
    "finding_statuses_bulk_change",
    "finding_unwatch",
    "finding_watch",
    "inspection_open_tracking",
    "response_save",
    "saved_view_unwatch",
    "saved_view_watch",
    "unexplained_message",
]
