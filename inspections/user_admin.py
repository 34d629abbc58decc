"""Users and groups in the admin, with two rules added. Someone who has recorded anything in the
permanent history cannot be deleted, only deactivated. And, as for every other record, a change
saved over someone else's since the page was opened is refused (peel_tracker.concurrency: these
rows carry no version, so their forms carry a fingerprint of the values they write).

Deleting a user would empty the author of their status history entries (refused: the column is
PROTECTed) and of their change-history rows (django-simple-history sets it to NULL, which the
PostgreSQL triggers refuse as an edit of history, an error page rather than an explanation).
So the delete page lists that history as protected, as Django does for PROTECT relations, and
deletes nothing.

The roles (groups) and django-axes's sign-in records are registered again here too: their
lists are the project's own (peel_tracker.admin_lists) like every other, and their change
forms refuse a stale save (groups) or do not exist (sign-in records are view-only)."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group

from peel_tracker.admin_lists import ChangeListMixin
from peel_tracker.concurrency import FingerprintedModelForm, FingerprintLockAdminMixin

User = get_user_model()


def history_authored_by(user) -> list[str]:
    """What `user` recorded in the change history, one line per kind of record. One query per
    model with a change history (six)."""
    lines = []
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "history_user"), None)
        if field is None or field.related_model is not User:
            continue
        count = model._default_manager.filter(history_user=user).count()
        if count:
            lines.append(f"{user}: {count} {model._meta.verbose_name_plural} (permanent history)")
    return lines


class FingerprintedUserChangeForm(FingerprintedModelForm, UserChangeForm):
    """Django's user form, refusing to save over a user changed since it was opened."""


class PermanentHistoryUserAdmin(ChangeListMixin, FingerprintLockAdminMixin, UserAdmin):
    form = FingerprintedUserChangeForm

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for user in objs:
            protected = [*protected, *history_authored_by(user)]
        return to_delete, model_count, perms_needed, protected


class FingerprintedGroupAdmin(ChangeListMixin, FingerprintLockAdminMixin, GroupAdmin):
    """Django's groups admin, refusing to save over a group changed since it was opened."""


class ViewOnlyAdminMixin:
    """django-axes' sign-in records show every field read-only, yet their pages had a Save
    button that wrote the row back as loaded (over a failure counted meanwhile). They can be
    looked at and deleted (deleting an attempt lifts a lock-out), never changed."""

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class AccessAttemptAdmin(ChangeListMixin, ViewOnlyAdminMixin, axes_admin.AccessAttemptAdmin):
    pass


class AccessLogAdmin(ChangeListMixin, ViewOnlyAdminMixin, axes_admin.AccessLogAdmin):
    pass


class AccessFailureLogAdmin(ChangeListMixin, ViewOnlyAdminMixin, axes_admin.AccessFailureLogAdmin):
    pass


for model, model_admin in ((User, PermanentHistoryUserAdmin), (Group, FingerprintedGroupAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
for model, model_admin in (
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
):
    if admin.site.is_registered(model):  # unless AXES_ENABLE_ADMIN is off
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
