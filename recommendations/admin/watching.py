"""The admin of watches and digest subscriptions (read-only: people change their own on the
Watching page)."""

from django.contrib import admin

from peel_tracker.admin_lists import ChangeListMixin
from recommendations.admin.read_only import ReadOnlyAdminMixin
from recommendations.models import DigestSubscription, Watch


@admin.register(Watch)
class WatchAdmin(ChangeListMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who watches what: for administrators answering "why did I get this digest?"."""

    list_display = ["user", "finding", "saved_view", "created_at"]
    list_filter = ["saved_view__page"]
    search_fields = ["user__username", "user__email", "saved_view__name", "finding__text"]
    list_select_related = ["user", "finding__inspection", "saved_view"]
    date_hierarchy = "created_at"


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(ChangeListMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """How often each person's digest is sent, and up to when the last one reported."""

    list_display = ["user", "frequency", "covered_until"]
    list_filter = ["frequency"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    date_hierarchy = "covered_until"
