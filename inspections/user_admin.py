"""Users in the admin, with one rule added: someone who has recorded anything in the permanent
history cannot be deleted, only deactivated.

Deleting a user would empty the author of their status history entries (refused: the column is
PROTECTed) and of their change-history rows (django-simple-history sets it to NULL, which the
PostgreSQL triggers refuse as an edit of history, an error page rather than an explanation).
So the delete page lists that history as protected, as Django does for PROTECT relations, and
deletes nothing."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

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


class PermanentHistoryUserAdmin(UserAdmin):
    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for user in objs:
            protected = [*protected, *history_authored_by(user)]
        return to_delete, model_count, perms_needed, protected


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, PermanentHistoryUserAdmin)
