"""The findings' admin, with each finding's statuses inline."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from inspections.access import ForceScopedAdminMixin
from inspections.history_admin import PermanentHistoryAdmin, ShownNotPostedFormSet
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import OptimisticLockAdminMixin
from recommendations.forms import FindingAdminForm, FindingFieldsAdminMixin
from recommendations.models import Finding, FindingStatus
from recommendations.services import inspection_open_tracking


class FindingStatusInline(admin.TabularInline):
    model = FindingStatus
    formset = ShownNotPostedFormSet
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
class FindingAdmin(
    ChangeListMixin,
    ForceScopedAdminMixin,
    FindingFieldsAdminMixin,
    OptimisticLockAdminMixin,
    PermanentHistoryAdmin,
):
    scoped_choices = ("inspection",)
    form = FindingAdminForm
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

    def has_delete_permission(self, request: HttpRequest, obj: Finding | None = None) -> bool:
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # A finding added on its own page needs its statuses opened like one added inline.
        inspection_open_tracking(inspection=form.instance.inspection, user=request.user)
