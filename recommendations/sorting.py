"""Sorting a list by its column headings: each sortable heading is a link to the same list with
another `sort` (one of the list's allow-listed values), every filter kept and the page number
dropped, and the heading of the current sort says so with aria-sort. The findings list
(recommendations/views/findings_list.py) and the tracker (recommendations/tracker_views.py) use
it; the exports read the same `sort`, so they follow the order the headings chose."""

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class SortColumn:
    """A sortable column: the `sort` values it offers, the first one a click on it chooses; a
    click on the current one chooses the next (so a column with both directions reverses)."""

    sorts: tuple[str, ...]


@dataclass(frozen=True)
class SortHeading:
    url: str
    # "ascending" or "descending" on the current sort's heading, else None (no aria-sort).
    aria_sort: str | None
    # What following the link does, for screen readers: "Oldest report first".
    action: str


def sort_headings(
    columns: dict[str, SortColumn],
    *,
    current: str,
    directions: dict[str, str],
    labels: dict[str, str],
    params: list[tuple[str, str]],
) -> dict[str, SortHeading]:
    """The heading links of each column, for the list whose current sort is `current` and
    whose other parameters are `params` (the filters, without `sort` and `page`).
    `directions` gives each sort value's direction for aria-sort, `labels` its label."""
    headings = {}
    for name, column in columns.items():
        if current in column.sorts:
            aria_sort = directions[current]
            target = column.sorts[(column.sorts.index(current) + 1) % len(column.sorts)]
        else:
            aria_sort, target = None, column.sorts[0]
        headings[name] = SortHeading(
            url="?" + urlencode([*params, ("sort", target)]),
            aria_sort=aria_sort,
            action=labels[target],
        )
    return headings
