"""Reads of the 56-day tracker: its rows, for its page and its exports."""

from datetime import date

from django.http import QueryDict

from recommendations.models import Response, ResponseQuerySet
from recommendations.tracker import DEFAULT_SORT, ordered
from recommendations.tracker_filters import ResponseTrackerFilter


def tracker_queryset(today: date) -> ResponseQuerySet:
    """Every response with its report and force, state and counts, soonest deadline first."""
    return ordered(
        Response.objects.with_related().with_state(today).with_finding_counts(), DEFAULT_SORT
    )


def tracker_filter(params: QueryDict, *, today: date) -> ResponseTrackerFilter:
    """The tracker's rows filtered and sorted by the query string: the page and both exports
    read these same rows."""
    return ResponseTrackerFilter(params, queryset=tracker_queryset(today))
