"""Who may change what. Roles are Django groups (created by a migration); an OPCC editor is
attached to the forces they work for through Force.editors."""

from operator import attrgetter
from typing import Self

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

ADMINISTRATOR_GROUP = "administrator"
OPCC_EDITOR_GROUP = "opcc_editor"
ANALYST_GROUP = "analyst"


def is_administrator(user: User | AnonymousUser) -> bool:
    """Superusers and members of the administrator group. Cached on the user object."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return _access(user)[0]


def editable_force_ids(user: User | AnonymousUser) -> frozenset[int] | None:
    """The ids of forces whose record the user may change; None means every force.
    Cached on the user object."""
    if is_administrator(user):
        return None
    if not user.is_authenticated:
        return frozenset()
    return _access(user)[1]


def _access(user: User) -> tuple[bool, frozenset[int]]:
    """Whether the user is in the administrator group, and the forces they edit: one query
    the first time per user object (every page asks both, to show or keep what the user may
    change), then cached on it."""
    if not hasattr(user, "_peel_access"):
        administrator = Group.objects.filter(user=OuterRef("pk"), name=ADMINISTRATOR_GROUP)
        rows = list(
            User.objects.filter(pk=user.pk)
            .annotate(is_administrator=Exists(administrator))
            .values_list("is_administrator", "edited_forces")
        )
        user._peel_access = (
            bool(rows) and rows[0][0],
            frozenset(force_id for _, force_id in rows if force_id is not None),
        )
    return user._peel_access


def can_edit_force(user: User | AnonymousUser, force_id: int | None) -> bool:
    """Whether the user may change a record of this force. None is no force (a national
    report touches every force): administrators only."""
    allowed = editable_force_ids(user)
    return allowed is None or force_id in allowed


def scope_key(user: User | AnonymousUser) -> str:
    """The forces the user may edit, as text for a cache key: "every force" for
    administrators, else their ids in order."""
    allowed = editable_force_ids(user)
    return "every force" if allowed is None else ",".join(map(str, sorted(allowed)))


class ForceScopedQuerySet(models.QuerySet):
    """Who may see and who may change the rows of a model whose rows belong to a force: the one
    rule every admin class, form and page reads, built on editable_force_ids. A subclass names
    `force_field`, the path from a row to its force ("force", "inspection__force",
    "response__force"), and, for a model whose unpublished rows are private (a draft response
    and its explanations), `published_field`, the path to whether the row is published. A row
    with no force (a national report, its findings and grades; a national body's status) is
    changed by administrators only."""

    force_field: str = "force"
    published_field: str | None = None

    def editable_by(self, user: User | AnonymousUser) -> Self:
        """The rows the user may change: all for administrators, otherwise those of the forces
        they edit. No query of its own beyond the user's forces (read once per user)."""
        allowed = editable_force_ids(user)
        return self.all() if allowed is None else self.filter(self._of_forces(allowed))

    def not_editable_by(self, user: User | AnonymousUser) -> Self:
        """The rows the user may not change (none for administrators)."""
        allowed = editable_force_ids(user)
        return self.none() if allowed is None else self.exclude(self._of_forces(allowed))

    def visible_to(self, user: User | AnonymousUser) -> Self:
        """The rows the user may see: the record is public to every role, except the
        unpublished rows of a model with a `published_field`, seen only by the editors of
        their force and administrators."""
        allowed = editable_force_ids(user)
        if allowed is None or self.published_field is None:
            return self.all()
        return self.filter(Q(**{self.published_field: True}) | self._of_forces(allowed))

    def _of_forces(self, force_ids: frozenset[int]) -> Q:
        return Q(**{f"{self.force_field}__in": force_ids})

    @classmethod
    def force_id_of(cls, obj: models.Model) -> int | None:
        """The id of the force a row belongs to (None: no force), read along `force_field`:
        a related row on the way is loaded if it is not already."""
        if cls.force_field == "pk":
            return obj.pk
        *path, last = cls.force_field.split("__")
        return attrgetter(".".join([*path, f"{last}_id"]))(obj)


class ForceScopedAdminMixin:
    """The one rule for the admin of a model whose rows belong to a force (its queryset is a
    ForceScopedQuerySet): the list and every page show only what the user may see
    (`visible_to`), an object may be changed only if the user's role allows the change
    (Django's model permissions) and the object belongs to a force the user edits
    (`editable_by`: a national report only by administrators), and the foreign keys named in
    `scoped_choices` offer only what the user may change."""

    scoped_choices: tuple[str, ...] = ()

    def scoped_queryset(self) -> ForceScopedQuerySet:
        queryset = self.model._default_manager.get_queryset()
        if not isinstance(queryset, ForceScopedQuerySet):
            raise ImproperlyConfigured(
                f"{type(self).__name__}: {self.model.__name__}'s queryset is not a "
                "ForceScopedQuerySet."
            )
        return queryset

    def may_edit(self, user: User | AnonymousUser, obj) -> bool:
        return can_edit_force(user, self.scoped_queryset().force_id_of(obj))

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).visible_to(request.user)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name in self.scoped_choices:
            choices = db_field.related_model._default_manager.editable_by(request.user)
            kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
