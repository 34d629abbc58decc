"""Who may change what. Roles are Django groups (created by a migration); an OPCC editor is
attached to the forces they work for through Force.editors."""

from django.contrib.auth.models import AnonymousUser, User

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
