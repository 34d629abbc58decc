"""A response's explanation of one finding (s.55(5B))."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from inspections.access import ForceScopedQuerySet
from peel_tracker.concurrency import version_field
from recommendations.models.findings import Finding
from recommendations.models.responses import Response


class FindingExplanationQuerySet(ForceScopedQuerySet):
    # An explanation in a draft response is as private as the draft itself.
    force_field = "response__force"
    published_field = "response__is_published"


class FindingExplanation(models.Model):
    """What the body says it has done or will do about one finding (s.55(5B) for
    recommendations; OPCCs also explain their AFIs)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="explanations")
    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="explanations")
    text = models.TextField()
    version = version_field()

    objects = FindingExplanationQuerySet.as_manager()
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
