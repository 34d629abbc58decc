"""Who may change what. Roles are Django groups (created by a migration); an OPCC editor is
attached to the forces they work for through Force.editors."""

from operator import attrgetter

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

ADMINISTRATOR_GROUP = "administrator"
OPCC_EDITOR_GROUP = "opcc_editor"
ANALYST_GROUP = "analyst"


def is_administrator(user: User | AnonymousUser) -> bool:
    """Superusers and members of the administrator group. Cached on the user object."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_peel_is_administrator"):
        user._peel_is_administrator = (
            user.is_superuser or user.groups.filter(name=ADMINISTRATOR_GROUP).exists()
        )
    return user._peel_is_administrator


def editable_force_ids(user: User | AnonymousUser) -> frozenset[int] | None:
    """The ids of forces whose record the user may change; None means every force.
    One query the first time per user object, then cached on it."""
    if is_administrator(user):
        return None
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_peel_editable_force_ids"):
        user._peel_editable_force_ids = frozenset(user.edited_forces.values_list("pk", flat=True))
    return user._peel_editable_force_ids


def can_edit_force(user: User | AnonymousUser, force_id: int) -> bool:
    allowed = editable_force_ids(user)
    return allowed is None or force_id in allowed


def may_edit_inspection(user: User | AnonymousUser, inspection) -> bool:
    """A force's report is edited by that force's editors; a national report touches every
    force, so only administrators change it."""
    if inspection.force_id is None:
        return is_administrator(user)
    return can_edit_force(user, inspection.force_id)


def editable_inspections(user: User | AnonymousUser):
    """The reports a user may add findings or grades to: all for administrators, otherwise
    the reports about the forces they edit (never national ones)."""
    from inspections.models import Inspection

    allowed = editable_force_ids(user)
    if allowed is None:
        return Inspection.objects.all()
    return Inspection.objects.filter(force__in=allowed)


class ForceScopedAdminMixin:
    """The one rule for changing an object in the admin: the user's role must allow the change
    (Django's model permissions), and the object must belong to a force the user edits. Set
    `scope_force_id` to the attribute path of the object's force id ("force_id",
    "response.force_id"), or `scope_inspection` to the path of its report ("inspection"; "" for
    the report itself): a national report is changed by administrators only."""

    scope_force_id: str | None = None
    scope_inspection: str | None = None

    def may_edit(self, user: User | AnonymousUser, obj) -> bool:
        if self.scope_inspection is not None:
            inspection = attrgetter(self.scope_inspection)(obj) if self.scope_inspection else obj
            return may_edit_inspection(user, inspection)
        if self.scope_force_id is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__} sets neither scope_force_id nor scope_inspection."
            )
        return can_edit_force(user, attrgetter(self.scope_force_id)(obj))

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or self.may_edit(request.user, obj)

    def _get_obj_does_not_exist_redirect(self, request: HttpRequest, opts, object_id: str):
        """Django's answer when get_queryset hides the object (another force's draft
        response and its explanations) is "… doesn't exist. Perhaps it was deleted?", which
        suggests lost data. The record is public, so say what is true: the object exists and
        belongs to another force; it stays refused. An id that matches nothing keeps Django's
        answer."""
        if not self._exists(unquote(object_id)):
            return super()._get_obj_does_not_exist_redirect(request, opts, object_id)
        self.message_user(
            request,
            f"The {opts.verbose_name} with ID “{unquote(object_id)}” belongs to another "
            f"force. You can only open and change your own force's records.",
            messages.ERROR,
        )
        changelist = f"admin:{opts.app_label}_{opts.model_name}_changelist"
        return HttpResponseRedirect(reverse(changelist, current_app=self.admin_site.name))

    def _exists(self, object_id: str) -> bool:
        try:
            return self.model._default_manager.filter(pk=object_id).exists()
        except (ValueError, TypeError, ValidationError):  # not a valid id for this model
            return False
