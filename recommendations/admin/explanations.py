"""The explanations' admin."""

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from inspections.access import ForceScopedAdminMixin, editable_force_ids
from inspections.history_admin import PermanentHistoryAdmin
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import OptimisticLockAdminMixin
from recommendations.models import FindingExplanation, Response


@admin.register(FindingExplanation)
class FindingExplanationAdmin(
    ChangeListMixin, ForceScopedAdminMixin, OptimisticLockAdminMixin, PermanentHistoryAdmin
):
    scope_force_id = "response.force_id"
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

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = editable_force_ids(request.user)
        if db_field.name == "response" and allowed is not None:
            kwargs["queryset"] = Response.objects.filter(force__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
