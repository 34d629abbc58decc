"""The log of deadline reminders sent, one row per response, user and day."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from recommendations.models.response_states import ResponseState
from recommendations.models.responses import Response


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
