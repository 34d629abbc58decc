from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from inspections import user_admin  # noqa: F401 - registers the users' admin
from inspections.access import ForceScopedAdminMixin
from inspections.history_admin import PermanentHistoryAdmin
from inspections.models import (
    Area,
    Force,
    Framework,
    Judgment,
    NationalBody,
    PolicingBody,
)
from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import OptimisticLockAdminMixin, VersionedInlineMixin
from peel_tracker.url_fields import HttpsUrlsMixin


class PolicingBodyInline(HttpsUrlsMixin, VersionedInlineMixin, admin.TabularInline):
    """The force's local policing bodies through time, each term with its source."""

    model = PolicingBody
    extra = 0
    fields = ["name", "kind", "starts_on", "ends_on", "source_url", "source_note"]


@admin.register(Force)
class ForceAdmin(ChangeListMixin, OptimisticLockAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "local_policing_body", "body_kind", "region"]
    list_filter = ["body_kind", "region"]
    search_fields = ["name", "slug", "local_policing_body"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["editors"]
    list_select_related = True
    inlines = [PolicingBodyInline]


@admin.register(PolicingBody)
class PolicingBodyAdmin(
    ChangeListMixin, HttpsUrlsMixin, OptimisticLockAdminMixin, admin.ModelAdmin
):
    list_display = ["name", "force", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "force"]
    search_fields = ["name", "force__name", "source_note"]
    list_select_related = ["force"]
    autocomplete_fields = ["force"]
    date_hierarchy = "starts_on"


@admin.register(NationalBody)
class NationalBodyAdmin(
    ChangeListMixin, HttpsUrlsMixin, OptimisticLockAdminMixin, admin.ModelAdmin
):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class AreaInline(HttpsUrlsMixin, VersionedInlineMixin, admin.TabularInline):
    model = Area
    extra = 0
    fields = ["position", "name", "kind", "parent", "is_graded", "source_url"]
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(ChangeListMixin, HttpsUrlsMixin, OptimisticLockAdminMixin, admin.ModelAdmin):
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
class AreaAdmin(ChangeListMixin, HttpsUrlsMixin, OptimisticLockAdminMixin, admin.ModelAdmin):
    list_display = ["name", "framework", "kind", "parent", "position", "is_graded"]
    list_filter = ["framework", "kind", "is_graded"]
    search_fields = ["name", "framework__name"]
    list_select_related = ["framework", "parent__framework"]
    autocomplete_fields = ["framework", "parent"]


class JudgmentInline(VersionedInlineMixin, admin.TabularInline):
    model = Judgment
    extra = 0
    fields = ["area", "grade", "as_of_on", "is_carried_forward", "source_section"]


@admin.register(Judgment)
class JudgmentAdmin(
    ChangeListMixin, ForceScopedAdminMixin, OptimisticLockAdminMixin, PermanentHistoryAdmin
):
    scoped_choices = ("inspection",)
    list_display = ["inspection", "area", "grade", "is_carried_forward"]
    list_filter = ["grade", "area__framework", "is_carried_forward", "inspection__force"]
    search_fields = ["inspection__title", "area__name", "inspection__force__name"]
    list_select_related = ["inspection", "area__framework"]
    autocomplete_fields = ["inspection", "area"]

    def has_delete_permission(self, request: HttpRequest, obj: Judgment | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or self.may_edit(request.user, obj)
