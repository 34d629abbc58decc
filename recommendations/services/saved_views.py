"""Saving, changing and deleting saved views (recommendations.models.SavedView). Only the owner
changes or deletes a view (the views check it with SavedView.is_owned_by); these check the
rules every write must keep: a name the owner has not used, a query the page accepts and that
fits, a force shared with that the owner works for, and no change lost to another tab."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspections.models import Force
from peel_tracker.concurrency import NOTHING_SAVED, ConcurrentEditError
from recommendations.models import SavedView
from recommendations.models.saved_views import QUERY_MAX_CHARS

NAME_TAKEN = "You already have a saved view called “{name}”. Choose another name."
QUERY_TOO_LONG = (
    "These filters are too long to save ({length:,} characters; at most {limit:,}). "
    "Remove some filters, or save them as two views."
)
FORCE_NOT_YOURS = "You can share a view only with a force you work for."


def _check(view: SavedView) -> None:
    """The rules of a view about to be written, as field errors; the database's constraints
    repeat the name's and the sharing's."""
    errors = {}
    if len(view.query) > QUERY_MAX_CHARS:
        errors["query"] = QUERY_TOO_LONG.format(length=len(view.query), limit=QUERY_MAX_CHARS)
    if view.sharing == SavedView.Sharing.FORCE:
        if view.force_id is None:
            errors["force"] = "Choose the force to share the view with."
        elif not Force.objects.filter(pk=view.force_id, editors=view.owner_id).exists():
            errors["force"] = FORCE_NOT_YOURS
    else:
        view.force = None  # only a view shared with a force names one
    taken = SavedView.objects.filter(owner=view.owner_id, name__iexact=view.name)
    if taken.exclude(pk=view.pk).exists():
        errors["name"] = NAME_TAKEN.format(name=view.name)
    if errors:
        raise ValidationError(errors)
    view.full_clean()


def _save(view: SavedView) -> SavedView:
    try:
        # A savepoint: a name taken by another request since _check leaves the caller's
        # transaction usable, and nothing written.
        with transaction.atomic():
            view.save()
    except IntegrityError as error:
        raise ValidationError({"name": NAME_TAKEN.format(name=view.name)}) from error
    return view


@transaction.atomic
def saved_view_create(
    *, owner: User, name: str, page: str, query: str, sharing: str, force: Force | None = None
) -> SavedView:
    """Save a page's query string (already normalised and accepted by the page) under a name.
    Raises ValidationError (by field) if a rule is broken; nothing is written then."""
    view = SavedView(
        owner=owner, name=name.strip(), page=page, query=query, sharing=sharing, force=force
    )
    _check(view)
    return _save(view)


def _stale(view: SavedView) -> str:
    current = SavedView.objects.filter(pk=view.pk).select_related("force").first()
    if current is None:
        return "This saved view was deleted after you opened this page."
    return (
        f"This saved view was changed after you opened this page (in another tab or window): "
        f"it is now called “{current.name}” and shared with "
        f"{_sharing_text(current)}. {NOTHING_SAVED}"
    )


def _sharing_text(view: SavedView) -> str:
    if view.sharing == SavedView.Sharing.FORCE and view.force is not None:
        return f"people who work for {view.force.name}"
    return "only you" if view.sharing == SavedView.Sharing.PRIVATE else "everyone who can sign in"


def _lock(view: SavedView, loaded_version: int | None) -> None:
    """Lock the row; refuse (ConcurrentEditError, saying what it is now) unless it still has
    the version the owner loaded."""
    current = (
        SavedView.objects.select_for_update()
        .filter(pk=view.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is None or current != loaded_version:
        raise ConcurrentEditError(_stale(view))
    view.version = current + 1


@transaction.atomic
def saved_view_update(
    *,
    view: SavedView,
    name: str,
    sharing: str,
    force: Force | None = None,
    loaded_version: int | None,
) -> SavedView:
    """Rename or re-share a view; its query and its addresses stay. Raises ConcurrentEditError
    if it changed since the owner loaded `loaded_version`, ValidationError if a rule is broken;
    nothing is written then."""
    _lock(view, loaded_version)
    view.name, view.sharing, view.force = name.strip(), sharing, force
    view.updated_at = timezone.now()
    _check(view)
    return _save(view)


@transaction.atomic
def saved_view_delete(*, view: SavedView, loaded_version: int | None) -> None:
    """Delete a view (its addresses answer 404 from now on). Raises ConcurrentEditError if it
    changed since the owner loaded `loaded_version`: they confirmed deleting what they saw."""
    _lock(view, loaded_version)
    view.delete()
