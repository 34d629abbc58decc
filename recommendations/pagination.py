"""Pages of the findings list at national scale (300,000 rows): counted once per version of the
record, and read without sorting every row: by report (GroupedPaginator) or, when the rows with
a status come first, in the order of an index (StatusRowsFirstPaginator)."""

from array import array
from bisect import bisect_right
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.functional import cached_property

from recommendations.filters.rows import GROUP_FACTS, SortGroups
from recommendations.freshness import RecordVersion, cached


def cached_count(queryset: QuerySet, version: RecordVersion, key: str | None = None) -> int:
    """queryset.count(), computed once per version of the record (recommendations.freshness):
    counting 300,000 finding rows takes longer than fetching a page of them. Exact. Named by
    `key` if the caller gives one that says all the count depends on, else by its SQL."""
    if key is None:
        sql, params = queryset.order_by().query.sql_with_params()
        key = f"finding-list-count\0{sql}\0{params!r}"
    return cached(key, version, queryset.count)


def page_bounds(paginator: Paginator, number) -> tuple[int, int, int]:
    """The page's number, validated, and the positions of its first row and past its last, as
    Paginator.page works them out (the last page takes the orphans)."""
    number = paginator.validate_number(number)
    bottom = (number - 1) * paginator.per_page
    top = bottom + paginator.per_page
    if top + paginator.orphans >= paginator.count:
        top = paginator.count
    return number, bottom, top


class CachedCountPaginator(Paginator):
    def __init__(
        self, object_list, per_page, *, version: RecordVersion, key: str | None = None, **kwargs
    ) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.version = version
        self.key = key

    @cached_property
    def count(self) -> int:
        return cached_count(self.object_list, self.version, self.key)


class StatusRowsFirstPaginator(CachedCountPaginator):
    """For a sort order in which every row with a status comes before every row without one
    (oldest status first, then other sorts: recommendations.filters.status_rows_come_first;
    the oldest status first alone is read by GroupedPaginator).

    The rows are findings LEFT JOINed to their statuses, and the sort key, the status date, is
    on the optional side of that join: no index can give that order, so the database joined and
    sorted all 317,000 rows for each page (240 ms at scale 10). Read apart, the rows with a
    status are an inner join that PostgreSQL walks in the order of the index on the status date
    and stops after a page (a few ms); the rows without a status (good practice, statuses never
    opened) are read only for the pages that reach them, after the last row with a status.
    The index is walked row by row, from the start or, for the later half of the pages,
    backwards from the end, so a page costs in proportion to its distance from the nearer end
    (at scale 10: page 1 about 40 ms, page 100 70 ms, the middle page 1.5 s; sorting everything
    for a page took 250 ms for page 1 and 1.3-2.7 s for any page past the 100th, when the
    sorted rows outgrow PostgreSQL's work_mem). The pages are exactly those of the whole
    queryset in its order (a test compares them)."""

    def __init__(self, object_list: QuerySet, per_page, *, version: RecordVersion, **kwargs):
        super().__init__(object_list, per_page, version=version, **kwargs)
        self.with_status = object_list.filter(row_status_pk__isnull=False)
        self.without_status = object_list.filter(row_status_pk__isnull=True)

    @cached_property
    def with_status_count(self) -> int:
        return cached_count(self.with_status, self.version)

    def page(self, number) -> Page:
        number, bottom, top = page_bounds(self, number)
        split = self.with_status_count
        rows = []
        if bottom < split:
            end = min(top, split)
            if bottom <= split - end:
                rows += self.with_status[bottom:end]
            else:  # nearer the end: the same rows, read in the reverse order
                rows += list(self.with_status.reverse()[split - end : split - bottom])[::-1]
        if top > split:
            rows += self.without_status[max(bottom - split, 0) : top - split]
        return self._get_page(rows, number, self)


@dataclass(frozen=True)
class _Groups:
    """The groups in order, compactly (a cached value is read back on every page, and the
    force sort has 100,000 groups at scale 10): runs of equal leads (each lead's value and its
    first group), and per group its report and the number of rows up to and including it."""

    leads: list
    lead_starts: array
    reports: array
    ends: array

    def lead(self, group: int) -> object:
        return self.leads[bisect_right(self.lead_starts, group) - 1]


class GroupedPaginator(Paginator):
    """For a sort order in which every term before the report's id is the sort's key or a fact
    of the report (the findings list's single sorts), so the rows of one report and key are
    consecutive; or, for the oldest status first, whose key alone makes small groups, in which
    the rows of one key are (recommendations.filters.sort_groups).

    Sorted by force or status, each page joined and sorted all 317,000 rows (0.4-1.9 s at
    scale 10); in report order, the index on reports is walked from the start, so page 5,000
    read 125,000 rows (0.4 s). Instead, once per version of the record, one GROUP BY counts
    the rows of each report and key in order (cached, like the count, which is their sum); a
    page then reads only the few groups its rows fall in (WHERE key = v AND report IN (...),
    found through the index on findings' report), from the right offset within the first.
    Sorted by age, a status date's rows are read through the index on the date; the last
    group, no date, is read whole (0.13 s at scale 10, for the last page or two).
    The pages are exactly those of the whole queryset in its order (a test compares them)."""

    def __init__(self, object_list: QuerySet, per_page, *, version, groups: SortGroups, **kw):
        super().__init__(object_list, per_page, **kw)
        self.version = version
        self.sort_groups = groups

    @cached_property
    def groups(self) -> _Groups:
        queryset = self.object_list.order_by()
        fields = []
        if self.sort_groups.lead is not None:
            queryset = queryset.annotate(group_lead=self.sort_groups.lead)
            fields.append("group_lead")
        if self.sort_groups.by_report:
            queryset = queryset.alias(**GROUP_FACTS)
            fields.append("inspection_id")
        grouped = (
            queryset.values_list(*fields)
            .annotate(rows=Count("*"))
            .order_by(*self.sort_groups.order)
        )
        sql, params = grouped.query.sql_with_params()

        def compute() -> _Groups:
            leads, lead_starts, reports, ends, total = [], array("q"), array("q"), array("q"), 0
            for *key, rows in grouped:
                lead = key[0] if self.sort_groups.lead is not None else None
                report = key[-1] if self.sort_groups.by_report else 0
                if not leads or leads[-1] != lead:
                    leads.append(lead)
                    lead_starts.append(len(reports))
                total += rows
                reports.append(report)
                ends.append(total)
            return _Groups(leads, lead_starts, reports, ends)

        return cached(f"finding-list-groups\0{sql}\0{params!r}", self.version, compute)

    @cached_property
    def count(self) -> int:
        return self.groups.ends[-1] if self.groups.ends else 0

    def page(self, number) -> Page:
        number, bottom, top = page_bounds(self, number)
        if top <= bottom:
            return self._get_page([], number, self)
        groups = self.groups
        first = bisect_right(groups.ends, bottom)
        last = bisect_right(groups.ends, top - 1)
        start = groups.ends[first - 1] if first else 0
        # The groups of the page, as (key = v AND report IN (...)) for each key among them.
        by_lead: dict = {}
        for group in range(first, last + 1):
            by_lead.setdefault(groups.lead(group), []).append(groups.reports[group])
        condition = Q()
        for lead, reports in by_lead.items():
            part = Q(inspection_id__in=reports) if self.sort_groups.by_report else Q()
            if self.sort_groups.lead is not None:
                part &= Q(group_lead__isnull=True) if lead is None else Q(group_lead=lead)
            condition = condition | part if condition else part
        rows = self.object_list
        if self.sort_groups.lead is not None:
            rows = rows.alias(group_lead=self.sort_groups.lead)
        rows = rows.filter(condition)[bottom - start : top - start]
        return self._get_page(list(rows), number, self)


def page_or_nearest(paginator: Paginator, raw: str | None) -> tuple[Page, str | None]:
    """The requested page of a list (the findings list, the tracker), or the nearest one that
    exists with a note saying so: a bookmarked page number past the end after rows were closed
    shows the last page and says why, never an error or a silent jump."""
    if raw in (None, ""):
        return paginator.page(1), None
    try:
        requested = int(raw)
    except ValueError:
        requested = 0
    if requested < 1:
        return paginator.page(1), "That page number is not valid: showing the first page."
    if requested > paginator.num_pages:
        note = f"There are only {paginator.num_pages} pages: showing the last page."
        if paginator.num_pages == 1:
            note = "There is only one page of results: showing it."
        return paginator.page(paginator.num_pages), note
    return paginator.page(requested), None
