"""The findings list (/findings/) and its exports: which rows there are, how they are filtered
and how they are sorted.

Rows. A finding is tracked per force (FindingStatus), so the list shows one row per finding
and force: the finding with that force's current status. Good practice (notable, innovative,
promising) has no status rows, yet analysts must be able to find it, so the rows are findings
LEFT JOINed to their statuses: every FindingStatus row, plus one row with no status ("—") for
each finding that has none (good practice; also any trackable finding whose statuses have not
been opened, rather than hiding it). One SQL query, so it paginates, counts, sorts and exports
like any queryset. A status filter (open, closed or one status) therefore leaves good practice
out: it has no status to match. The force filter matches a status row by its force, and a row
without status by the report's force or, for a national report, the forces it applies to.

The join is a FilteredRelation alias ("current") whose columns are annotated (row_*). Filters
use those annotations, never `current__…` lookups: Django adds a second join for a lookup on a
multi-valued relation in a later filter() call, which would multiply and mismatch the rows.

The rows themselves are a read, recommendations.selectors.finding_rows (built by
rows.rows_with_statuses, which the force filter builds again). A module each for the
rows' sorts, the checked fields, and the FindingFilter; every name is importable from here.
"""

from recommendations.filters.fields import (
    ID_RE,
    SLUG_MAX_LENGTH,
    AreaField,
    AreaFilter,
    IdModelChoiceField,
    IdModelChoiceFilter,
    PublishedRangeForm,
    SlugModelChoiceField,
    SlugModelChoiceFilter,
    SlugModelMultipleChoiceField,
    SlugModelMultipleChoiceFilter,
)
from recommendations.filters.findings import (
    CARRIED_FORWARD_CHOICES,
    DATE_ERRORS,
    ISO_DATE_FORMATS,
    Q_MAX_LENGTH,
    STATUS_CHOICES,
    STATUS_GROUPS,
    FindingFilter,
    search_terms,
)
from recommendations.filters.rows import (
    DEFAULT_SORT,
    NO_STATUS_LAST,
    PUBLISHED_NEWEST,
    PUBLISHED_OLDEST,
    SORT_COLUMNS,
    SORT_DIRECTIONS,
    SORTS,
    TIE_BREAK,
    FindingSortFilter,
    SortGroups,
    rows_with_statuses,
    sort_groups,
    status_rows_come_first,
)

__all__ = [
    "CARRIED_FORWARD_CHOICES",
    "DATE_ERRORS",
    "DEFAULT_SORT",
    "ID_RE",
    "ISO_DATE_FORMATS",
    "NO_STATUS_LAST",
    "PUBLISHED_NEWEST",
    "PUBLISHED_OLDEST",
    "Q_MAX_LENGTH",
    "SLUG_MAX_LENGTH",
    "SORTS",
    "SORT_COLUMNS",
    "SORT_DIRECTIONS",
    "STATUS_CHOICES",
    "STATUS_GROUPS",
    "TIE_BREAK",
    "AreaField",
    "AreaFilter",
    "FindingFilter",
    "FindingSortFilter",
    "IdModelChoiceField",
    "IdModelChoiceFilter",
    "PublishedRangeForm",
    "SlugModelChoiceField",
    "SlugModelChoiceFilter",
    "SlugModelMultipleChoiceField",
    "SlugModelMultipleChoiceFilter",
    "SortGroups",
    "rows_with_statuses",
    "search_terms",
    "sort_groups",
    "status_rows_come_first",
]
