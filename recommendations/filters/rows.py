"""The orders the findings list's rows (recommendations.selectors.finding_rows: one per finding
and force status) sort in."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Expression,
    F,
    FilteredRelation,
    IntegerField,
    Min,
    OrderBy,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django_filters import OrderingFilter

from inspections.models import Force
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

# The sorts whose order reads no status's value, only whether a row has a status and its force:
# recording a status leaves their pages' bounds as they were (FindingFilter.reads_status_values).
SORTS_IGNORING_STATUS_VALUES = frozenset({"-published", "published", "force", "kind"})

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


def rows_with_statuses(*, forces: Sequence[Force] | None = None) -> QuerySet[Finding]:
    """selectors.finding_rows: findings LEFT JOINed to their statuses, as rows annotated
    row_*. With forces, only the statuses of those forces are joined (the force filter:
    FindingFilter.filter_force), so the database reads them through the index on the statuses'
    force rather than joining every status and discarding most; a finding without a status of
    those forces is then one row without status, whatever statuses it has."""
    if forces is None:
        condition = Q()
        status_force_name, status_force_slug = F("current__force__name"), F("current__force__slug")
    else:
        condition = Q(statuses__force_id__in=[force.pk for force in forces])
        # The status's force is one of those given: its name and slug are known. (Joining the
        # forces for them misplaces that join before the statuses' in Django 5.2, when the
        # FilteredRelation's condition names the force: "missing FROM-clause entry".)
        status_force_name = _force_value(forces, "name")
        status_force_slug = _force_value(forces, "slug")
    return (
        Finding.objects.alias(current=FilteredRelation("statuses", condition=condition))
        .annotate(
            row_status_pk=F("current__id"),
            row_status=F("current__status"),
            row_status_since=F("current__status_since"),
            row_last_note=F("current__last_note"),
            row_force_pk=F("current__force_id"),
            # A national body's own status row shows the body's name (and links nowhere).
            row_force_name=Coalesce(
                status_force_name,
                F("current__national_body__name"),
                F("inspection__force__name"),
            ),
            row_force_slug=Case(
                When(current__national_body__isnull=False, then=Value(None)),
                default=Coalesce(status_force_slug, F("inspection__force__slug")),
                output_field=CharField(),
            ),
        )
        .select_related("inspection", "inspection__force", "area")
        .order_by(*SORTS[DEFAULT_SORT][1], *TIE_BREAK)
    )


def _force_value(forces: Sequence[Force], attribute: str) -> Case:
    return Case(
        *(
            When(current__force_id=force.pk, then=Value(getattr(force, attribute)))
            for force in forces
        ),
        default=Value(None),
        output_field=CharField(),
    )


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


# A report's date and title over the rows of a group: each group is one report's, so these are
# its date and title (GroupedPaginator sorts the groups by them).
GROUP_FACTS = {
    "group_published": Min("inspection__published_on"),
    "group_title": Min("inspection__title"),
}


@dataclass(frozen=True)
class SortGroups:
    """How a sort's rows fall into groups that are consecutive in its order
    (pagination.GroupedPaginator): per value of `lead`, the sort's own key, if it has one, and,
    if by_report, per report. `order` sorts the groups as the rows sort: "group_lead" (the
    lead), then the report's facts through aggregates (the Min of a report's date is its date),
    then its id."""

    lead: Expression | None
    order: tuple[OrderBy, ...]
    by_report: bool = True


def _report_order(published: OrderBy) -> tuple[OrderBy, ...]:
    """The report terms of a sort (its date, then TIE_BREAK's title and id) over groups:
    "group_published" and "group_title" are GROUP_FACTS."""
    return (
        OrderBy(F("group_published"), **_direction(published)),
        F("group_title").asc(),
        F("inspection_id").asc(),
    )


def _direction(term: OrderBy) -> dict:
    return {
        "descending": term.descending,
        "nulls_first": term.nulls_first,
        "nulls_last": term.nulls_last,
    }


def sort_groups(sort: list[str] | None) -> SortGroups | None:
    """The groups of an offered sort chosen alone (the default too). Before TIE_BREAK's report
    id, each sorts only by its own key and by the report's date and title, so the rows of one
    key and report are consecutive; but the oldest status first, whose key (the status date)
    has 4,700 values at scale 10, would have a group for nearly every row and report, so its
    groups are its dates alone (the rows of one date are consecutive; a date has some 70).
    None for several sorts combined: a second sort's key would interleave the rows of reports
    published on the same day (or of statuses of one date)."""
    chosen = [param for param in sort or [] if param] or [DEFAULT_SORT]
    if len(chosen) != 1:
        return None
    terms = SORTS[chosen[0]][1]
    if chosen[0] == "age":
        since = terms[0]
        return SortGroups(
            since.expression, (OrderBy(F("group_lead"), **_direction(since)),), by_report=False
        )
    *lead, published = terms
    if not lead:
        return SortGroups(None, _report_order(published))
    (lead_term,) = lead
    return SortGroups(
        lead_term.expression,
        (OrderBy(F("group_lead"), **_direction(lead_term)), *_report_order(published)),
    )
