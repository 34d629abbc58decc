"""Grading frameworks, their grade scales and their areas."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from peel_tracker.concurrency import version_field


class GradeScale(models.TextChoices):
    FOUR_TIER = "four_tier", "Four tiers (outstanding to inadequate)"
    FIVE_TIER = "five_tier", "Five tiers (with adequate, from PEEL 2021/22)"


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    ADEQUATE = "adequate", "Adequate"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"
    UNGRADED = "ungraded", "Ungraded"
    NOT_YET_GRADED = "not_yet_graded", "Not yet graded"
    NOT_INSPECTED = "not_inspected", "Not inspected"


# Values that say why there is no grade; valid in every framework.
NON_GRADES = (Grade.UNGRADED, Grade.NOT_YET_GRADED, Grade.NOT_INSPECTED)
GRADES_BY_SCALE = {
    GradeScale.FOUR_TIER: (
        Grade.OUTSTANDING,
        Grade.GOOD,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.INADEQUATE,
    ),
    GradeScale.FIVE_TIER: (
        Grade.OUTSTANDING,
        Grade.GOOD,
        Grade.ADEQUATE,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.INADEQUATE,
    ),
}


class FrameworkManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> "Framework":
        return self.get(slug=slug)


class Framework(models.Model):
    """A PEEL grading era: its own areas and its own grade scale."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120, unique=True)
    first_year = models.PositiveSmallIntegerField(help_text="Year the era's inspections began.")
    scale = models.CharField(max_length=20, choices=GradeScale.choices)
    description = models.TextField(blank=True)
    source_url = models.URLField(
        max_length=500, blank=True, help_text="The inspectorate's page that sets out the framework."
    )
    version = version_field()

    objects = FrameworkManager()

    class Meta:
        ordering = ["first_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale__in=GradeScale.values), name="inspections_framework_scale_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def allowed_grades(self) -> tuple[str, ...]:
        return GRADES_BY_SCALE[GradeScale(self.scale)] + NON_GRADES


class AreaManager(models.Manager):
    def get_by_natural_key(self, framework_slug: str, name: str) -> "Area":
        return self.get(framework__slug=framework_slug, name=name)


class Area(models.Model):
    """A pillar, question or area of policing that a framework grades or reports under."""

    class Kind(models.TextChoices):
        PILLAR = "pillar", "Pillar"
        QUESTION = "question", "Question"
        AREA = "area", "Area"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AREA)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text="The pillar a question belongs to.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    is_graded = models.BooleanField(
        default=True, help_text="False for areas the framework never grades (e.g. victim service)."
    )
    source_url = models.URLField(
        max_length=500,
        blank=True,
        help_text="Where the inspectorate names the area and its grading.",
    )
    version = version_field()

    objects = AreaManager()

    class Meta:
        ordering = ["framework__first_year", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "name"],
                name="inspections_area_unique_name_per_framework",
                violation_error_message="This framework already has an area with that name.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["pillar", "question", "area"]),
                name="inspections_area_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.framework.name})"

    def natural_key(self) -> tuple[str, str]:
        return (*self.framework.natural_key(), self.name)

    natural_key.dependencies = ["inspections.framework"]

    def clean(self) -> None:
        if self.parent_id and self.parent.framework_id != self.framework_id:
            raise ValidationError({"parent": "The parent must belong to the same framework."})
