"""Forms of the admin's "Import a report" page: the upload step, then the proposal (report
details, grades, findings) that staff correct and confirm. The proposal travels in the POSTed
form data between the two steps; nothing is kept in the session or the database."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError

from inspections.access import is_administrator
from inspections.models import DatePrecision, Force, Framework, Grade, Inspection, InspectionKind
from inspections.report_reader import MAX_BYTES
from inspections.report_reader.model import REVIEW_BELOW
from recommendations.forms import AddresseesField
from recommendations.models import Finding

NEW_AREA_SUFFIX = " (new area)"
# Below this the reader was not sure (text cut off, a quoted or near-miss document): the
# review page flags the finding for a closer look.
LOW_CONFIDENCE = REVIEW_BELOW


def _force_queryset(user):
    return Force.objects.order_by("name").editable_by(user)


def _kind_choices(user) -> list[tuple[str, str]]:
    """Editors record their own forces' reports; national kinds are for administrators, as on
    the inspection form."""
    choices = list(InspectionKind.choices)
    if not is_administrator(user):
        choices = [c for c in choices if c[0] not in Inspection.NATIONAL_KINDS]
    return choices


class UploadForm(forms.Form):
    file = forms.FileField(
        required=False,
        label="Report file",
        help_text="Text or Markdown (.txt, .md), PDF, Word (.docx) or a web page saved as "
        f".html; at most {MAX_BYTES // 1024 // 1024} MB.",
    )
    text = forms.CharField(
        required=False,
        label="Or paste the report's text",
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
    )
    force = forms.ModelChoiceField(queryset=Force.objects.none(), label="Force")
    title = forms.CharField(
        required=False, max_length=300, help_text="Leave empty to use the report's own title."
    )
    published_on = forms.DateField(
        required=False,
        label="Publication date",
        widget=forms.DateInput(format="%Y-%m-%d"),
        help_text="YYYY-MM-DD. Leave empty to use the date the report states, if any.",
    )
    kind = forms.ChoiceField(
        required=False, label="Kind of report", help_text="Leave empty to let the reader decide."
    )
    framework = forms.ModelChoiceField(
        queryset=Framework.objects.all(),
        required=False,
        help_text="Leave empty to use the PEEL era the report names.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = _force_queryset(user)
        self.fields["kind"].choices = [("", "Decide from the report"), *_kind_choices(user)]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_BYTES:
            raise ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the largest report this reads "
                f"is {MAX_BYTES // 1024 // 1024} MB."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("file") and not (cleaned.get("text") or "").strip():
            raise ValidationError("Choose a file or paste the report's text.")
        if cleaned.get("file") and (cleaned.get("text") or "").strip():
            raise ValidationError("Choose a file or paste text, not both.")
        return cleaned


class ReportDetailsForm(forms.Form):
    """The inspection's own fields, as proposed; staff may correct them."""

    force = forms.ModelChoiceField(queryset=Force.objects.none(), widget=forms.HiddenInput)
    framework = forms.ModelChoiceField(
        queryset=Framework.objects.all(), required=False, widget=forms.HiddenInput
    )
    title = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"size": 90}))
    kind = forms.ChoiceField(label="Kind of report")
    published_on = forms.DateField(
        required=False,
        label="Publication date (YYYY-MM-DD)",
        widget=forms.DateInput(format="%Y-%m-%d"),
    )
    published_precision = forms.ChoiceField(
        choices=DatePrecision.choices, label="Precision of the date"
    )
    source_document = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    new_areas = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["force"].queryset = _force_queryset(user)
        self.fields["kind"].choices = _kind_choices(user)

    def new_area_names(self) -> list[str]:
        raw = self.data.get(self.add_prefix("new_areas")) if self.is_bound else None
        raw = raw if raw is not None else self.initial.get("new_areas", "[]")
        try:
            names = json.loads(raw or "[]")
        except ValueError:
            return []
        return [str(name)[:200] for name in names if isinstance(name, str) and name.strip()]


def area_choices(framework: Framework | None, new_areas: list[str]) -> list[tuple[str, str]]:
    choices = [("", "No area")]
    if framework is not None:
        choices += [(area.name, area.name) for area in framework.areas.all()]
    choices += [(name, f"{name}{NEW_AREA_SUFFIX}") for name in new_areas]
    return choices


class JudgmentForm(forms.Form):
    area = forms.ChoiceField(required=False)
    grade = forms.ChoiceField(required=False)
    section = forms.CharField(required=False, widget=forms.HiddenInput)
    is_carried_forward = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, areas, grades, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = areas
        self.fields["grade"].choices = [("", "—"), *grades]

    def has_changed(self) -> bool:
        # A row with neither area nor grade is the empty row for adding one: skip it.
        return bool(self._raw("area") or self._raw("grade"))

    def _raw(self, name: str) -> str:
        return (self.data.get(self.add_prefix(name)) or "").strip() if self.is_bound else ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("DELETE") and (not cleaned.get("area") or not cleaned.get("grade")):
            raise ValidationError("Give both the area and the grade, or tick Delete.")
        return cleaned


class FindingForm(forms.Form):
    # What staff do not edit (the reader's index of the row, the cause of concern it answers,
    # where it was found, whether the report says it remains in place, the proposed links) in
    # one hidden field: a report of 80 findings must stay under Django's limit of 1000 fields.
    meta = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=Finding.Kind.choices)
    area = forms.ChoiceField(required=False)
    reference = forms.CharField(
        required=False, max_length=40, widget=forms.TextInput(attrs={"size": 14})
    )
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6, "cols": 70}))
    addressees = AddresseesField(
        required=False,
        label="Addressees",
        help_text="One per line, in the report's words, for thematic recommendations.",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 30}),
    )
    deadline = forms.CharField(
        required=False, max_length=120, widget=forms.TextInput(attrs={"size": 20})
    )
    carried_forward_from = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        label="Carried forward from",
        help_text="Link only if this finding continues the earlier one.",
    )

    def __init__(
        self, *args, areas, candidate_labels: dict[int, str], eligible_ids: set[int], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = areas
        self.eligible_ids = eligible_ids
        shown = self._candidate_ids()
        self.fields["carried_forward_from"].choices = [("", "No link")] + [
            (pk, candidate_labels.get(pk, f"Finding {pk}")) for pk in shown if pk in eligible_ids
        ]

    def meta_values(self) -> dict:
        """The hidden row data as a dict: key, cause_of_concern, section, remains_from_earlier,
        candidates, and the reader's evidence (source lines and their text, confidence,
        is_low_confidence). Anything malformed reads as absent."""
        raw = self.data.get(self.add_prefix("meta")) if self.is_bound else None
        raw = raw if raw is not None else self.initial.get("meta", "")
        try:
            values = json.loads(raw or "{}")
        except ValueError:
            values = {}
        if not isinstance(values, dict):
            values = {}

        def number(name):
            value = values.get(name)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        candidates = values.get("candidates")
        lines = values.get("lines")
        lines_ok = (
            isinstance(lines, list)
            and len(lines) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in lines)
        )
        confidence = values.get("confidence")
        return {
            "lines": tuple(lines) if lines_ok else None,
            "source": str(values.get("source") or "")[:1500],
            "confidence": (
                float(confidence)
                if isinstance(confidence, int | float) and not isinstance(confidence, bool)
                else 1.0
            ),
            "is_low_confidence": (
                isinstance(confidence, int | float)
                and not isinstance(confidence, bool)
                and confidence < LOW_CONFIDENCE
            ),
            "key": number("key"),
            "cause_of_concern": number("cause_of_concern"),
            "section": str(values.get("section") or "")[:300],
            "remains_from_earlier": values.get("remains_from_earlier") is True,
            "candidates": [
                pk
                for pk in (candidates if isinstance(candidates, list) else [])
                if isinstance(pk, int)
            ],
        }

    def _candidate_ids(self) -> list[int]:
        return self.meta_values()["candidates"]

    def has_changed(self) -> bool:
        # A row without text is the empty row for adding a finding: skip it.
        if not self.is_bound:
            return super().has_changed()
        return bool((self.data.get(self.add_prefix("text")) or "").strip())

    def clean_meta(self) -> str:
        # Written by the review page itself: anything else means the page was altered (or
        # damaged) between reading and confirming, and what it says cannot be relied on.
        raw = self.cleaned_data.get("meta") or ""
        try:
            readable = isinstance(json.loads(raw), dict) if raw else True
        except ValueError:
            readable = False
        if not readable:
            raise ValidationError(
                "This row's hidden details were changed after the report was read, so it "
                "cannot be saved as read. Nothing was saved: read the report again."
            )
        return raw

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("DELETE") and not (cleaned.get("text") or "").strip():
            raise ValidationError("Give the finding's text, or tick Delete.")
        if (
            cleaned.get("carried_forward_from")
            and cleaned["carried_forward_from"] not in self.eligible_ids
        ):
            raise ValidationError("That earlier finding is no longer open for this force.")
        return cleaned


JudgmentFormSet = forms.formset_factory(JudgmentForm, extra=1, can_delete=True)
FindingFormSet = forms.formset_factory(FindingForm, extra=1, can_delete=True)


def grade_choices(framework: Framework | None) -> list[tuple[str, str]]:
    allowed = framework.allowed_grades() if framework is not None else Grade.values
    return [(value, label) for value, label in Grade.choices if value in allowed]
