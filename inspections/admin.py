from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from inspections import user_admin  # noqa: F401 - registers the users' admin
from inspections.access import (
    editable_force_ids,
    editable_inspections,
    is_administrator,
    may_edit_inspection,
)
from inspections.deadlines import Regime
from inspections.history_admin import PermanentHistoryAdmin
from inspections.models import (
    Area,
    Force,
    Framework,
    Inspection,
    Judgment,
    NationalBody,
    PolicingBody,
)
from recommendations.models import Finding
from recommendations.services import inspection_open_tracking


class PolicingBodyInline(admin.TabularInline):
    """The force's local policing bodies through time, each term with its source."""

    model = PolicingBody
    extra = 0
    fields = ["name", "kind", "starts_on", "ends_on", "source_url", "source_note"]


@admin.register(Force)
class ForceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "local_policing_body", "body_kind", "region"]
    list_filter = ["body_kind", "region"]
    search_fields = ["name", "slug", "local_policing_body"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["editors"]
    list_select_related = True
    inlines = [PolicingBodyInline]


@admin.register(PolicingBody)
class PolicingBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "force", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "force"]
    search_fields = ["name", "force__name", "source_note"]
    list_select_related = ["force"]
    autocomplete_fields = ["force"]
    date_hierarchy = "starts_on"


@admin.register(NationalBody)
class NationalBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class AreaInline(admin.TabularInline):
    model = Area
    extra = 0
    fields = ["position", "name", "kind", "parent", "is_graded", "source_url"]
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "first_year", "scale", "area_count"]
    list_filter = ["scale"]
    search_fields = ["name", "slug"]
    inlines = [AreaInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(area_count=Count("areas"))

    @admin.display(description="areas", ordering="area_count")
    def area_count(self, obj: Framework) -> int:
        return obj.area_count


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "framework", "kind", "parent", "position", "is_graded"]
    list_filter = ["framework", "kind", "is_graded"]
    search_fields = ["name", "framework__name"]
    list_select_related = ["framework", "parent__framework"]
    autocomplete_fields = ["framework", "parent"]


class JudgmentInline(admin.TabularInline):
    model = Judgment
    extra = 0
    fields = ["area", "grade", "as_of_on", "is_carried_forward", "source_section"]


class FindingInline(admin.StackedInline):
    model = Finding
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


@admin.register(Inspection)
class InspectionAdmin(PermanentHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "kind", "force", "published", "framework", "finding_count"]
    list_filter = ["kind", "framework", "published_precision", "force"]
    search_fields = ["title", "slug", "force__name", "summary"]
    list_select_related = ["force", "framework"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["force", "applies_to", "framework"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["response_due_on", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "framework", "force", "applies_to"]}),
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
        """Adds the "Import a report" page (inspections/import_admin.py)."""
        from functools import partial

        from django.urls import path

        from inspections.import_admin import import_report_view

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

    def has_change_permission(self, request: HttpRequest, obj: Inspection | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_edit_inspection(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Inspection | None = None) -> bool:
        return super().has_delete_permission(request, obj) and is_administrator(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "force":
            allowed = editable_force_ids(request.user)
            if allowed is not None:
                # Editors record their own forces' reports; national ones are for administrators.
                kwargs["queryset"] = Force.objects.filter(pk__in=allowed)
                kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        counts = inspection_open_tracking(inspection=form.instance, user=request.user)
        if counts["statuses"] or counts["responses"]:
            self.message_user(
                request,
                f"Opened {counts['statuses']} finding statuses and "
                f"{counts['responses']} responses owed.",
            )


@admin.register(Judgment)
class JudgmentAdmin(PermanentHistoryAdmin):
    list_display = ["inspection", "area", "grade", "is_carried_forward"]
    list_filter = ["grade", "area__framework", "is_carried_forward", "inspection__force"]
    search_fields = ["inspection__title", "area__name", "inspection__force__name"]
    list_select_related = ["inspection", "area__framework"]
    autocomplete_fields = ["inspection", "area"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "inspection":
            kwargs["queryset"] = editable_inspections(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: Judgment | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_edit_inspection(request.user, obj.inspection)

    def has_delete_permission(self, request: HttpRequest, obj: Judgment | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or may_edit_inspection(request.user, obj.inspection)
