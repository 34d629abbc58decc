"""What each endpoint returns: stable snake_case names, documented in the schema. Dates are ISO
8601 ("2019-05-02"); a report's date comes with its precision (`day`, `month`, `year`: a report
known only to the month is stored as the 1st) and the date as precise as its source
(`report_published`: "2019-05-02", "2022-04" or "2022"). Stored values (`kind`, `status`,
`state` …) are the same in every release; their `_label`s are what the pages show."""

from datetime import date

from django.urls import reverse
from rest_framework import serializers

from inspections.deadlines import Regime
from inspections.models import (
    DatePrecision,
    Force,
    Grade,
    Inspection,
    InspectionKind,
    Judgment,
    PolicingBody,
)
from recommendations.api.representation import FastRowsMixin
from recommendations.models import Finding, Response, Status, StatusChange, StatusSource
from recommendations.tracker import completeness, timing

STATUS_LABELS = dict(Status.choices)
# For the schema's enum names (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]).
POLICING_BODY_KINDS = PolicingBody.Kind


def published_as_iso(day: date | None, precision: str) -> str | None:
    """A date as precise as its source, in ISO 8601: "2019-05-02", "2022-04" or "2022"."""
    if day is None:
        return None
    if precision == DatePrecision.MONTH:
        return f"{day:%Y-%m}"
    if precision == DatePrecision.YEAR:
        return f"{day:%Y}"
    return day.isoformat()


def absolute_url(serializer: serializers.Serializer, name: str, pk: int) -> str:
    request = serializer.context.get("request")
    path = reverse(name, args=[pk])
    return request.build_absolute_uri(path) if request else path


class ReportFieldsMixin(FastRowsMixin, serializers.Serializer):
    """The report a row belongs to (its `report` attribute)."""

    report_id = serializers.IntegerField(source="inspection_id")
    report_title = serializers.CharField(source="inspection.title")
    report_kind = serializers.ChoiceField(source="inspection.kind", choices=InspectionKind.choices)
    report_published_on = serializers.DateField(
        source="inspection.published_on",
        allow_null=True,
        help_text="Stored publication date: the 1st of the month (or year) when the source "
        "gives only the month (or year); see report_published_precision.",
    )
    report_published_precision = serializers.ChoiceField(
        source="inspection.published_precision", choices=DatePrecision.choices
    )
    report_published = serializers.SerializerMethodField(
        help_text="The publication date as precise as its source: YYYY-MM-DD, YYYY-MM or YYYY."
    )

    def get_report_published(self, row) -> str | None:
        return published_as_iso(row.inspection.published_on, row.inspection.published_precision)


class FindingRowSerializer(ReportFieldsMixin):
    """One row of the findings list (/findings/): a finding with one force's (or national
    body's) current status; a finding with no status (good practice) has one row without."""

    finding_id = serializers.IntegerField(source="pk")
    status_id = serializers.IntegerField(
        source="row_status_pk",
        allow_null=True,
        help_text="The force's status record; null when the finding has no status (good practice).",
    )
    label = serializers.CharField(help_text="As the pages name it: “Recommendation 1”.")
    kind = serializers.ChoiceField(choices=Finding.Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    reference = serializers.CharField(help_text="The report's own number, if it numbers them.")
    text = serializers.CharField()
    area_id = serializers.IntegerField(allow_null=True)
    area_name = serializers.CharField(source="area.name", allow_null=True)
    force_slug = serializers.CharField(
        source="row_force_slug",
        allow_null=True,
        help_text="The force the row is for (null for a national body's row, and for a "
        "national report's good practice).",
    )
    force_name = serializers.CharField(
        source="row_force_name",
        allow_null=True,
        help_text="The force or national body the row is for, as the list's Force column.",
    )
    status = serializers.ChoiceField(source="row_status", choices=Status.choices, allow_null=True)
    status_label = serializers.SerializerMethodField()
    status_since = serializers.DateField(source="row_status_since", allow_null=True)
    last_note = serializers.CharField(source="row_last_note", allow_null=True)
    themes = serializers.ListField(
        child=serializers.CharField(), source="theme_list", help_text="Theme names, A to Z."
    )
    addressees = serializers.ListField(
        child=serializers.CharField(),
        help_text="Who the report says the finding is for, in its words.",
    )
    owed_by_forces = serializers.ChoiceField(
        choices=Finding.ForceScope.choices,
        help_text="Which forces owe it: each force the report applies to, only the forces "
        "named, or none (recommendations.obligations).",
    )
    is_for_policing_bodies = serializers.BooleanField(
        help_text="Addressed to the local policing bodies too (or alone)."
    )
    carried_forward_from_id = serializers.IntegerField(
        allow_null=True, help_text="The earlier finding this one carries forward."
    )
    superseded_by_id = serializers.IntegerField(allow_null=True)
    url = serializers.SerializerMethodField(help_text="The finding's page.")

    def get_status_label(self, row) -> str | None:
        return STATUS_LABELS.get(row.row_status)

    def get_url(self, row) -> str:
        return absolute_url(self, "recommendations:detail", row.pk)


class StatusHistoryEntrySerializer(FastRowsMixin, serializers.Serializer):
    """One entry of a finding's status history, for one holder (a force or a national body),
    as the finding's page lists it."""

    entry_id = serializers.IntegerField(source="pk")
    status_id = serializers.IntegerField(source="finding_status_id")
    holder_kind = serializers.SerializerMethodField(
        help_text="`force` or `national_body`: who holds this status."
    )
    holder_slug = serializers.SerializerMethodField()
    holder_name = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = serializers.CharField(source="get_status_display")
    effective_on = serializers.DateField(
        allow_null=True, help_text="When the status took effect; null if not known."
    )
    note = serializers.CharField(help_text="Why, and the evidence.")
    source_kind = serializers.ChoiceField(
        choices=[("", ""), *StatusSource.choices], help_text="What the change rests on."
    )
    source_kind_label = serializers.CharField(source="get_source_kind_display")
    source_reference = serializers.CharField()
    recorded_by = serializers.SerializerMethodField(
        help_text="Who recorded it, as the page shows (full name, else user name); null for "
        "entries loaded from the source documents."
    )
    recorded_at = serializers.DateTimeField()

    def _holder(self, entry: StatusChange):
        status = entry.finding_status
        return status.force or status.national_body

    def get_holder_kind(self, entry: StatusChange) -> str:
        return "force" if entry.finding_status.force_id else "national_body"

    def get_holder_slug(self, entry: StatusChange) -> str:
        return self._holder(entry).slug

    def get_holder_name(self, entry: StatusChange) -> str:
        return self._holder(entry).name

    def get_recorded_by(self, entry: StatusChange) -> str | None:
        user = entry.recorded_by
        return (user.get_full_name() or user.get_username()) if user else None


class JudgmentSerializer(FastRowsMixin, serializers.ModelSerializer):
    area_id = serializers.IntegerField()
    area_name = serializers.CharField(source="area.name")
    grade = serializers.ChoiceField(choices=Grade.choices)
    grade_label = serializers.CharField(source="get_grade_display")

    class Meta:
        model = Judgment
        fields = ["area_id", "area_name", "grade", "grade_label", "is_carried_forward", "as_of_on"]


class ReportSerializer(FastRowsMixin, serializers.ModelSerializer):
    """A report with its grades (a report's page)."""

    report_id = serializers.IntegerField(source="pk")
    kind = serializers.ChoiceField(choices=InspectionKind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    framework_name = serializers.CharField(source="framework.name", allow_null=True)
    published_on = serializers.DateField(
        allow_null=True,
        help_text="Stored date: the 1st of the month (or year) when the source gives only the "
        "month (or year); see published_precision.",
    )
    published_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    published = serializers.SerializerMethodField(
        help_text="The publication date as precise as its source: YYYY-MM-DD, YYYY-MM or YYYY."
    )
    force_slug = serializers.CharField(
        source="force.slug", allow_null=True, help_text="Null for a national report."
    )
    force_name = serializers.CharField(source="force.name", allow_null=True)
    applies_to = serializers.SerializerMethodField(
        help_text="For a national report: the slugs of the forces whose bodies owe a response."
    )
    judgments = JudgmentSerializer(many=True, help_text="Grades, in the framework's order.")
    url = serializers.SerializerMethodField(help_text="The report's page.")

    class Meta:
        model = Inspection
        fields = [
            "report_id",
            "slug",
            "title",
            "kind",
            "kind_label",
            "framework_name",
            "published_on",
            "published_precision",
            "published",
            "force_slug",
            "force_name",
            "applies_to",
            "source_url",
            "judgments",
            "url",
        ]

    def get_published(self, report: Inspection) -> str | None:
        return published_as_iso(report.published_on, report.published_precision)

    def get_applies_to(self, report: Inspection) -> list[str]:
        return [force.slug for force in report.applies_to.all()]

    def get_url(self, report: Inspection) -> str:
        return absolute_url(self, "inspections:detail", report.pk)


class ResponseRowSerializer(ReportFieldsMixin):
    """One row of the 56-day tracker (/tracker/): a response owed by a force's local policing
    body to a report. Dates and states only, as the tracker shows: never a draft's text."""

    response_id = serializers.IntegerField(source="pk")
    force_slug = serializers.CharField(source="force.slug")
    force_name = serializers.CharField(source="force.name")
    owed_by = serializers.SerializerMethodField(
        help_text="The local policing body in office on the report's publication day (else the "
        "force's body today)."
    )
    regime = serializers.ChoiceField(choices=Regime.CHOICES)
    regime_label = serializers.CharField(source="get_regime_display")
    due_on = serializers.DateField(
        allow_null=True,
        help_text="s.55(5A): the report's publication date + 55 days; the latest possible "
        "date when the report is dated only to its month or year.",
    )
    due_earliest_on = serializers.DateField(allow_null=True)
    state = serializers.ChoiceField(choices=Response.State.choices)
    state_label = serializers.SerializerMethodField()
    timing = serializers.SerializerMethodField(help_text="As the tracker: days left, overdue …")
    chief_officer_comments_requested_by = serializers.DateField(allow_null=True)
    chief_officer_comments_received_on = serializers.DateField(allow_null=True)
    is_published = serializers.BooleanField()
    published_on = serializers.DateField(allow_null=True)
    published_url = serializers.SerializerMethodField()
    is_not_required = serializers.BooleanField()
    not_required_reason = serializers.SerializerMethodField()
    recommendations_owed = serializers.IntegerField()
    recommendations_explained = serializers.IntegerField()
    recommendations_unexplained = serializers.IntegerField()
    afi_count = serializers.IntegerField()
    completeness = serializers.SerializerMethodField(
        help_text="s.55(5B): whether the response explains every recommendation owed."
    )

    def get_owed_by(self, response: Response) -> str:
        body = response.policing_body
        return body.name if body else response.force.local_policing_body

    def get_state_label(self, response: Response) -> str:
        return Response.State(response.state).label

    def get_timing(self, response: Response) -> str:
        return timing(response, self.context["today"])

    def get_published_url(self, response: Response) -> str:
        return response.published_url if response.is_published else ""

    def get_not_required_reason(self, response: Response) -> str:
        return response.not_required_reason if response.is_not_required else ""

    def get_completeness(self, response: Response) -> str:
        return completeness(response)


class PolicingBodySerializer(FastRowsMixin, serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=PolicingBody.Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = PolicingBody
        fields = ["name", "kind", "kind_label", "starts_on", "ends_on", "source_url"]
        extra_kwargs = {
            "starts_on": {"help_text": "Null: before the record."},
            "ends_on": {"help_text": "Null: still in office."},
        }


class ForceSerializer(FastRowsMixin, serializers.ModelSerializer):
    force_id = serializers.IntegerField(source="pk")
    local_policing_body = serializers.CharField(help_text="The body today.")
    body_kind = serializers.ChoiceField(choices=Force.BodyKind.choices)
    policing_bodies = PolicingBodySerializer(
        many=True, help_text="The force's local policing bodies through time, earliest first."
    )
    url = serializers.SerializerMethodField(help_text="The force's page.")

    class Meta:
        model = Force
        fields = [
            "force_id",
            "slug",
            "name",
            "region",
            "local_policing_body",
            "body_kind",
            "policing_bodies",
            "url",
        ]

    def get_url(self, force: Force) -> str:
        request = self.context.get("request")
        path = reverse("inspections:force", args=[force.slug])
        return request.build_absolute_uri(path) if request else path
