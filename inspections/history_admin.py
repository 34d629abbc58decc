"""The admin's History pages (django-simple-history), read-only.

simple-history's "view a past version" page saves the form when it is POSTed (its revert) and
checks only view permission, on the historical row, without the admin's queryset scoping. The
change history is evidence, so here a past version can only be looked at, and only by someone
who may see the current object (so another force's draft stays private)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class PermanentHistoryAdmin(SimpleHistoryAdmin):
    def history_view(self, request, object_id, extra_context=None):
        # simple-history falls back to the historical rows when the object is outside the
        # user's queryset; an object that exists but is hidden (a draft) stays hidden.
        exists = self.model._default_manager.filter(pk=unquote(object_id)).exists()
        if exists and self.get_object(request, unquote(object_id)) is None:
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied("Past versions are read-only: the change history is permanent.")
        current = self.get_object(request, unquote(object_id))
        if current is None or not self.has_view_or_change_permission(request, current):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
