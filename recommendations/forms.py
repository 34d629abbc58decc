from django import forms
from django.utils import timezone

from recommendations.models import FindingStatus, Status
from recommendations.services import check_status_change


class StatusChangeFields(forms.Form):
    """The three things every status change needs: the new status, when it took effect, and
    a note saying why (with evidence)."""

    new_status = forms.ChoiceField(label="New status", choices=Status.choices)
    effective_on = forms.DateField(
        label="Took effect on",
        error_messages={"required": "Give the date the status took effect."},
        initial=timezone.localdate,
        help_text="The date the status took effect (not in the future).",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label="Note",
        error_messages={
            "required": "Add a note saying why the status changed and what evidence supports it."
        },
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why the status changed and the evidence for it. Kept permanently.",
    )


class FindingStatusForm(forms.ModelForm):
    """Admin change form for a finding's status: the current values are read-only; the form
    adds one permanent history entry."""

    new_status = StatusChangeFields.base_fields["new_status"]
    effective_on = StatusChangeFields.base_fields["effective_on"]
    note = StatusChangeFields.base_fields["note"]

    class Meta:
        model = FindingStatus
        fields: list[str] = []

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors:
            try:
                check_status_change(
                    finding_status=self.instance,
                    status=cleaned["new_status"],
                    effective_on=cleaned["effective_on"],
                    note=cleaned["note"],
                )
            except forms.ValidationError as error:
                mapping = {"status": "new_status"}
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(mapping.get(field, field), message)
        return cleaned


class BulkStatusForm(StatusChangeFields):
    """The shared status, date and note applied to every selected finding."""
