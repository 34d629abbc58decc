"""The local policing body's s.55 response to a report, for one force."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from inspections.deadlines import Regime, ResponseDeadline
from inspections.models import Force, Inspection, PolicingBody, owing_body, validate_document_name
from peel_tracker.concurrency import version_field
from recommendations.models.findings import Finding, FindingKind
from recommendations.models.response_states import ResponseQuerySet, ResponseState


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
    version = version_field()

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
