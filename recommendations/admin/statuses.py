"""The finding statuses' admin (status changes, the bulk action) and the permanent history's."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from inspections.access import ForceScopedAdminMixin
from inspections.history_admin import ShownNotPostedFormSet
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import LostRaceAdminMixin
from peel_tracker.text import counted, plural
from recommendations.admin.read_only import ReadOnlyAdminMixin
from recommendations.forms import BulkStatusForm, FindingStatusForm, status_change_values
from recommendations.models import FindingStatus, StatusChange
from recommendations.services import finding_status_change, finding_statuses_bulk_change


class StatusHistoryInline(admin.TabularInline):
    """The permanent history, newest first, read-only."""

    model = StatusChange
    formset = ShownNotPostedFormSet
    extra = 0
    fields = [
        "effective_on",
        "status",
        "note",
        "source_kind",
        "source_reference",
        "recorded_by",
        "recorded_at",
    ]
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
class FindingStatusAdmin(
    ChangeListMixin, ForceScopedAdminMixin, LostRaceAdminMixin, admin.ModelAdmin
):
    form = FindingStatusForm
    list_display = [
        "finding_headline",
        "kind",
        "force",
        "national_body",
        "status",
        "status_since",
        "inspection",
    ]
    list_filter = ["status", "finding__kind", "force", "national_body", "finding__inspection__kind"]
    search_fields = [
        "finding__text",
        "finding__reference",
        "force__name",
        "national_body__name",
        "finding__inspection__title",
    ]
    list_select_related = ["finding__inspection", "force", "national_body"]
    date_hierarchy = "status_since"
    readonly_fields = [
        "finding",
        "force",
        "national_body",
        "status",
        "status_since",
        "last_note",
        "updated_by",
        "updated_at",
    ]
    fieldsets = [
        ("Current", {"fields": readonly_fields}),
        (
            "Record a new status",
            {
                "fields": [
                    "new_status",
                    "effective_on",
                    "note",
                    "source_kind",
                    "source_reference",
                    "loaded_version",
                ]
            },
        ),
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

    def save_model(self, request, obj, form, change) -> None:
        finding_status_change(
            finding_status=obj,
            user=request.user,
            **status_change_values(form),
            # Checked again under the row lock: the form's check can lose a race.
            expected_version=form.cleaned_data.get("loaded_version"),
        )

    @admin.action(description="Set the status of the selected findings", permissions=["change"])
    def set_status(self, request: HttpRequest, queryset: QuerySet):
        outside = queryset.not_editable_by(request.user).count()
        if outside:
            self.message_user(
                request,
                f"{outside} of the selected findings {plural(outside, 'belongs', 'belong')} "
                "to forces you do not edit. "
                "Nothing was changed.",
                messages.ERROR,
            )
            return None
        form = BulkStatusForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            try:
                entries = finding_statuses_bulk_change(
                    finding_statuses=queryset, user=request.user, **status_change_values(form)
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            except PermissionDenied as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            else:
                self.message_user(
                    request,
                    f"Recorded a new status for {counted(len(entries), 'finding')}.",
                    messages.SUCCESS,
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
class StatusChangeAdmin(ChangeListMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["finding_status", "status", "effective_on", "recorded_by", "recorded_at"]
    list_filter = ["status", "finding_status__force"]
    search_fields = ["note", "finding_status__finding__text", "finding_status__force__name"]
    list_select_related = ["finding_status__finding", "finding_status__force", "recorded_by"]
    date_hierarchy = "recorded_at"

    def get_actions(self, request: HttpRequest) -> dict:
        # No "delete selected": history is permanent.
        return {}
