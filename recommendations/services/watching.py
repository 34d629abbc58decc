"""Watching: following a finding or a saved view, and how often the digest of what changed in
them is sent (recommendations/digests.py, the send_digests command)."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from recommendations.models import DigestSubscription, Finding, SavedView, Watch


def _subscription(user: User) -> DigestSubscription:
    """The user's digest subscription, created (weekly) at their first watch. Its period starts
    now: the first digest reports what changed after they started watching, not the whole
    record."""
    subscription, _ = DigestSubscription.objects.get_or_create(
        user=user, defaults={"covered_until": timezone.now()}
    )
    return subscription


@transaction.atomic
def finding_watch(*, user: User, finding: Finding) -> Watch:
    """Follow a finding (watching it twice is watching it once). The caller checks the user
    may see it."""
    _subscription(user)
    watch, _ = Watch.objects.get_or_create(user=user, finding=finding)
    return watch


@transaction.atomic
def saved_view_watch(*, user: User, saved_view: SavedView) -> Watch:
    """Follow a saved view (once). The caller checks the view is visible to the user."""
    _subscription(user)
    watch, _ = Watch.objects.get_or_create(user=user, saved_view=saved_view)
    return watch


def finding_unwatch(*, user: User, finding: Finding) -> None:
    """Stop following a finding; nothing happens if the user did not follow it."""
    Watch.objects.filter(user=user, finding=finding).delete()


def saved_view_unwatch(*, user: User, saved_view: SavedView) -> None:
    """Stop following a saved view; nothing happens if the user did not follow it."""
    Watch.objects.filter(user=user, saved_view=saved_view).delete()


@transaction.atomic
def digest_frequency_set(*, user: User, frequency: str) -> DigestSubscription:
    """Set how often the user's digest is sent. Resuming a paused digest starts its period
    afresh: the next digest reports what changes from now, not everything since the pause."""
    subscription = _subscription(user)
    subscription = DigestSubscription.objects.select_for_update().get(pk=subscription.pk)
    resumed = (
        subscription.frequency == DigestSubscription.Frequency.NEVER
        and frequency != DigestSubscription.Frequency.NEVER
    )
    subscription.frequency = frequency
    if resumed or subscription.covered_until is None:
        subscription.covered_until = timezone.now()
    subscription.full_clean()
    subscription.save(update_fields=["frequency", "covered_until"])
    return subscription
