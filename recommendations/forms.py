from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils import timezone

from peel_tracker.concurrency import VersionedModelForm
from recommendations.concurrency import statuses_recorded_since
from recommendations.models import DigestSubscription, Finding, FindingStatus, Status, StatusSource
from recommendations.services import check_status_change


class AddresseesField(forms.Field):
    """A finding's addressees as worded, one per line (stored as a list): an editor types
    “chief constables” on one line and “the Home Office” on the next, never JSON."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value  # what was typed, shown back as typed

    def to_python(self, value) -> list[str]:
        lines = value if isinstance(value, list | tuple) else str(value or "").splitlines()
        return [text for text in (str(line).strip() for line in lines) if text]


class FindingFieldsAdminMixin:
    """For every admin form that edits findings (their own page and inline on the report)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "addressees":
            return AddresseesField(
                label="Addressees as worded",
                required=False,
                help_text="Who the report says the finding is for, in its words, one per line "
                "(e.g. “chief constables”, then “the Home Office”). Who owes it is set by the "
                "fields below.",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def fill_positions(finding_forms: list[forms.ModelForm], inspection_id: int | None) -> None:
    """Give each finding form left without a position the next one after the report's saved
    findings and the positions typed in the same forms, in page order."""
    blank = [form for form in finding_forms if form.cleaned_data.get("position") is None]
    if not blank:
        return
    typed = [form.cleaned_data["position"] for form in finding_forms if form not in blank]
    last = max([Finding.objects.last_position(inspection_id), *typed])
    for position, form in enumerate(blank, start=last + 1):
        form.cleaned_data["position"] = form.instance.position = position


class FindingAdminForm(VersionedModelForm):
    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("inspection") is not None:
            fill_positions([self], cleaned["inspection"].pk)
        return cleaned


class FindingInlineFormSet(BaseInlineFormSet):
    """Findings entered on their report's page: a new one left without a position goes after
    the others (the admin's "Add another" copies one empty form, so no default can differ)."""

    def clean(self) -> None:
        entered = [
            form
            for form in self.forms
            if form.has_changed()
            and hasattr(form, "cleaned_data")
            and not self._should_delete_form(form)
        ]
        fill_positions(entered, self.instance.pk)
        super().clean()

    def get_unique_error_message(self, unique_check) -> str:
        if "position" in unique_check:
            return (
                "Two findings of this report have the same position: give each its own, or "
                "leave a new one’s empty to place it after the others."
            )
        return super().get_unique_error_message(unique_check)


class StatusChangeFields(forms.Form):
    """The three things every status change needs: the new status, when it took effect, and
    a note saying why (with evidence)."""

    new_status = forms.ChoiceField(label="New status", choices=Status.choices)
    effective_on = forms.DateField(
        label="Took effect on",
        error_messages={"required": "Give the date the status took effect."},
        initial=timezone.localdate,
        help_text="The date the status took effect (not in the future).",
        # A date input sends and expects ISO dates whatever the locale ("2026-12-02").
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label="Note",
        error_messages={
            "required": "Add a note saying why the status changed and what evidence supports it."
        },
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why the status changed and the evidence for it. Kept permanently.",
    )
    source_kind = forms.ChoiceField(
        label="Rests on",
        choices=[("", "Not stated"), *StatusSource.choices],
        required=False,
        help_text="The document the change rests on, if any.",
    )
    source_reference = forms.CharField(
        label="Source reference",
        required=False,
        max_length=500,
        help_text="Its title, date or web address, so anyone can find it.",
    )


def status_change_values(form: forms.Form) -> dict:
    """The status change a valid form with the StatusChangeFields records (FindingStatusForm,
    BulkStatusForm), as keyword arguments of the status services."""
    cleaned = form.cleaned_data
    return {
        "status": cleaned["new_status"],
        "effective_on": cleaned["effective_on"],
        "note": cleaned["note"],
        "source_kind": cleaned.get("source_kind", ""),
        "source_reference": cleaned.get("source_reference", ""),
    }


class FindingStatusForm(VersionedModelForm):
    """Admin change form for a finding's status: the current values are read-only; the form
    adds one permanent history entry."""

    new_status = StatusChangeFields.base_fields["new_status"]
    effective_on = StatusChangeFields.base_fields["effective_on"]
    note = StatusChangeFields.base_fields["note"]
    source_kind = StatusChangeFields.base_fields["source_kind"]
    source_reference = StatusChangeFields.base_fields["source_reference"]

    class Meta:
        model = FindingStatus
        fields: list[str] = []

    def stale_message(self, loaded_version: int | None) -> str:
        # The statuses recorded since, rather than field changes (VersionedModelForm's default).
        current = FindingStatus.objects.get(pk=self.instance.pk)
        return statuses_recorded_since(current, loaded_version)

    def clean(self) -> dict:
        cleaned = super().clean()  # refuses a stale form (VersionedModelForm)
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


class DigestFrequencyForm(forms.Form):
    """How often the Watching page's owner gets their email digest."""

    frequency = forms.ChoiceField(
        label="How often do you want the email digest?",
        choices=DigestSubscription.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how often you want the email digest.",
            "invalid_choice": "Choose daily, weekly or never (paused).",
        },
    )
