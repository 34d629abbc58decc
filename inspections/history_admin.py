"""The admin's History pages (django-simple-history), read-only.

simple-history's "view a past version" page saves the form when it is POSTed (its revert) and
checks only view permission, on the historical row, without the admin's queryset scoping. The
change history is evidence, so here a past version can only be looked at, and only by someone
who may see the current object (so another force's draft stays private)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
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


class ShownNotPostedFormSet(BaseInlineFormSet):
    """For an inline that only shows rows (every field read-only, nothing added or deleted).

    Django binds every inline to the posted form. When the page is shown again after a refused
    save (a stale edit), it pairs the rows posted with the rows now in the database: the newest
    entry's label over an older entry's cells, and the entry saved meanwhile left out. An inline
    that takes no input is never bound, so it always shows the rows as they now are."""

    def __init__(self, data=None, files=None, *args, **kwargs):
        super().__init__(None, None, *args, **kwargs)

    def is_valid(self) -> bool:
        return True  # it accepts no input, so there is nothing to be invalid

    def save(self, commit: bool = True) -> list:
        # What the admin's change message reads after saving: nothing was added or changed here.
        self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
        return []
