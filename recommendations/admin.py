from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from inspections.access import (
    can_edit_force,
    editable_force_ids,
    editable_inspections,
    may_edit_inspection,
)
from inspections.models import Force
from recommendations.forms import BulkStatusForm, FindingStatusForm
from recommendations.models import (
    Finding,
    FindingExplanation,
    FindingStatus,
    Response,
    StatusChange,
    Theme,
)
from recommendations.services import (
    finding_status_change,
    finding_statuses_bulk_change,
    inspection_open_tracking,
)


class ReadOnlyAdminMixin:
    """For permanent records: viewable, never added, changed or deleted through the admin."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "finding_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(finding_count=Count("findings"))

    @admin.display(description="findings", ordering="finding_count")
    def finding_count(self, obj: Theme) -> int:
        return obj.finding_count


class FindingStatusInline(admin.TabularInline):
    model = FindingStatus
    extra = 0
    fields = ["force", "status", "status_since", "last_note"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("force")


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["headline", "kind", "reference", "inspection", "area", "position"]
    list_filter = ["kind", "inspection__kind", "themes", "inspection__framework"]
    search_fields = ["text", "reference", "inspection__title", "area__name"]
    list_select_related = ["inspection", "area__framework"]
    autocomplete_fields = [
        "inspection",
        "area",
        "cause_of_concern",
        "carried_forward_from",
        "superseded_by",
        "themes",
    ]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [FindingStatusInline]

    @admin.display(description="finding")
    def headline(self, obj: Finding) -> str:
        return obj.headline

    def has_change_permission(self, request: HttpRequest, obj: Finding | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_edit_inspection(request.user, obj.inspection)

    def has_delete_permission(self, request: HttpRequest, obj: Finding | None = None) -> bool:
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "inspection":
            kwargs["queryset"] = editable_inspections(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # A finding added on its own page needs its statuses opened like one added inline.
        inspection_open_tracking(inspection=form.instance.inspection, user=request.user)


class StatusHistoryInline(admin.TabularInline):
    """The permanent history, newest first, read-only."""

    model = StatusChange
    extra = 0
    fields = ["effective_on", "status", "note", "recorded_by", "recorded_at"]
    readonly_fields = fields
    ordering = ["-recorded_at", "-id"]
    can_delete = False
    verbose_name = "history entry"
    verbose_name_plural = "history (permanent; newest first)"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("recorded_by")


@admin.register(FindingStatus)
class FindingStatusAdmin(admin.ModelAdmin):
    form = FindingStatusForm
    list_display = ["finding_headline", "kind", "force", "status", "status_since", "inspection"]
    list_filter = ["status", "finding__kind", "force", "finding__inspection__kind"]
    search_fields = [
        "finding__text",
        "finding__reference",
        "force__name",
        "finding__inspection__title",
    ]
    list_select_related = ["finding__inspection", "force"]
    date_hierarchy = "status_since"
    readonly_fields = [
        "finding",
        "force",
        "status",
        "status_since",
        "last_note",
        "updated_by",
        "updated_at",
    ]
    fieldsets = [
        ("Current", {"fields": readonly_fields}),
        ("Record a new status", {"fields": ["new_status", "effective_on", "note"]}),
    ]
    inlines = [StatusHistoryInline]
    actions = ["set_status"]

    @admin.display(description="finding", ordering="finding__position")
    def finding_headline(self, obj: FindingStatus) -> str:
        return obj.finding.headline

    @admin.display(description="kind", ordering="finding__kind")
    def kind(self, obj: FindingStatus) -> str:
        return obj.finding.get_kind_display()

    @admin.display(description="report", ordering="finding__inspection__published_on")
    def inspection(self, obj: FindingStatus) -> str:
        return obj.finding.inspection.title

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not self.has_change_permission(request, obj):
            return [("Current", {"fields": self.readonly_fields})]
        return super().get_fieldsets(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Statuses are opened for each force when a report's findings are saved.
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or can_edit_force(request.user, obj.force_id)

    def save_model(self, request, obj, form, change) -> None:
        finding_status_change(
            finding_status=obj,
            status=form.cleaned_data["new_status"],
            effective_on=form.cleaned_data["effective_on"],
            note=form.cleaned_data["note"],
            user=request.user,
        )

    @admin.action(description="Set the status of the selected findings", permissions=["change"])
    def set_status(self, request: HttpRequest, queryset: QuerySet):
        allowed = editable_force_ids(request.user)
        if allowed is not None:
            outside = queryset.exclude(force__in=allowed).count()
            if outside:
                self.message_user(
                    request,
                    f"{outside} of the selected findings belong to forces you do not edit. "
                    "Nothing was changed.",
                    messages.ERROR,
                )
                return None
        form = BulkStatusForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            try:
                entries = finding_statuses_bulk_change(
                    finding_statuses=queryset,
                    status=form.cleaned_data["new_status"],
                    effective_on=form.cleaned_data["effective_on"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            except PermissionDenied as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            else:
                self.message_user(
                    request, f"Recorded a new status for {len(entries)} findings.", messages.SUCCESS
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Set the status of the selected findings",
            "form": form,
            "queryset": queryset.select_related("finding", "force"),
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/recommendations/findingstatus/set_status.html", context
        )


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["finding_status", "status", "effective_on", "recorded_by", "recorded_at"]
    list_filter = ["status", "finding_status__force"]
    search_fields = ["note", "finding_status__finding__text", "finding_status__force__name"]
    list_select_related = ["finding_status__finding", "finding_status__force", "recorded_by"]
    date_hierarchy = "recorded_at"

    def get_actions(self, request: HttpRequest) -> dict:
        # No "delete selected": history is permanent.
        return {}


class FindingExplanationInline(admin.StackedInline):
    model = FindingExplanation
    extra = 0
    fields = ["finding", "text"]
    autocomplete_fields = ["finding"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "inspection",
        "force",
        "report_published_on",
        "due_on",
        "is_published",
        "published_on",
    ]
    list_filter = ["is_published", "force", "inspection__kind"]
    search_fields = ["inspection__title", "force__name", "body_comments"]
    list_select_related = ["inspection", "force"]
    date_hierarchy = "due_on"
    autocomplete_fields = ["inspection", "force"]
    readonly_fields = ["report_published_on", "due_on", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["inspection", "force", "report_published_on", "due_on"]}),
        (
            "Chief officer",
            {
                "fields": [
                    "chief_officer_comments_requested_by",
                    "chief_officer_comments_received_on",
                    "chief_officer_comments",
                ]
            },
        ),
        ("The body's response", {"fields": ["key_findings", "body_comments"]}),
        ("Publication", {"fields": ["is_published", "published_on", "published_url"]}),
        ("Record", {"fields": ["source_document", "created_at", "updated_at"]}),
    ]
    inlines = [FindingExplanationInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        allowed = editable_force_ids(request.user)
        if allowed is None:
            return queryset
        # Draft responses are seen only by the editors of that force.
        return queryset.filter(Q(is_published=True) | Q(force__in=allowed))

    def has_change_permission(self, request: HttpRequest, obj: Response | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or can_edit_force(request.user, obj.force_id)

    def has_delete_permission(self, request: HttpRequest, obj: Response | None = None) -> bool:
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "force":
            allowed = editable_force_ids(request.user)
            if allowed is not None:
                kwargs["queryset"] = Force.objects.filter(pk__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(FindingExplanation)
class FindingExplanationAdmin(admin.ModelAdmin):
    list_display = ["finding", "response", "force"]
    list_filter = ["response__force", "response__is_published", "finding__kind"]
    search_fields = [
        "text",
        "finding__text",
        "response__inspection__title",
        "response__force__name",
    ]
    list_select_related = ["finding", "response__inspection", "response__force"]
    autocomplete_fields = ["response", "finding"]

    @admin.display(description="force", ordering="response__force__name")
    def force(self, obj: FindingExplanation) -> str:
        return obj.response.force.name

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        allowed = editable_force_ids(request.user)
        if allowed is None:
            return queryset
        # Explanations in a draft response are as private as the draft itself.
        return queryset.filter(Q(response__is_published=True) | Q(response__force__in=allowed))

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or can_edit_force(request.user, obj.response.force_id)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = editable_force_ids(request.user)
        if db_field.name == "response" and allowed is not None:
            kwargs["queryset"] = Response.objects.filter(force__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
