from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from simple_history.models import HistoricalRecords

from inspections.deadlines import Regime, ResponseDeadline
from inspections.models import (
    Area,
    Force,
    Inspection,
    NationalBody,
    PolicingBody,
    owing_body,
    validate_document_name,
)


class ThemeManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> "Theme":
        return self.get(slug=slug)


class Theme(models.Model):
    """A subject analysts filter by (stop and search, use of force, vulnerability …)."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, unique=True)

    objects = ThemeManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


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


class FindingQuerySet(models.QuerySet):
    def trackable(self) -> "FindingQuerySet":
        """Findings that carry a status per force (everything but good practice)."""
        return self.filter(kind__in=Finding.TRACKABLE_KINDS)

    def with_related(self) -> "FindingQuerySet":
        return self.select_related(
            "inspection", "inspection__force", "area", "cause_of_concern", "carried_forward_from"
        )

    def last_position(self, inspection_id: int | None) -> int:
        """The highest position among a report's findings (0 when it has none)."""
        if inspection_id is None:
            return 0
        found = self.filter(inspection_id=inspection_id).aggregate(last=models.Max("position"))
        return found["last"] or 0


class FindingManager(models.Manager.from_queryset(FindingQuerySet)):
    def get_by_natural_key(self, inspection_slug: str, position: int) -> "Finding":
        return self.get(inspection__slug=inspection_slug, position=position)


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
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; guards against lost updates."
    )

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

    # A reference that already names its kind ("Recommendation 1", "AFI 3", "Area for
    # improvement 2"), as the report reader writes them, is shown as it is.
    KIND_WORDS = (*(label.lower() for label in FindingKind.labels), "afi")

    def numbered_label(self, number: int | str | None = None) -> str:
        """The finding's name wherever it is listed (the findings list, its page, the admin,
        the .docx draft): "Recommendation 1" from the kind and the report's own reference,
        never "Recommendation Recommendation 1". Without a reference, `number` (the finding's
        order in a document) is used, else the kind alone."""
        kind = self.get_kind_display()
        reference = self.reference.strip()
        if reference and reference.lower().startswith(self.KIND_WORDS):
            return reference
        reference = reference or ("" if number is None else str(number))
        return f"{kind} {reference}" if reference else kind

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


class FindingStatusQuerySet(models.QuerySet):
    def open(self) -> "FindingStatusQuerySet":
        return self.filter(status__in=FindingStatus.OPEN_STATUSES)

    def closed(self) -> "FindingStatusQuerySet":
        """Closed: complete, superseded or no further action. A status carried forward is
        neither open nor closed: the later finding carries the item; nor is one not owed."""
        return self.filter(status__in=FindingStatus.CLOSED_STATUSES)

    def with_related(self) -> "FindingStatusQuerySet":
        return self.select_related(
            "finding",
            "finding__inspection",
            "finding__area",
            "force",
            "national_body",
            "updated_by",
        )


class FindingStatusManager(models.Manager.from_queryset(FindingStatusQuerySet)):
    def get_by_natural_key(
        self, inspection_slug: str, position: int, holder_slug: str
    ) -> "FindingStatus":
        """The holder is a force's slug or a national body's (they never share one)."""
        return self.get(
            Q(force__slug=holder_slug) | Q(national_body__slug=holder_slug),
            finding__inspection__slug=inspection_slug,
            finding__position=position,
        )


class Status(models.TextChoices):
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    BEING_PROGRESSED = "being_progressed", "Being progressed"
    COMPLETE = "complete", "Complete"
    SUPERSEDED = "superseded", "Superseded"
    # Set when a later report says the finding remains in place: the later finding carries
    # it from then on, so it is counted once (under the later report).
    CARRIED_FORWARD = "carried_forward", "Carried forward to a later report"
    NO_FURTHER_ACTION = "no_further_action", "No further action needed"
    # Set when a finding's addressees are corrected so that this holder no longer owes it: the
    # row and its history stay (history is permanent), counted neither open nor closed.
    NOT_OWED = "not_owed", "Not owed (addressees corrected)"


class FindingStatus(models.Model):
    """The current status of a finding for one force: a denormalised copy of the newest
    StatusChange, so lists read it without a query per row. Written only by services."""

    Status = Status
    OPEN_STATUSES = (Status.AWAITING_REVIEW, Status.BEING_PROGRESSED)
    CLOSED_STATUSES = (Status.COMPLETE, Status.SUPERSEDED, Status.NO_FURTHER_ACTION)

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="statuses")
    # Who owes it: a force (for itself and its local policing body) or a national body.
    force = models.ForeignKey(
        Force, on_delete=models.PROTECT, null=True, blank=True, related_name="finding_statuses"
    )
    national_body = models.ForeignKey(
        NationalBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="finding_statuses",
    )
    status = models.CharField(max_length=30, choices=Status.choices)
    status_since = models.DateField(
        null=True, blank=True, help_text="When the current status took effect, if known."
    )
    last_note = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by every status change; guards against lost updates.",
    )

    objects = FindingStatusManager()

    class Meta:
        verbose_name = "finding status"
        verbose_name_plural = "finding statuses"
        ordering = ["force__name", "finding__inspection", "finding__position"]
        indexes = [
            models.Index(fields=["force", "status"], name="recs_findingstatus_force"),
            models.Index(fields=["status", "status_since"], name="recs_findingstatus_age"),
            # Partial indexes over open (or closed) statuses for the dashboard at national
            # scale: the oldest open findings, open findings per force, closures per year.
            models.Index(
                fields=["status_since", "id"],
                condition=Q(status__in=[Status.AWAITING_REVIEW, Status.BEING_PROGRESSED]),
                name="recs_findingstatus_open_age",
            ),
            models.Index(
                fields=["force"],
                condition=Q(status__in=[Status.AWAITING_REVIEW, Status.BEING_PROGRESSED]),
                name="recs_findingstatus_open_force",
            ),
            models.Index(
                fields=["status_since"],
                condition=~Q(status__in=[Status.AWAITING_REVIEW, Status.BEING_PROGRESSED]),
                name="recs_findingstatus_closed_on",
            ),
            # The findings list sorted oldest status first (pagination.StatusRowsFirstPaginator).
            models.Index(fields=["status_since", "id"], name="recs_findingstatus_since"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["finding", "force"],
                name="recommendations_findingstatus_one_per_force",
                violation_error_message="This finding already has a status for that force.",
            ),
            models.UniqueConstraint(
                fields=["finding", "national_body"],
                name="recommendations_findingstatus_one_per_body",
                violation_error_message="This finding already has a status for that body.",
            ),
            models.CheckConstraint(
                condition=Q(force__isnull=False, national_body__isnull=True)
                | Q(force__isnull=True, national_body__isnull=False),
                name="recommendations_findingstatus_one_holder",
                violation_error_message="A status belongs to one force or one national body.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="recommendations_findingstatus_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.finding} — {self.holder}: {self.get_status_display()}"

    def natural_key(self) -> tuple:
        return (*self.finding.natural_key(), self.holder.slug)

    @property
    def holder(self) -> "Force | NationalBody":
        """Who owes the finding: the force, or the national body."""
        return self.force if self.force_id else self.national_body

    natural_key.dependencies = [
        "recommendations.finding",
        "inspections.force",
        "inspections.nationalbody",
    ]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class StatusSource(models.TextChoices):
    """What a status change can rest on (its provenance)."""

    REPORT = "report", "The inspection report"
    PCC_RESPONSE = "pcc_response", "The local policing body's response"
    REVISIT_LETTER = "revisit_letter", "An inspectorate revisit or closure letter"
    LATER_REPORT = "later_report", "A later inspection report"
    FORCE_UPDATE = "force_update", "An update from the force"
    OPCC_ASSURANCE = "opcc_assurance", "The OPCC's own assurance work"
    OTHER = "other", "Other evidence"


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove a permanent record."""


class StatusChangeQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Status history is permanent: entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Status history is permanent: entries cannot be deleted.")

    # bulk_update goes through update(); listed for clarity of intent.
    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Status history is permanent: entries cannot be changed.")


class StatusChange(models.Model):
    """One dated, attributed entry in a finding's status history for a force. Append-only."""

    finding_status = models.ForeignKey(
        FindingStatus, on_delete=models.PROTECT, related_name="history"
    )
    status = models.CharField(max_length=30, choices=Status.choices)
    effective_on = models.DateField(
        null=True, blank=True, help_text="When the status took effect; empty if not known."
    )
    note = models.TextField(help_text="Why, and the evidence.")
    source_kind = models.CharField(
        "rests on",
        max_length=30,
        choices=StatusSource.choices,
        blank=True,
        help_text="The document the change rests on, if any.",
    )
    source_reference = models.CharField(
        "source reference",
        max_length=500,
        blank=True,
        help_text="Its title, date or address, so anyone can find it.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_changes",
        help_text="Empty for entries loaded from the source documents.",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(
                fields=["finding_status", "-recorded_at"], name="recommendations_sc_history"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="recommendations_statuschange_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(note=""), name="recommendations_statuschange_note_required"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.effective_on or 'date not stated'})"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Status history is permanent: entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Status history is permanent: entries cannot be deleted.")


class ResponseState(models.TextChoices):
    """Where a response stands against its s.55(5A) deadline. Derived, never stored: see
    ResponseQuerySet.with_state() for the rule and its order of precedence."""

    OVERDUE = "overdue", "Overdue"
    DUE_SOON = "due_soon", "Due soon"
    OPEN = "open", "Open"
    DEADLINE_UNKNOWN = "deadline_unknown", "Deadline not known"
    PUBLISHED_ON_TIME = "published_on_time", "Published on time"
    PUBLISHED_LATE = "published_late", "Published late"
    PUBLISHED_DATE_UNKNOWN = "published_date_unknown", "Published (date not recorded)"
    PUBLISHED_DEADLINE_UNKNOWN = "published_deadline_unknown", "Published (deadline not known)"
    PUBLISHED_IN_WINDOW = "published_in_window", "Published within the due window"
    NO_STATUTORY_DEADLINE = "no_statutory_deadline", "Owed, no statutory deadline"
    PUBLISHED_NO_DEADLINE = "published_no_deadline", "Published (no statutory deadline)"
    NOT_REQUIRED = "not_required", "Not required"


# A response not yet published is "due soon" when its deadline is at most this many days away
# (0 = due today, 14 = due on the same weekday two weeks from today), "open" beyond that.
DUE_SOON_DAYS = 14


class SubqueryCount(Subquery):
    """The number of rows of a queryset (usually filtered on OuterRef), 0 when there are none.
    A correlated subquery rather than JOIN + COUNT, so that several counts on one row neither
    multiply each other nor need a GROUP BY over every selected column."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()

    def __init__(self, queryset: models.QuerySet, **extra) -> None:
        super().__init__(queryset.order_by().values("pk"), **extra)


class ResponseQuerySet(models.QuerySet):
    def with_related(self) -> "ResponseQuerySet":
        return self.select_related("inspection", "force", "policing_body")

    def with_state(self, today: date) -> "ResponseQuerySet":
        """Annotate `state` (a ResponseState value), computed by the database from the
        response's fields and `today`, so lists can filter, count and sort by it in SQL.

        First match wins:
        1. not_required: staff marked it so (with a reason);
        2. published_date_unknown: published, publication date not recorded;
        3. published_no_deadline: published, and no statutory deadline applies (a report
           before 2 May 2017, see inspections.deadlines);
        4. published_deadline_unknown: published on a known date, but the report's
           publication date (so the deadline) is not known;
        5. published_on_time: published on or before the earliest possible due date (the
           due date itself is on time, s.55(5A)); 6. published_late: after the latest;
        7. published_in_window: between the two (the report is dated only to the month);
        8. no_statutory_deadline: not published, comments owed without a deadline;
        9. deadline_unknown: not published and no deadline known;
        10. overdue: not published and the latest possible due date has passed
           (due_on < today);
        11. due_soon: not published, due today or within DUE_SOON_DAYS days
           (today <= due_on <= today + 14);
        12. open: not published, due later than that."""
        soon = today + timedelta(days=DUE_SOON_DAYS)
        no_deadline = Regime.NO_STATUTORY_DEADLINE
        state = Case(
            When(is_not_required=True, then=Value(ResponseState.NOT_REQUIRED)),
            When(
                is_published=True,
                published_on__isnull=True,
                then=Value(ResponseState.PUBLISHED_DATE_UNKNOWN),
            ),
            When(
                is_published=True,
                regime=no_deadline,
                then=Value(ResponseState.PUBLISHED_NO_DEADLINE),
            ),
            When(
                is_published=True,
                due_on__isnull=True,
                then=Value(ResponseState.PUBLISHED_DEADLINE_UNKNOWN),
            ),
            When(
                is_published=True,
                published_on__lte=F("due_earliest_on"),
                then=Value(ResponseState.PUBLISHED_ON_TIME),
            ),
            When(
                is_published=True,
                published_on__gt=F("due_on"),
                then=Value(ResponseState.PUBLISHED_LATE),
            ),
            When(is_published=True, then=Value(ResponseState.PUBLISHED_IN_WINDOW)),
            When(regime=no_deadline, then=Value(ResponseState.NO_STATUTORY_DEADLINE)),
            When(due_on__isnull=True, then=Value(ResponseState.DEADLINE_UNKNOWN)),
            When(due_on__lt=today, then=Value(ResponseState.OVERDUE)),
            When(due_on__lte=soon, then=Value(ResponseState.DUE_SOON)),
            default=Value(ResponseState.OPEN),
            output_field=models.CharField(),
        )
        return self.annotate(state=state)

    def with_finding_counts(self) -> "ResponseQuerySet":
        """Annotate, per response, in the same query: `recommendations_owed` (the report's
        recommendations addressed to this force or its body: those with a status row for the
        force, recommendations.obligations), `recommendations_explained` (those this response
        explains, s.55(5B)), `recommendations_unexplained` and `afi_count` (the report's
        areas for improvement owed by the force)."""
        from recommendations.obligations import owed_by_force_q

        owed_by_force = Finding.objects.filter(
            owed_by_force_q(OuterRef("force")), inspection=OuterRef("inspection")
        )
        owed = SubqueryCount(owed_by_force.filter(kind=FindingKind.RECOMMENDATION))
        explained = SubqueryCount(
            owed_by_force.filter(
                kind=FindingKind.RECOMMENDATION, explanations__response=OuterRef("pk")
            )
        )
        return self.annotate(
            recommendations_owed=owed,
            recommendations_explained=explained,
            afi_count=SubqueryCount(owed_by_force.filter(kind=FindingKind.AFI)),
        ).annotate(
            recommendations_unexplained=F("recommendations_owed") - F("recommendations_explained")
        )

    def due_soon_or_overdue(self, today: date) -> "ResponseQuerySet":
        """Responses still to be published whose deadline has passed or is at most
        DUE_SOON_DAYS days away (what the reminders are about)."""
        return self.with_state(today).filter(
            state__in=[ResponseState.OVERDUE, ResponseState.DUE_SOON]
        )


class ResponseManager(models.Manager.from_queryset(ResponseQuerySet)):
    def get_by_natural_key(self, inspection_slug: str, force_slug: str) -> "Response":
        return self.get(inspection__slug=inspection_slug, force__slug=force_slug)


class Response(models.Model):
    """The local policing body's s.55 response to one report, for one force."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="responses")
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="responses")
    # Copies of the report's dates, kept in step by services, so the deadline can be indexed,
    # filtered and sorted, and the database can refuse a response dated before its report.
    report_published_on = models.DateField(null=True, blank=True, editable=False)
    regime = models.CharField(
        max_length=30,
        choices=Regime.CHOICES,
        default=Regime.DATE_UNKNOWN,
        editable=False,
        help_text="Whether the 56-day deadline applies (inspections.deadlines).",
    )
    due_earliest_on = models.DateField(
        "due (earliest possible)",
        null=True,
        blank=True,
        editable=False,
        help_text="Equal to the due date when the report's publication day is known; earlier "
        "when it is known only to the month or year.",
    )
    due_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Statutory deadline: report publication date + 55 days (s.55(5A)); the "
        "latest possible one when the report is dated only to the month or year.",
    )
    policing_body = models.ForeignKey(
        PolicingBody,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="responses",
        help_text="The local policing body in office on the report's publication date.",
    )
    chief_officer_comments_requested_by = models.DateField(null=True, blank=True)
    chief_officer_comments_received_on = models.DateField(null=True, blank=True)
    key_findings = models.TextField(blank=True)
    chief_officer_comments = models.TextField(blank=True)
    body_comments = models.TextField(blank=True, help_text="The local policing body's comments.")
    is_published = models.BooleanField(
        default=False, help_text="Tick when published, even if the exact date is not known."
    )
    published_on = models.DateField(null=True, blank=True)
    published_url = models.URLField(max_length=500, blank=True)
    is_not_required = models.BooleanField(
        "not required",
        default=False,
        help_text="Tick if the body will not publish a response to this report (e.g. a "
        "national report it decided not to answer). Give the reason below.",
    )
    not_required_reason = models.TextField(blank=True)
    # s.55(5B): every recommendation needs an explanation before the response is published.
    # Staff may publish without one only by recording an override: who, when and why.
    is_completeness_overridden = models.BooleanField(
        "publish without explaining every recommendation",
        default=False,
        help_text="Only if the published response really leaves a recommendation unexplained. "
        "Say why below; your name and the time are recorded.",
    )
    completeness_override_reason = models.TextField("reason for the override", blank=True)
    completeness_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    completeness_override_at = models.DateTimeField(null=True, blank=True, editable=False)
    source_document = models.CharField(
        max_length=200, blank=True, validators=[validate_document_name]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; guards against lost updates."
    )

    State = ResponseState

    objects = ResponseManager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["due_on", "force__name"]
        indexes = [models.Index(fields=["due_on"], name="recommendations_response_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "force"],
                name="recommendations_response_one_per_force",
                violation_error_message="This report already has a response for that force.",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True)
                | Q(report_published_on__isnull=True)
                | Q(published_on__gte=F("report_published_on")),
                name="recommendations_response_not_before_report",
                violation_error_message="A response cannot be published before its report.",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(is_published=True),
                name="recommendations_response_dated_means_published",
                violation_error_message="A response with a publication date must be published.",
            ),
            models.CheckConstraint(
                condition=Q(is_not_required=False) | ~Q(not_required_reason=""),
                name="recommendations_response_not_required_has_reason",
                violation_error_message="Give the reason no response is required.",
            ),
            models.CheckConstraint(
                condition=Q(is_not_required=False) | Q(is_published=False),
                name="recommendations_response_not_required_unpublished",
                violation_error_message="A published response cannot be marked not required.",
            ),
            models.CheckConstraint(
                condition=Q(is_completeness_overridden=False) | ~Q(completeness_override_reason=""),
                name="recommendations_response_override_has_reason",
                violation_error_message="Give the reason for publishing without explaining "
                "every recommendation.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.force} response to {self.inspection}"

    def save(self, *args, **kwargs) -> None:
        # Derived copy of the parent's dates, not a side effect on other rows.
        self.copy_report_dates()
        super().save(*args, **kwargs)

    def natural_key(self) -> tuple[str, str]:
        return (*self.inspection.natural_key(), self.force.slug)

    natural_key.dependencies = ["inspections.inspection", "inspections.force"]

    def _publication_record_errors(self) -> dict:
        """A published response's publication record is permanent (mirrors the PostgreSQL
        trigger): it cannot be withdrawn, and its date, once recorded, cannot change. Queries
        the stored row."""
        if not self.pk:
            return {}
        stored = Response.objects.filter(pk=self.pk).values("is_published", "published_on").first()
        if not stored or not stored["is_published"]:
            return {}
        if not self.is_published:
            return {
                "is_published": "A published response cannot be withdrawn: its publication "
                "is part of the permanent record."
            }
        if stored["published_on"] and self.published_on != stored["published_on"]:
            return {
                "published_on": "The publication date is part of the permanent record "
                f"({stored['published_on']:%-d %B %Y}) and cannot be changed."
            }
        return {}

    def copy_report_dates(self, *, look_up_body: bool = True) -> None:
        """Set the stored copies of the report's publication date, regime and deadline window,
        and (one query, unless the caller sets it itself) the body in office that day."""
        inspection = self.inspection
        deadline = inspection.response_deadline()
        self.report_published_on = inspection.published_on
        self.regime = deadline.regime
        self.due_earliest_on = deadline.earliest_on
        self.due_on = deadline.latest_on
        if look_up_body:
            self.policing_body = owing_body(self.force_id, inspection.published_on)

    @property
    def body_name(self) -> str:
        """The body that owes the response: the one in office on the publication date when the
        record knows it, otherwise the force's current body."""
        return self.policing_body.name if self.policing_body_id else self.force.local_policing_body

    def due_display(self) -> str:
        """ "26 June 2019", "26 May 2022 – 24 June 2022", or why there is no deadline."""
        return ResponseDeadline(self.regime, self.due_earliest_on, self.due_on).display()

    def clean(self) -> None:
        if not self.inspection_id:
            return
        self.copy_report_dates()
        errors = {}
        today = timezone.localdate()
        if self.published_on:
            if self.report_published_on and self.published_on < self.report_published_on:
                errors["published_on"] = (
                    "The response cannot be published before its report "
                    f"({self.inspection.published_display()})."
                )
            elif self.published_on > today:
                errors["published_on"] = "The publication date cannot be in the future."
        if (
            self.chief_officer_comments_requested_by
            and self.due_on
            and self.chief_officer_comments_requested_by > self.due_on
        ):
            errors["chief_officer_comments_requested_by"] = (
                "The chief officer's deadline falls after the statutory deadline "
                f"({self.due_on:%-d %B %Y}); the body could not then publish in time."
            )
        # Not checked against the report's date: forces see the report before publication.
        if (
            self.chief_officer_comments_received_on
            and self.chief_officer_comments_received_on > today
        ):
            errors["chief_officer_comments_received_on"] = (
                "The date the chief officer's comments were received cannot be in the future."
            )
        if self.published_on and not self.is_published:
            errors["is_published"] = "Tick “Published” if the response has a publication date."
        if self.is_not_required:
            if not self.not_required_reason.strip():
                errors["not_required_reason"] = "Give the reason no response is required."
            if self.is_published:
                errors["is_not_required"] = (
                    "A published response cannot be marked not required: untick one of them."
                )
        if self.is_completeness_overridden and not self.completeness_override_reason.strip():
            errors["completeness_override_reason"] = (
                "Give the reason for publishing without explaining every recommendation."
            )
        errors.update(self._publication_record_errors())
        if errors:
            raise ValidationError(errors)

    def days_until_due(self, today: date) -> int | None:
        """Days from `today` to the deadline: 0 on the due date, negative once it has passed;
        None when the deadline is not known."""
        return None if self.due_on is None else (self.due_on - today).days

    def unexplained_recommendations(
        self, explained_finding_ids: set[int] | None = None
    ) -> list["Finding"]:
        """The recommendations owed by this response's force or its body that it does not
        explain (s.55(5B)), in report order. Queries: the explanations (unless their finding
        ids are given) and the recommendations."""
        from recommendations.obligations import owed_by_force_q

        if explained_finding_ids is None:
            explained_finding_ids = set(self.explanations.values_list("finding_id", flat=True))
        return [
            finding
            for finding in Finding.objects.filter(
                owed_by_force_q(self.force_id),
                inspection_id=self.inspection_id,
                kind=FindingKind.RECOMMENDATION,
            ).order_by("position")
            if finding.pk not in explained_finding_ids
        ]


class FindingExplanation(models.Model):
    """What the body says it has done or will do about one finding (s.55(5B) for
    recommendations; OPCCs also explain their AFIs)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="explanations")
    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="explanations")
    text = models.TextField()
    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised by every save; guards against lost updates."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["finding__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "finding"],
                name="recommendations_explanation_one_per_finding",
                violation_error_message="This response already explains that finding.",
            ),
            models.CheckConstraint(
                condition=~Q(text=""), name="recommendations_explanation_text_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"Explanation of {self.finding}"

    def clean(self) -> None:
        if (
            self.response_id
            and self.finding_id
            and self.finding.inspection_id != self.response.inspection_id
        ):
            raise ValidationError({"finding": "That finding is from a different report."})


class ReminderLog(models.Model):
    """One response listed in one user's deadline reminder on one day: the record that stops
    a second run of send_deadline_reminders on the same day from sending it again."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deadline_reminders"
    )
    sent_on = models.DateField()
    state = models.CharField(
        max_length=30, choices=ResponseState.choices, help_text="The response's state that day."
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_on", "response"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "user", "sent_on"],
                name="recommendations_reminderlog_once_a_day",
                violation_error_message="This reminder was already sent that day.",
            ),
            models.CheckConstraint(
                condition=Q(state__in=ResponseState.values),
                name="recommendations_reminderlog_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.response} reminded to {self.user} on {self.sent_on:%-d %B %Y}"
