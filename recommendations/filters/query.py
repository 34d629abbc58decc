"""The pages' query strings in a stable form: the known, non-empty parameters in a fixed order,
each value once, without `page` or anything the filters do not read. The findings list builds
its links from it, and a saved view stores it (recommendations.selectors.saved_views), so two
query strings asking the same question are stored alike."""

from django.http import QueryDict

# The findings list's filters (recommendations.filters.FindingFilter), in the order its links
# give them; `sort` follows them.
FINDING_PARAMS = (
    "force",
    "kind",
    "status",
    "area",
    "theme",
    "inspection",
    "published_after",
    "published_before",
    "carried_forward",
    "q",
)
FINDING_REPEATABLE = ("force", "kind")
# The tracker's filters (recommendations.tracker_filters.ResponseTrackerFilter).
TRACKER_PARAMS = (
    "force",
    "state",
    "kind",
    "year",
    "published_after",
    "published_before",
    "incomplete",
)
TRACKER_REPEATABLE = ("force", "state")


def query_pairs(
    query: QueryDict, *, names: tuple[str, ...], repeatable: tuple[str, ...]
) -> list[tuple[str, str]]:
    """The known, non-empty parameters in a stable order (unknown ones and `page` dropped).
    A single-valued parameter keeps its last value, the one the filters read; a repeatable one
    keeps each value once, in the order given."""
    pairs = []
    for name in names:
        values = query.getlist(name) if name in repeatable else [query.get(name)]
        seen = set()
        for value in values:
            if value and value not in seen:
                seen.add(value)
                pairs.append((name, value))
    return pairs


def finding_query_pairs(query: QueryDict, *, with_sort: bool = True) -> list[tuple[str, str]]:
    names = (*FINDING_PARAMS, "sort") if with_sort else FINDING_PARAMS
    return query_pairs(query, names=names, repeatable=FINDING_REPEATABLE)


def tracker_query_pairs(query: QueryDict) -> list[tuple[str, str]]:
    return query_pairs(query, names=(*TRACKER_PARAMS, "sort"), repeatable=TRACKER_REPEATABLE)
