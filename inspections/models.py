import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from inspections.deadlines import ResponseDeadline, ResponseRule, response_deadline


class ForceManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> "Force":
        return self.get(slug=slug)


class Force(models.Model):
    """A territorial police force of England and Wales and its local policing body."""

    class BodyKind(models.TextChoices):
        PCC = "pcc", "Police and Crime Commissioner"
        PFCC = "pfcc", "Police, Fire and Crime Commissioner"
        MAYOR = "mayor", "Elected mayor"
        MOPAC = "mopac", "Mayor's Office for Policing and Crime"
        COMMON_COUNCIL = "common_council", "Common Council (Police Authority Board)"

    slug = models.SlugField(max_length=60, unique=True, help_text="As in HMICFRS's URLs.")
    name = models.CharField(max_length=120, unique=True)
    local_policing_body = models.CharField(max_length=200)
    body_kind = models.CharField(max_length=20, choices=BodyKind.choices)
    region = models.CharField(max_length=60)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="edited_forces",
        blank=True,
        help_text="OPCC staff who may update this force's statuses and responses.",
    )

    objects = ForceManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(body_kind__in=["pcc", "pfcc", "mayor", "mopac", "common_council"]),
                name="inspections_force_body_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class PolicingBodyQuerySet(models.QuerySet):
    def in_office_on(self, day: date) -> "PolicingBodyQuerySet":
        """The bodies whose term covers `day` (an open start or end covers every day)."""
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=day),
            Q(ends_on__isnull=True) | Q(ends_on__gte=day),
        )


class PolicingBodyManager(models.Manager.from_queryset(PolicingBodyQuerySet)):
    def get_by_natural_key(self, force_slug: str, name: str) -> "PolicingBody":
        return self.get(force__slug=force_slug, name=name)


class PolicingBody(models.Model):
    """One term of a force's local policing body: police authority, PCC, PFCC, mayor, MOPAC or
    the Common Council. A force's bodies form a dated series; the one in office on a report's
    publication day owes the response (s.55)."""

    class Kind(models.TextChoices):
        POLICE_AUTHORITY = "police_authority", "Police authority"
        PCC = "pcc", "Police and Crime Commissioner"
        PFCC = "pfcc", "Police, Fire and Crime Commissioner"
        MAYOR = "mayor", "Elected mayor"
        MOPAC = "mopac", "Mayor's Office for Policing and Crime"
        COMMON_COUNCIL = "common_council", "Common Council (Police Authority Board)"

    force = models.ForeignKey(Force, on_delete=models.CASCADE, related_name="policing_bodies")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    starts_on = models.DateField(null=True, blank=True, help_text="Empty: before the record.")
    ends_on = models.DateField(null=True, blank=True, help_text="Empty: still in office.")
    source_url = models.URLField(max_length=500, blank=True)
    source_note = models.TextField(blank=True, help_text="What the source says, in short.")

    objects = PolicingBodyManager()

    class Meta:
        verbose_name = "local policing body"
        verbose_name_plural = "local policing bodies"
        ordering = ["force__name", F("starts_on").asc(nulls_first=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "name"], name="inspections_policingbody_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="inspections_policingbody_ends_after_start",
                violation_error_message="A body's term cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=["police_authority", "pcc", "pfcc", "mayor", "mopac", "common_council"]
                ),
                name="inspections_policingbody_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str, str]:
        return (self.force.slug, self.name)

    natural_key.dependencies = ["inspections.force"]

    def term_display(self) -> str:
        start = f"{self.starts_on:%-d %B %Y}" if self.starts_on else "…"
        end = f"{self.ends_on:%-d %B %Y}" if self.ends_on else "now"
        return f"{start} – {end}"


def owing_body(force_id: int | None, published_on: date | None) -> PolicingBody | None:
    """The local policing body that owes comments on a report about `force_id` published on
    `published_on`: the one in office that day (DOMAIN.md, "Who is who"). None when the date
    or the record of bodies does not say. Queries."""
    if force_id is None or published_on is None:
        return None
    return PolicingBody.objects.filter(force_id=force_id).in_office_on(published_on).first()


class NationalBodyManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> "NationalBody":
        return self.get(slug=slug)


class NationalBody(models.Model):
    """A body other than a force or its local policing body that a recommendation can be
    addressed to (Home Office, NPCC, College of Policing …). Its obligations are its own:
    they are tracked against it, never fanned out to forces."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text='Other ways reports name it, lower case, e.g. ["npcc", "national police '
        "chiefs' council\"].",
    )
    source_url = models.URLField(max_length=500, blank=True)

    objects = NationalBodyManager()

    class Meta:
        verbose_name = "national body"
        verbose_name_plural = "national bodies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


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


def document_name(value: str) -> str:
    """The name of the document a record was taken from, without the folders it was read
    from on someone's machine or the server ("../shared/seeds/a.txt", "C:\\Reports\\a.pdf"
    -> "a.txt", "a.pdf"): a path says nothing to a reader and exposes the server's layout."""
    return re.split(r"[\\/]", value.strip())[-1]


def validate_document_name(value: str) -> None:
    if value != document_name(value):
        raise ValidationError(
            "Give the document's file name only, not the folders it is stored in: “%(value)s”.",
            code="document_path",
            params={"value": value},
        )


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


class InspectionQuerySet(models.QuerySet):
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
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; guards against lost updates."
    )

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
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; guards against lost updates."
    )

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
