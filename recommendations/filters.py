"""The findings list (/findings/) and its exports: which rows there are, how they are filtered
and how they are sorted.

Rows. A finding is tracked per force (FindingStatus), so the list shows one row per finding
and force: the finding with that force's current status. Good practice (notable, innovative,
promising) has no status rows, yet analysts must be able to find it, so the rows are findings
LEFT JOINed to their statuses: every FindingStatus row, plus one row with no status ("—") for
each finding that has none (good practice; also any trackable finding whose statuses have not
been opened, rather than hiding it). One SQL query, so it paginates, counts, sorts and exports
like any queryset. A status filter (open, closed or one status) therefore leaves good practice
out: it has no status to match. The force filter matches a status row by its force, and a row
without status by the report's force or, for a national report, the forces it applies to.

The join is a FilteredRelation alias ("current") whose columns are annotated (row_*). Filters
use those annotations, never `current__…` lookups: Django adds a second join for a lookup on a
multi-valued relation in a later filter() call, which would multiply and mismatch the rows.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django_filters import (
    CharFilter,
    ChoiceFilter,
    DateFilter,
    FilterSet,
    ModelChoiceFilter,
    ModelMultipleChoiceFilter,
    MultipleChoiceFilter,
    OrderingFilter,
)
from django_filters.fields import ModelChoiceField, ModelMultipleChoiceField

from inspections.models import Area, Force, Inspection
from recommendations.models import Finding, FindingStatus, Status, Theme
from recommendations.sorting import SortColumn

Q_MAX_LENGTH = 200
SLUG_MAX_LENGTH = 120
ISO_DATE_FORMATS = ["%Y-%m-%d"]
# A database id: ASCII digits only (str.isdigit() accepts "²"), within a 64-bit integer.
ID_RE = re.compile(r"^[0-9]{1,18}$")


def finding_rows() -> QuerySet[Finding]:
    """Every finding once per force status (or once, without status, if it has none), with
    the status columns annotated as row_status, row_status_since, row_last_note,
    row_status_pk, row_force_pk and, for display, row_force_name / row_force_slug (the status's
    force or national body, else the report's force; empty for a national report's good
    practice). Sorted
    newest report first. One query; no per-row queries for the report, its force or the area.
    """
    return (
        Finding.objects.alias(current=FilteredRelation("statuses"))
        .annotate(
            row_status_pk=F("current__id"),
            row_status=F("current__status"),
            row_status_since=F("current__status_since"),
            row_last_note=F("current__last_note"),
            row_force_pk=F("current__force_id"),
            # A national body's own status row shows the body's name (and links nowhere).
            row_force_name=Coalesce(
                F("current__force__name"),
                F("current__national_body__name"),
                F("inspection__force__name"),
            ),
            row_force_slug=Case(
                When(current__national_body__isnull=False, then=Value(None)),
                default=Coalesce(F("current__force__slug"), F("inspection__force__slug")),
                output_field=CharField(),
            ),
        )
        .select_related("inspection", "inspection__force", "area")
        .order_by(*SORTS[DEFAULT_SORT][1], *TIE_BREAK)
    )


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


def _truncated(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _check_slugs(values, message: str) -> None:
    """Refuse anything that cannot be a slug before it reaches the database (PostgreSQL
    rejects NUL characters with an error rather than finding nothing)."""
    for value in values:
        if not isinstance(value, str) or len(value) > SLUG_MAX_LENGTH or not slug_re.match(value):
            raise ValidationError(message, params={"value": _truncated(value)})


class SlugModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            _check_slugs([value], self.error_messages["invalid_choice"])
        return super().to_python(value)


class SlugModelMultipleChoiceField(ModelMultipleChoiceField):
    def _check_values(self, value):
        _check_slugs(value, self.error_messages["invalid_choice"])
        return super()._check_values(value)


class IdModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not ID_RE.match(str(value)):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": _truncated(value)},
            )
        return super().to_python(value)


class IdModelChoiceFilter(ModelChoiceFilter):
    field_class = IdModelChoiceField


class SlugModelChoiceFilter(ModelChoiceFilter):
    field_class = SlugModelChoiceField


class SlugModelMultipleChoiceFilter(ModelMultipleChoiceFilter):
    field_class = SlugModelMultipleChoiceField


class AreaField(forms.CharField):
    """An area's id, or a name (case-insensitive) matching that area in every framework
    ("Legitimacy" is a pillar in several eras). Cleans to the list of matching areas."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if ID_RE.match(value):
            areas = list(Area.objects.select_related("framework").filter(pk=int(value)))
        else:
            areas = list(Area.objects.select_related("framework").filter(name__iexact=value))
        if not areas:
            raise ValidationError(
                "There is no area with the id or name “%(value)s”.",
                code="invalid_choice",
                params={"value": _truncated(value)},
            )
        return areas


class AreaFilter(CharFilter):
    field_class = AreaField


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


class FindingFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("published_after"), cleaned.get("published_before")
        if after and before and after > before:
            self.add_error(
                "published_before",
                "“Published on or before” must be the same as or later than “Published on or "
                "after”.",
            )
        return cleaned


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
        form = FindingFilterForm

    def filter_force(self, queryset, name, forces):
        if not forces:
            return queryset
        ids = [force.pk for force in forces]
        national = Inspection.applies_to.through.objects.filter(
            inspection_id=OuterRef("inspection_id"), force_id__in=ids
        )
        return queryset.filter(
            Q(row_force_pk__in=ids)
            | Q(row_status_pk__isnull=True) & (Q(inspection__force_id__in=ids) | Exists(national))
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
