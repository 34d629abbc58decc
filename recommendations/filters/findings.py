"""FindingFilter: the findings list's filters, their choices and the search."""

import re

from django.core.validators import EMPTY_VALUES
from django.db.models import Exists, OuterRef, Q
from django_filters import CharFilter, ChoiceFilter, DateFilter, FilterSet, MultipleChoiceFilter

from inspections.models import Force, Inspection
from recommendations.filters.fields import (
    AreaFilter,
    IdModelChoiceFilter,
    PublishedRangeForm,
    SlugModelChoiceFilter,
    SlugModelMultipleChoiceFilter,
)
from recommendations.filters.rows import (
    SORTS_IGNORING_STATUS_VALUES,
    FindingSortFilter,
    rows_with_statuses,
)
from recommendations.models import Finding, FindingStatus, Status, Theme

Q_MAX_LENGTH = 200
ISO_DATE_FORMATS = ["%Y-%m-%d"]

# Open = awaiting review or being progressed; closed = complete, superseded or no further action.
# A finding carried forward into a later report is neither: the later one carries the item, so
# it is counted once.
STATUS_GROUPS = {
    "open": ("Open", list(FindingStatus.OPEN_STATUSES)),
    "closed": ("Closed", list(FindingStatus.CLOSED_STATUSES)),
}
STATUS_CHOICES = [(key, label) for key, (label, _) in STATUS_GROUPS.items()] + list(Status.choices)
CARRIED_FORWARD_CHOICES = [
    ("yes", "Yes: carried forward from an earlier report"),
    ("no", "No"),
]


def search_terms(q: str) -> list[str]:
    """The words of a search: each must occur in the finding's text or its report's title
    (case-insensitive, anywhere, so "scrutin" finds "scrutiny"). A "quoted phrase" counts as
    one term."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', q):
        term = (phrase or word.strip('"')).strip()
        if term:
            terms.append(term)
    return terms


DATE_ERRORS = {"invalid": "Enter a real date as year-month-day, for example 2019-05-02."}


class FindingFilter(FilterSet):
    """Filters and sorts finding_rows(). Every parameter is in the query string, so a filtered
    list is a link to share, and the exports read the same parameters."""

    force = SlugModelMultipleChoiceFilter(
        label="Force",
        queryset=Force.objects.all(),
        to_field_name="slug",
        method="filter_force",
        error_messages={"invalid_choice": "There is no force “%(value)s”."},
    )
    kind = MultipleChoiceFilter(
        label="Kind",
        choices=Finding.Kind.choices,
        distinct=False,
        field_name="kind",
        error_messages={"invalid_choice": "There is no kind of finding “%(value)s”."},
    )
    status = ChoiceFilter(
        label="Status",
        choices=STATUS_CHOICES,
        method="filter_status",
        error_messages={"invalid_choice": "There is no status “%(value)s”."},
    )
    area = AreaFilter(label="Area", method="filter_area", max_length=200)
    theme = SlugModelChoiceFilter(
        label="Theme",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        error_messages={"invalid_choice": "There is no theme “%(value)s”."},
    )
    inspection = IdModelChoiceFilter(
        label="Report",
        queryset=Inspection.objects.all(),
        field_name="inspection",
        error_messages={"invalid_choice": "There is no report with the id “%(value)s”."},
    )
    published_after = DateFilter(
        label="Published on or after",
        field_name="inspection__published_on",
        lookup_expr="gte",
        input_formats=ISO_DATE_FORMATS,
        error_messages=DATE_ERRORS,
    )
    published_before = DateFilter(
        label="Published on or before",
        field_name="inspection__published_on",
        lookup_expr="lte",
        input_formats=ISO_DATE_FORMATS,
        error_messages=DATE_ERRORS,
    )
    carried_forward = ChoiceFilter(
        label="Carried forward",
        choices=CARRIED_FORWARD_CHOICES,
        method="filter_carried_forward",
        error_messages={"invalid_choice": "Choose yes or no."},
    )
    q = CharFilter(
        label="Containing the words",
        method="filter_q",
        max_length=Q_MAX_LENGTH,
        error_messages={
            "max_length": f"Enter {Q_MAX_LENGTH} characters or fewer to search for "
            "(you entered %(show_value)d)."
        },
    )
    sort = FindingSortFilter(
        label="Sort by",
        error_messages={"invalid_choice": "There is no sort order “%(value)s”."},
    )

    class Meta:
        model = Finding
        fields: list[str] = []
        form = PublishedRangeForm

    # The filters that read no status's value: which rows they keep does not change when a
    # status is recorded. A filter added later counts as reading them until it is listed here.
    IGNORING_STATUS_VALUES = frozenset(
        {
            "force",
            "kind",
            "area",
            "theme",
            "inspection",
            "published_after",
            "published_before",
            "carried_forward",
            "q",
        }
    )

    def reads_status_values(self) -> bool:
        """Whether the rows or their order depend on any status's value, on a valid form: if
        not, their count and pages' bounds stay right when a status is recorded, and are kept
        across it (RecordVersion.ignoring_status_values)."""
        data = self.form.cleaned_data
        filtered = (
            name for name in self.filters if name != "sort" and data.get(name) not in EMPTY_VALUES
        )
        if any(name not in self.IGNORING_STATUS_VALUES for name in filtered):
            return True
        sort = [param for param in data.get("sort") or [] if param]
        return any(param not in SORTS_IGNORING_STATUS_VALUES for param in sort)

    def filter_force(self, queryset, name, forces):
        if not forces:
            return queryset
        ids = [force.pk for force in forces]
        national = Inspection.applies_to.through.objects.filter(
            inspection_id=OuterRef("inspection_id"), force_id__in=ids
        )
        applies = Q(inspection__force_id__in=ids) | Exists(national)
        if queryset.query.where:  # filtered before: the general form (see below)
            return queryset.filter(
                Q(row_force_pk__in=ids) | Q(row_status_pk__isnull=True) & applies
            )
        # The rows of the chosen forces' statuses, and the rows of findings without any status
        # that apply to those forces. As one condition on every row (above), an OR across the
        # LEFT JOIN, no index could serve it: every status was joined, then most discarded
        # (counting one force's rows at scale 10: 150 ms; 54 ms so). So, as this is the first
        # filter (declared first, and the FilterSet applies them in order), the rows are built
        # again joining only the chosen forces' statuses (rows_with_statuses), read through the
        # index on their force; a row without status is then either a finding without any
        # status or one with statuses of other forces only, which is left out. Same rows, same
        # order (a test compares them).
        any_status = FindingStatus.objects.filter(finding_id=OuterRef("pk"))
        return (
            rows_with_statuses(forces=forces)
            .order_by(*queryset.query.order_by)
            .filter(Q(row_status_pk__isnull=False) | ~Exists(any_status) & applies)
        )

    def filter_status(self, queryset, name, value):
        statuses = STATUS_GROUPS[value][1] if value in STATUS_GROUPS else [value]
        return queryset.filter(row_status__in=statuses)

    def filter_area(self, queryset, name, areas):
        return queryset.filter(area__in=areas)

    def filter_theme(self, queryset, name, theme):
        tagged = Finding.themes.through.objects.filter(finding_id=OuterRef("pk"), theme=theme)
        return queryset.filter(Exists(tagged))

    def filter_carried_forward(self, queryset, name, value):
        return queryset.filter(carried_forward_from__isnull=value != "yes")

    def filter_q(self, queryset, name, value):
        # Each term in the finding's text or its report's title: "custody detention" finds the
        # findings of a report on custody and detention whatever their own wording. The report
        # is already joined (one row each), so this adds no join and no query.
        for term in search_terms(value):
            queryset = queryset.filter(
                Q(text__icontains=term) | Q(inspection__title__icontains=term)
            )
        return queryset
