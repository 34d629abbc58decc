"""The tracker's filters, read from the query string so that a filtered view is a link, and the
exports take the same parameters."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet

from inspections.models import Force, Inspection, InspectionKind
from recommendations.filters import PublishedRangeForm
from recommendations.models import Response
from recommendations.tracker import SORTS, ordered


def _date_filter(lookup_expr: str, label: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        field_name="report_published_on",
        lookup_expr=lookup_expr,
        label=label,
        # A date input sends and expects ISO dates whatever the locale ("2026-12-02").
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": f"“{label}” must be a real date, for example 2019-05-02."},
    )


def years_owing_response() -> list[str]:
    """The years in which reports owing a response were published, newest first. One query,
    of the reports (thousands of rows) rather than their copies on 100,000 responses."""
    owing = Response.objects.filter(inspection=OuterRef("pk"))
    years = Inspection.objects.filter(Exists(owing)).dates("published_on", "year", order="DESC")
    return [str(day.year) for day in years]


class ResponseTrackerFilter(django_filters.FilterSet):
    """Filters for the tracker. Expects a queryset annotated with_state() (the `state`
    filter) and with_finding_counts() (the `incomplete` filter)."""

    force = django_filters.ModelMultipleChoiceFilter(
        # Filters on force__slug = each chosen force's slug (to_field_name).
        field_name="force__slug",
        to_field_name="slug",
        queryset=Force.objects.order_by("name"),
        label="Force",
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
        error_messages={"invalid_choice": "“%(value)s” is not a force."},
    )
    state = django_filters.MultipleChoiceFilter(
        choices=Response.State.choices,
        label="State",
        widget=forms.CheckboxSelectMultiple,
        distinct=False,
        error_messages={"invalid_choice": "“%(value)s” is not a state."},
    )
    kind = django_filters.ChoiceFilter(
        field_name="inspection__kind",
        choices=InspectionKind.choices,
        label="Report kind",
        empty_label="Any kind",
        error_messages={"invalid_choice": "“%(value)s” is not a kind of report."},
    )
    year = django_filters.ChoiceFilter(
        field_name="report_published_on",
        lookup_expr="year",
        label="Year published",
        empty_label="Any year",
        # Filled in __init__ with the years that have reports.
        choices=[],
        error_messages={"invalid_choice": "No report was published in “%(value)s”."},
    )
    published_after = _date_filter("gte", "Published on or after")
    published_before = _date_filter("lte", "Published on or before")
    incomplete = django_filters.BooleanFilter(
        method="filter_incomplete",
        label="Only responses that leave a recommendation unexplained",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        # Explicit sorts rather than OrderingFilter: unknown dates must sort last whichever
        # way, with stable tie-breakers (see tracker.SORTS).
        choices=[(value, label) for value, (label, _) in SORTS.items()],
        method="filter_sort",
        label="Sort by",
        empty_label=None,
        error_messages={"invalid_choice": "“%(value)s” is not a way to sort the tracker."},
    )

    class Meta:
        model = Response
        fields: list[str] = []
        form = PublishedRangeForm

    def __init__(self, *args, years: list[str] | None = None, **kwargs) -> None:
        """`years`: the year filter's choices, if the caller has them (the tracker page keeps
        them until the record changes: selectors.tracker_years); otherwise one query."""
        super().__init__(*args, **kwargs)
        if years is None:
            years = years_owing_response()
        self.filters["year"].extra["choices"] = [(year, year) for year in years]

    def filter_incomplete(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(recommendations_unexplained__gt=0).exclude(
            state=Response.State.NOT_REQUIRED
        )

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return ordered(queryset, value) if value else queryset
