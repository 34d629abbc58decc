"""Inspection reports: their kinds, publication dates and the forces they apply to."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from inspections.access import ForceScopedQuerySet
from inspections.deadlines import ResponseDeadline, ResponseRule, response_deadline
from inspections.models.documents import validate_document_name
from inspections.models.forces import Force
from inspections.models.frameworks import Framework
from peel_tracker.concurrency import version_field


class InspectionKind(models.TextChoices):
    PEEL_FORCE = "peel_force", "PEEL force inspection"
    PEEL_NATIONAL = "peel_national", "PEEL spotlight / national thematic"
    THEMATIC = "thematic", "Thematic"
    JOINT_THEMATIC = "joint_thematic", "Joint thematic"
    ACCELERATED_CAUSE_OF_CONCERN = "accelerated_cause_of_concern", "Accelerated cause of concern"
    REVISIT_LETTER = "revisit_letter", "Revisit letter"
    OTHER = "other", "Other"


class DatePrecision(models.TextChoices):
    DAY = "day", "Exact day"
    MONTH = "month", "Month only"
    YEAR = "year", "Year only"


# Kinds that are always about one force; the others may apply to many.
SINGLE_FORCE_KINDS = ("peel_force", "accelerated_cause_of_concern", "revisit_letter")
# Kinds that are about many forces. "Other" is neither: it is about the force it is recorded
# for, unless no force is named.
NATIONAL_KINDS = ("peel_national", "thematic", "joint_thematic")


class InspectionQuerySet(ForceScopedQuerySet):
    # A national report (no force) is changed by administrators only.
    force_field = "force"

    def with_related(self) -> "InspectionQuerySet":
        return self.select_related("force", "framework")


class InspectionManager(models.Manager.from_queryset(InspectionQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Inspection":
        return self.get(slug=slug)


PUBLISHED_FORMATS = {"day": "%-d %B %Y", "month": "%B %Y", "year": "%Y"}


def published_as_stated(day: date | None, precision: str) -> str:
    """A report's publication date as precisely as the source states it: "2 May 2019",
    "April 2022", "2022", or "Not stated". (Also for exports, which read plain values.)"""
    if day is None:
        return "Not stated"
    return day.strftime(PUBLISHED_FORMATS[precision])


class Inspection(models.Model):
    """A published HMICFRS report, about one force or (national) applying to several."""

    Kind = InspectionKind
    DatePrecision = DatePrecision

    SINGLE_FORCE_KINDS = SINGLE_FORCE_KINDS
    NATIONAL_KINDS = NATIONAL_KINDS

    slug = models.SlugField(max_length=120, unique=True, help_text="Stable identifier.")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    framework = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        help_text="The PEEL era whose areas and grades the report uses, if any.",
    )
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty if the source does not state it. For month/year precision "
        "enter the first day of that month/year.",
    )
    published_precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    source_url = models.URLField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    force = models.ForeignKey(
        Force,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        help_text="The force the report is about. Empty for a national report.",
    )
    applies_to = models.ManyToManyField(
        Force,
        blank=True,
        related_name="national_inspections",
        help_text="For a national report: the forces whose bodies owe a response.",
    )
    source_document = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_document_name],
        help_text="The file name of the document this record was taken from (no folders).",
    )
    response_rule = models.CharField(
        max_length=30,
        choices=ResponseRule.CHOICES,
        default=ResponseRule.BY_LAW,
        help_text="Whether the 56-day deadline of s.55(5A) applies. Leave “by the law” unless "
        "the inspectorate states otherwise for this report.",
    )
    is_synthetic = models.BooleanField(
        default=False,
        editable=False,
        help_text="Made by generate_national_dataset for scale testing; not a real report.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    objects = InspectionManager()
    history = HistoricalRecords(m2m_fields=[applies_to], excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-published_on", "title"]
        indexes = [models.Index(fields=["published_on"], name="inspections_insp_published")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=InspectionKind.values),
                name="inspections_inspection_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(published_precision__in=["day", "month", "year"]),
                name="inspections_inspection_precision_valid",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=SINGLE_FORCE_KINDS, force__isnull=True),
                name="inspections_inspection_force_report_has_force",
                violation_error_message="A report of this kind must name the force it is about.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def is_national(self) -> bool:
        return self.force_id is None

    def response_deadline(self) -> ResponseDeadline:
        """The regime and the s.55(5A) deadline window for this report's comments
        (inspections.deadlines.response_deadline is the rule)."""
        return response_deadline(self.published_on, self.published_precision, self.response_rule)

    @property
    def response_due_on(self) -> date | None:
        """The latest possible s.55(5A) deadline: the deadline itself when the publication day
        is known; the end of the window when only the month or year is; None when no
        statutory deadline applies or the date is not known."""
        return self.response_deadline().latest_on

    def published_display(self) -> str:
        return published_as_stated(self.published_on, self.published_precision)

    def forces_owing_response(self) -> list[Force]:
        """The forces this report applies to. Queries the M2M for a national report."""
        if self.force_id:
            return [self.force]
        return list(self.applies_to.all())

    def clean(self) -> None:
        errors = {}
        if self.kind in self.SINGLE_FORCE_KINDS and not self.force_id:
            errors["force"] = (
                f"A {self.get_kind_display().lower()} must name the force it is about."
            )
        if self.published_on and self.published_on > timezone.localdate():
            errors["published_on"] = "The publication date cannot be in the future."
        elif self.pk and self.published_on:
            early = self.responses.filter(published_on__lt=self.published_on).select_related(
                "force"
            )
            if early:
                names = ", ".join(str(r.force) for r in early)
                errors["published_on"] = (
                    f"Responses already published before that date ({names}): a report cannot be "
                    "published after its response. Check the date."
                )
        if errors:
            raise ValidationError(errors)
