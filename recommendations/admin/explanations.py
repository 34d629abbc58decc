"""The explanations' admin."""

from django.contrib import admin
from django.http import HttpRequest

from inspections.access import ForceScopedAdminMixin
from inspections.history_admin import PermanentHistoryAdmin
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import OptimisticLockAdminMixin
from recommendations.models import FindingExplanation


@admin.register(FindingExplanation)
class FindingExplanationAdmin(
    ChangeListMixin, ForceScopedAdminMixin, OptimisticLockAdminMixin, PermanentHistoryAdmin
):
    scoped_choices = ("response",)
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

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_change_permission(request, obj) and super().has_delete_permission(
            request, obj
        )
