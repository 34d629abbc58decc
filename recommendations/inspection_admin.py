"""The inspections' admin page, with its findings inline: it lives here, above the inspections app,
because it shows and opens findings (statuses and responses owed) when a report is saved; the
other inspections models' admins are in inspections/admin.py."""

from functools import partial

from django import forms
from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.urls import path

from inspections import selectors
from inspections.access import ForceScopedAdminMixin, is_administrator
from inspections.admin import JudgmentInline
from inspections.deadlines import Regime
from inspections.history_admin import PermanentHistoryAdmin
from inspections.models import Force, Inspection
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import (
    OptimisticLockAdminMixin,
    VersionedInlineMixin,
    VersionedModelForm,
)
from peel_tracker.text import counted
from peel_tracker.url_fields import HttpsURLField, HttpsUrlsMixin
from recommendations.forms import FindingFieldsAdminMixin, FindingInlineFormSet
from recommendations.imports.admin import import_report_view
from recommendations.models import Finding
from recommendations.services import inspection_open_tracking


class FindingInline(FindingFieldsAdminMixin, VersionedInlineMixin, admin.StackedInline):
    model = Finding
    formset = FindingInlineFormSet
    extra = 0
    fields = [
        ("position", "kind", "reference"),
        "area",
        "text",
        "cause_of_concern",
        ("deadline_text", "addressees"),
        ("owed_by_forces", "is_for_policing_bodies"),
        ("named_forces", "national_bodies"),
        "themes",
        "carried_forward_from",
        ("source_document", "source_section"),
    ]
    autocomplete_fields = [
        "cause_of_concern",
        "carried_forward_from",
        "themes",
        "named_forces",
        "national_bodies",
    ]
    show_change_link = True


class InspectionAdminForm(VersionedModelForm):
    """A report about one force names it; a national report names the forces it applies to,
    or says it applies to every force (43 picks in an autocomplete otherwise). A national
    report applying to nobody would owe no response at all, so it is refused."""

    applies_to_every_force = forms.BooleanField(
        label="Applies to every force",
        required=False,
        help_text="For a national report about all 43 forces: each force's body owes a response.",
    )
    applies_to_regions = forms.MultipleChoiceField(
        label="Applies to every force in these regions",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Added to the forces chosen above, for a report about a region's forces.",
    )

    class Meta:
        model = Inspection
        # Declared here, the form is built when this module loads, before the admin's
        # formfield_overrides apply: the scheme is said here too.
        field_classes = {"source_url": HttpsURLField}
        fields = [
            "title",
            "slug",
            "kind",
            "framework",
            "force",
            "applies_to",
            "published_on",
            "published_precision",
            "response_rule",
            "source_url",
            "summary",
            "source_document",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        regions = selectors.force_regions()
        self.fields["applies_to_regions"].choices = [(region, region) for region in regions]

    def clean(self) -> dict:
        """The forces a national report applies to, however they were chosen: one by one, by
        region, or all of them (saved as the report's 'Applies to')."""
        cleaned = super().clean()
        if cleaned.get("force"):
            return cleaned
        chosen = [force.pk for force in cleaned.get("applies_to") or []]
        if cleaned.get("applies_to_every_force"):
            cleaned["applies_to"] = Force.objects.all()
        elif cleaned.get("applies_to_regions") or chosen:
            cleaned["applies_to"] = Force.objects.filter(
                Q(pk__in=chosen) | Q(region__in=cleaned.get("applies_to_regions") or [])
            )
        else:
            self.add_error(
                "applies_to",
                "A national report must apply to at least one force: choose the forces it "
                "applies to, their regions, or tick “Applies to every force”.",
            )
        return cleaned


@admin.register(Inspection)
class InspectionAdmin(
    ChangeListMixin,
    ForceScopedAdminMixin,
    HttpsUrlsMixin,
    OptimisticLockAdminMixin,
    PermanentHistoryAdmin,
):
    scoped_choices = ("force",)
    form = InspectionAdminForm
    list_display = ["title", "kind", "force", "published", "framework", "finding_count"]
    list_filter = ["kind", "framework", "published_precision", "force"]
    search_fields = ["title", "slug", "force__name", "summary"]
    list_select_related = ["force", "framework"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["force", "applies_to", "framework"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["response_due_on", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "framework",
                    "force",
                    "applies_to",
                    "applies_to_regions",
                    "applies_to_every_force",
                ]
            },
        ),
        (
            "Publication",
            {
                "fields": [
                    "published_on",
                    "published_precision",
                    "response_rule",
                    "response_due_on",
                    "source_url",
                ]
            },
        ),
        ("Content", {"fields": ["summary", "source_document"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [JudgmentInline, FindingInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(finding_count=Count("findings"))

    def get_urls(self):
        """Adds the "Import a report" page (recommendations/imports/admin/)."""
        view = self.admin_site.admin_view(partial(import_report_view, model_admin=self))
        return [
            path("import/", view, name="inspections_inspection_import"),
            *super().get_urls(),
        ]

    @admin.display(description="findings", ordering="finding_count")
    def finding_count(self, obj: Inspection) -> int:
        return obj.finding_count

    @admin.display(description="published", ordering="published_on")
    def published(self, obj: Inspection) -> str:
        return obj.published_display()

    @admin.display(description="response due (s.55(5A))")
    def response_due_on(self, obj: Inspection) -> str:
        deadline = obj.response_deadline()
        if deadline.regime == Regime.NO_STATUTORY_DEADLINE:
            return "No statutory deadline: comments owed, s.55(5A) does not apply"
        if deadline.regime == Regime.DATE_UNKNOWN:
            return "Unknown until the publication date is entered"
        return deadline.display()

    def has_delete_permission(self, request: HttpRequest, obj: Inspection | None = None) -> bool:
        return super().has_delete_permission(request, obj) and is_administrator(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "force" and not is_administrator(request.user):
            # Editors record their own forces' reports (the force's choices are theirs:
            # scoped_choices); national ones are for administrators.
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        counts = inspection_open_tracking(inspection=form.instance, user=request.user)
        if counts["statuses"] or counts["responses"]:
            self.message_user(
                request,
                f"Opened {counted(counts['statuses'], 'finding status', 'finding statuses')} "
                f"and {counted(counts['responses'], 'response')} owed.",
            )
