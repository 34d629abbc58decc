"""Reads of the 56-day tracker: its rows, for its page and its exports."""

from datetime import date

from django.http import QueryDict

from recommendations.freshness import RecordVersion, cached
from recommendations.models import Response, ResponseQuerySet
from recommendations.tracker import DEFAULT_SORT, ordered
from recommendations.tracker_filters import ResponseTrackerFilter, years_owing_response


def tracker_queryset(today: date) -> ResponseQuerySet:
    """Every response with its report and force, state and counts, soonest deadline first."""
    return ordered(
        Response.objects.with_related().with_state(today).with_finding_counts(), DEFAULT_SORT
    )


def tracker_filter(
    params: QueryDict, *, today: date, version: RecordVersion | None = None
) -> ResponseTrackerFilter:
    """The tracker's rows filtered and sorted by the query string: the page and both exports
    read these same rows. Given the record's `version`, the year filter's choices come from
    the cache (tracker_years)."""
    years = tracker_years(version) if version is not None else None
    return ResponseTrackerFilter(params, queryset=tracker_queryset(today), years=years)


def tracker_years(version: RecordVersion) -> list[str]:
    """The years the tracker's year filter offers (tracker_filters.years_owing_response), kept
    until reports or responses change: the tracker page read them on every request. Reports
    are RecordVersion.reports, responses part of RecordVersion.others; a status changing
    leaves them kept. One query, none when cached."""
    return cached("tracker-years", (version.reports, version.others), years_owing_response)
