"""The themes' admin."""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import OptimisticLockAdminMixin
from recommendations.models import Theme


@admin.register(Theme)
class ThemeAdmin(ChangeListMixin, OptimisticLockAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "finding_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(finding_count=Count("findings"))

    @admin.display(description="findings", ordering="finding_count")
    def finding_count(self, obj: Theme) -> int:
        return obj.finding_count
