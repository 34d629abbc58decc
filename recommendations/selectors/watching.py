"""Reads of what a person watches: the Watching page and the watch buttons."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from recommendations.models import Finding, SavedView, Watch


def watched_findings(*, user: User | AnonymousUser) -> QuerySet[Watch]:
    """The user's watches of findings they may see, newest first, with each finding's report
    and force (one query)."""
    return (
        Watch.objects.of(user)
        .filter(finding__in=Finding.objects.visible_to(user).values("pk"))
        .select_related("finding__inspection", "finding__inspection__force")
    )


def watched_saved_views(*, user: User | AnonymousUser) -> list[Watch]:
    """The user's watches of saved views still visible to them (a view whose owner stopped
    sharing it is left out: its name is no longer theirs to see), A to Z by name. One query."""
    return list(
        Watch.objects.of(user)
        .filter(saved_view__in=SavedView.objects.visible_to(user))
        .select_related("saved_view", "saved_view__owner")
        .order_by("saved_view__name", "pk")
    )


def is_watching(
    *, user: User | AnonymousUser, finding_id: int | None = None, saved_view_id: int | None = None
) -> bool:
    """Whether the user watches this finding (or this saved view). One query."""
    if finding_id is not None:
        return Watch.objects.of(user).filter(finding_id=finding_id).exists()
    return Watch.objects.of(user).filter(saved_view_id=saved_view_id).exists()
