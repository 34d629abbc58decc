"""Users in the admin, with one rule added: someone who has recorded anything in the permanent
history cannot be deleted, only deactivated.

Deleting a user would empty the author of their status history entries (refused: the column is
PROTECTed) and of their change-history rows (django-simple-history sets it to NULL, which the
PostgreSQL triggers refuse as an edit of history, an error page rather than an explanation).
So the delete page lists that history as protected, as Django does for PROTECT relations, and
deletes nothing.

The roles (groups) and django-axes's sign-in records are registered again here too, so that
their lists are the project's own (peel_tracker.admin_lists) like every other."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from peel_tracker.admin_lists import ChangeListMixin

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


class PermanentHistoryUserAdmin(ChangeListMixin, UserAdmin):
    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for user in objs:
            protected = [*protected, *history_authored_by(user)]
        return to_delete, model_count, perms_needed, protected


# The roles and django-axes's records of sign-in attempts, as their own apps show them, with the
# admin lists every other model has (peel_tracker.admin_lists).
class RoleAdmin(ChangeListMixin, GroupAdmin):
    pass


class SignInAttemptAdmin(ChangeListMixin, AccessAttemptAdmin):
    pass


class SignInLogAdmin(ChangeListMixin, AccessLogAdmin):
    pass


class SignInFailureAdmin(ChangeListMixin, AccessFailureLogAdmin):
    pass


def _reregister(model, admin_class) -> None:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, admin_class)


_reregister(User, PermanentHistoryUserAdmin)
_reregister(Group, RoleAdmin)
# django-axes registers its admin only when AXES_ENABLE_ADMIN is on (the default).
for model, admin_class in (
    (AccessAttempt, SignInAttemptAdmin),
    (AccessLog, SignInLogAdmin),
    (AccessFailureLog, SignInFailureAdmin),
):
    if admin.site.is_registered(model):
        _reregister(model, admin_class)
