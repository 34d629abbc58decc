"""The admin of the deadline reminders sent (read-only)."""

from django.contrib import admin

from peel_tracker.admin_lists import ChangeListMixin
from recommendations.admin.read_only import ReadOnlyAdminMixin
from recommendations.models import ReminderLog


@admin.register(ReminderLog)
class ReminderLogAdmin(ChangeListMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """What send_deadline_reminders sent: read-only, for administrators."""

    list_display = ["sent_on", "user", "response", "state", "sent_at"]
    list_filter = ["state", "response__force"]
    search_fields = ["user__username", "user__email", "response__inspection__title"]
    list_select_related = ["user", "response__inspection", "response__force"]
    date_hierarchy = "sent_on"
