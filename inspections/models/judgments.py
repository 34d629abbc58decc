"""Graded judgments: one grade per report and area."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from inspections.access import ForceScopedQuerySet
from inspections.models.frameworks import NON_GRADES, Area, Grade
from inspections.models.reports import Inspection
from peel_tracker.concurrency import version_field


class JudgmentQuerySet(ForceScopedQuerySet):
    force_field = "inspection__force"


class Judgment(models.Model):
    """A graded judgment: one grade per inspection and area."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgments")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="judgments")
    grade = models.CharField(max_length=30, choices=Grade.choices)
    is_carried_forward = models.BooleanField(
        default=False, help_text="Grade kept from an earlier inspection (as in PEEL 2017)."
    )
    as_of_on = models.DateField(
        "as of",
        null=True,
        blank=True,
        help_text="The date the grade is as of: the report's publication date, or the earlier "
        "report's for a grade carried forward. Empty if no source states it.",
    )
    source_section = models.CharField(max_length=300, blank=True)
    version = version_field()

    objects = JudgmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["inspection", "area__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "area"],
                name="inspections_judgment_one_per_area",
                violation_error_message="This inspection already has a grade for that area.",
            ),
            models.CheckConstraint(
                condition=Q(grade__in=Grade.values), name="inspections_judgment_grade_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area.name}: {self.get_grade_display()}"

    def clean(self) -> None:
        if not (self.inspection_id and self.area_id):
            return
        framework = self.inspection.framework
        if framework is None:
            raise ValidationError(
                {"area": "Choose the inspection's grading framework before recording grades."}
            )
        if self.area.framework_id != framework.pk:
            raise ValidationError(
                {"area": f"“{self.area.name}” is not an area of {framework.name}."}
            )
        if self.grade and not self.area.is_graded and self.grade not in NON_GRADES:
            raise ValidationError(
                {
                    "grade": f"“{self.area.name}” was not graded in {framework.name}: record it "
                    "as “Ungraded”, “Not yet graded” or “Not inspected”."
                }
            )
        if self.grade and self.grade not in framework.allowed_grades():
            raise ValidationError(
                {
                    "grade": f"“{self.get_grade_display()}” is not a grade in {framework.name}, "
                    f"which uses the {framework.get_scale_display().lower()}."
                }
            )
