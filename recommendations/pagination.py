"""Pages of the findings list at national scale (300,000 rows): counted once per version of the
record, and, when the rows with a status come first, read without sorting every row."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from recommendations.freshness import RecordVersion, cached


def cached_count(queryset: QuerySet, version: RecordVersion, key: str | None = None) -> int:
    """queryset.count(), computed once per version of the record (recommendations.freshness):
    counting 300,000 finding rows takes longer than fetching a page of them. Exact. Named by
    `key` if the caller gives one that says all the count depends on, else by its SQL."""
    if key is None:
        sql, params = queryset.order_by().query.sql_with_params()
        key = f"finding-list-count\0{sql}\0{params!r}"
    return cached(key, version, queryset.count)


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
    (oldest status first: recommendations.filters.status_rows_come_first).

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
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
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
