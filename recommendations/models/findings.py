"""Findings: what a report found, their kinds and who they are addressed to."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from inspections.access import ForceScopedQuerySet
from inspections.models import Area, Force, Inspection, NationalBody, validate_document_name
from peel_tracker.concurrency import version_field
from recommendations.models.themes import Theme


class FindingKind(models.TextChoices):
    CAUSE_OF_CONCERN = "cause_of_concern", "Cause of concern"
    RECOMMENDATION = "recommendation", "Recommendation"
    AFI = "afi", "Area for improvement"
    NOTABLE_PRACTICE = "notable_practice", "Notable practice"
    INNOVATIVE_PRACTICE = "innovative_practice", "Innovative practice"
    PROMISING_PRACTICE = "promising_practice", "Promising practice"


class ForceScope(models.TextChoices):
    """Which forces a finding is addressed to (with or without their bodies)."""

    REPORT = "report", "Each force the report applies to"
    NAMED = "named", "Only the forces named"
    NONE = "none", "No force"


class FindingQuerySet(ForceScopedQuerySet):
    force_field = "inspection__force"

    def trackable(self) -> "FindingQuerySet":
        """Findings that carry a status per force (everything but good practice)."""
        return self.filter(kind__in=Finding.TRACKABLE_KINDS)

    def with_related(self) -> "FindingQuerySet":
        return self.select_related(
            "inspection", "inspection__force", "area", "cause_of_concern", "carried_forward_from"
        )

    def last_position(self, inspection_id: int | None) -> int:
        """The highest position among a report's findings (0 when it has none).

        Inside a transaction (every admin page runs in one) the report's row is locked first,
        until that transaction ends: two editors adding findings to one report at once would
        otherwise both take the same next position, and the second save would fail on the
        unique position. The second now waits, then counts the first's finding."""
        if inspection_id is None:
            return 0
        if transaction.get_connection(self.db).in_atomic_block:
            list(Inspection.objects.select_for_update().filter(pk=inspection_id).values("pk"))
        found = self.filter(inspection_id=inspection_id).aggregate(last=models.Max("position"))
        return found["last"] or 0


class FindingManager(models.Manager.from_queryset(FindingQuerySet)):
    def get_by_natural_key(self, inspection_slug: str, position: int) -> "Finding":
        return self.get(inspection__slug=inspection_slug, position=position)


# A reference that already names its kind ("Recommendation 1", "AFI 3", "Area for
# improvement 2"), as the report reader writes them, is shown as it is.
KIND_WORDS = (*(label.lower() for label in FindingKind.labels), "afi")


def numbered_label(kind_label: str, reference: str, number: int | str | None = None) -> str:
    """Finding.numbered_label from plain values (the API's CSV of every row builds no model
    instances)."""
    reference = reference.strip()
    if reference and reference.lower().startswith(KIND_WORDS):
        return reference
    reference = reference or ("" if number is None else str(number))
    return f"{kind_label} {reference}" if reference else kind_label


class Finding(models.Model):
    """One thing a report found: a cause of concern, recommendation, AFI or good practice."""

    Kind = FindingKind
    ForceScope = ForceScope

    TRACKABLE_KINDS = ("cause_of_concern", "recommendation", "afi")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    # Blank only in forms: a finding entered without one is placed after the report's others
    # (recommendations.forms.fill_positions) before it is saved.
    position = models.PositiveIntegerField(
        blank=True,
        help_text="Order of the finding within its report. Left empty, it goes after the "
        "report's other findings.",
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="findings",
        help_text="The area, pillar or question the finding sits under.",
    )
    reference = models.CharField(
        max_length=40, blank=True, help_text="The report's own number, if it numbers findings."
    )
    text = models.TextField(help_text="Full text: headline, explanation and any sub-points.")
    cause_of_concern = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        help_text="For a recommendation: the cause of concern it answers.",
    )
    addressees = models.JSONField(
        "addressees as worded",
        default=list,
        blank=True,
        help_text='Who the report says the finding is for, in its words, e.g. ["chief '
        'constables", "the Home Office"]. Who owes it is set by the three fields below.',
    )
    # Who owes the finding, as structured data (recommendations.obligations is the rule).
    owed_by_forces = models.CharField(
        "owed by forces",
        max_length=20,
        choices=ForceScope.choices,
        default=ForceScope.REPORT,
    )
    named_forces = models.ManyToManyField(
        Force,
        blank=True,
        related_name="addressed_findings",
        help_text="With “only the forces named”: the forces the report names.",
    )
    is_for_policing_bodies = models.BooleanField(
        "addressed to local policing bodies",
        default=False,
        help_text="Tick if the finding is addressed to PCCs / local policing bodies (alone or "
        "with their forces): each body of a force the report applies to owes it.",
    )
    national_bodies = models.ManyToManyField(
        NationalBody,
        blank=True,
        related_name="findings",
        help_text="National bodies the finding is addressed to (Home Office, NPCC, College of "
        "Policing …): tracked against each body, never against forces.",
    )
    deadline_text = models.CharField(
        max_length=120, blank=True, help_text='Deadline wording, e.g. "By July 2021".'
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="findings")
    carried_forward_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_forward_to",
        help_text="An earlier finding this report says remains in place.",
    )
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        help_text="A later finding that replaces this one.",
    )
    source_document = models.CharField(
        max_length=200, blank=True, validators=[validate_document_name]
    )
    source_section = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = version_field()

    objects = FindingManager()
    # Who changed what and when, old and new values (the admin's History page).
    history = HistoricalRecords(
        m2m_fields=[themes, named_forces, national_bodies], excluded_fields=["updated_at"]
    )

    class Meta:
        ordering = ["inspection", "position"]
        indexes = [models.Index(fields=["kind"], name="recommendations_finding_kind")]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "position"],
                name="recommendations_finding_unique_position",
                violation_error_message="Another finding of this report has that position.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=FindingKind.values),
                name="recommendations_finding_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(cause_of_concern__isnull=True) | Q(kind="recommendation"),
                name="recommendations_finding_parent_only_on_recommendation",
                violation_error_message="Only a recommendation can belong to a cause of concern.",
            ),
            models.CheckConstraint(
                condition=~Q(carried_forward_from=F("pk")) & ~Q(superseded_by=F("pk")),
                name="recommendations_finding_lineage_not_self",
                violation_error_message="A finding cannot carry forward or supersede itself.",
            ),
            models.CheckConstraint(
                condition=~Q(text=""), name="recommendations_finding_text_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.headline}"

    def numbered_label(self, number: int | str | None = None) -> str:
        """The finding's name wherever it is listed (the findings list, its page, the admin,
        the .docx draft): "Recommendation 1" from the kind and the report's own reference,
        never "Recommendation Recommendation 1". Without a reference, `number` (the finding's
        order in a document) is used, else the kind alone."""
        return numbered_label(self.get_kind_display(), self.reference, number)

    @property
    def label(self) -> str:
        """numbered_label() without a fallback number: "Recommendation 1", or "Area for
        improvement" for an unnumbered finding."""
        return self.numbered_label()

    def natural_key(self) -> tuple[str, int]:
        return (*self.inspection.natural_key(), self.position)

    natural_key.dependencies = ["inspections.inspection"]

    @property
    def headline(self) -> str:
        """The first paragraph on one line, shortened for lists. A lead-in ending with a colon
        ("The force should:") keeps its first points so the headline still says something."""
        paragraph = self.text.strip().split("\n\n")[0]
        lines = [line.strip().removeprefix("- ").strip() for line in paragraph.splitlines()]
        first = " ".join(line for line in lines if line)
        return first if len(first) <= 120 else first[:117].rstrip() + "…"

    @property
    def is_trackable(self) -> bool:
        return self.kind in self.TRACKABLE_KINDS

    def clean(self) -> None:
        errors = {}
        if self.cause_of_concern_id:
            if self.kind != self.Kind.RECOMMENDATION:
                errors["cause_of_concern"] = (
                    "Only a recommendation can belong to a cause of concern."
                )
            elif self.cause_of_concern.kind != self.Kind.CAUSE_OF_CONCERN:
                errors["cause_of_concern"] = "The parent must be a cause of concern."
            elif self.cause_of_concern.inspection_id != self.inspection_id:
                errors["cause_of_concern"] = "The cause of concern must be in the same report."
        if self.area_id and self.inspection_id:
            framework_id = self.inspection.framework_id
            if framework_id and self.area.framework_id != framework_id:
                errors["area"] = f"“{self.area.name}” is not an area of this report's framework."
        for field in ("carried_forward_from", "superseded_by"):
            other = getattr(self, field)
            if other is not None and self.pk and other.pk == self.pk:
                errors[field] = "A finding cannot be linked to itself."
        if errors:
            raise ValidationError(errors)
