"""A finding's status for each force or national body, and its append-only history."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from inspections.access import ForceScopedQuerySet
from inspections.models import Force, NationalBody
from recommendations.models.findings import Finding


class FindingStatusQuerySet(ForceScopedQuerySet):
    # A national body's own status (no force) is changed by administrators only.
    force_field = "force"

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
