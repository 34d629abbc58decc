"""The orders the findings list's rows (recommendations.selectors.finding_rows: one per finding
and force status) sort in."""

from django.db.models import Case, F, IntegerField, Value, When
from django_filters import OrderingFilter

from recommendations.models import Finding, Status
from recommendations.sorting import SortColumn


def _rank(field: str, values: list[str]) -> Case:
    """Sort key following the order of the choices (not the alphabet); None sorts last."""
    return Case(
        *(When(**{field: value}, then=Value(index)) for index, value in enumerate(values)),
        default=Value(None),
        output_field=IntegerField(),
    )


NO_STATUS_LAST = Case(
    When(row_status_pk__isnull=True, then=Value(1)), default=Value(0), output_field=IntegerField()
)
PUBLISHED_NEWEST = F("inspection__published_on").desc(nulls_last=True)
PUBLISHED_OLDEST = F("inspection__published_on").asc(nulls_last=True)
# Report order within a report, then force; the status pk makes every row's key unique so
# pages never repeat or skip a row.
TIE_BREAK = (
    "inspection__title",
    "inspection_id",
    "position",
    F("row_force_name").asc(nulls_last=True),
    F("row_status_pk").asc(nulls_first=True),
)
DEFAULT_SORT = "-published"
# The `sort` allow-list: value -> (label, ORDER BY). Whatever the sort key, rows that have no
# value for it (no date, no status, no force) come last.
SORTS = {
    "-published": ("Newest report first", (PUBLISHED_NEWEST,)),
    "published": ("Oldest report first", (PUBLISHED_OLDEST,)),
    "force": ("Force (A to Z)", (F("row_force_name").asc(nulls_last=True), PUBLISHED_NEWEST)),
    "status": (
        "Status",
        (_rank("row_status", Status.values).asc(nulls_last=True), PUBLISHED_NEWEST),
    ),
    # A status whose date is not stated comes after the dated ones and before the rows without
    # any status, so the rows with a status come first: StatusRowsFirstPaginator reads them
    # alone, in the order of an index on the status date, rather than sorting every row.
    "age": (
        "Oldest status first",
        (F("row_status_since").asc(nulls_last=True), NO_STATUS_LAST, PUBLISHED_OLDEST),
    ),
    "kind": ("Kind", (_rank("kind", Finding.Kind.values).asc(nulls_last=True), PUBLISHED_NEWEST)),
}

# The column headings of the list that sort it (recommendations.sorting): the sorts each
# offers, the first chosen by a click, and each sort's direction for aria-sort.
SORT_COLUMNS = {
    "finding": SortColumn(("kind",)),
    "force": SortColumn(("force",)),
    "report": SortColumn(("-published", "published")),
    "status": SortColumn(("status",)),
    "since": SortColumn(("age",)),
}
SORT_DIRECTIONS = {
    "-published": "descending",
    "published": "ascending",
    "force": "ascending",
    "status": "ascending",
    "age": "ascending",
    "kind": "ascending",
}


class FindingSortFilter(OrderingFilter):
    """`sort` from the SORTS allow-list. Several comma-separated values sort by each in turn;
    the tie-break comes last so the order is total."""

    def __init__(self, **kwargs):
        kwargs["choices"] = [(key, label) for key, (label, _) in SORTS.items()]
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        keys = [key for param in value if param for key in SORTS[param][1]]
        return qs.order_by(*keys, *TIE_BREAK) if keys else qs


def status_rows_come_first(sort: list[str] | None) -> bool:
    """Whether, in this sort order, every row with a status comes before every row without
    one (so the two can be read separately: see StatusRowsFirstPaginator)."""
    first = next((param for param in sort or [] if param), None)
    return first == "age"
