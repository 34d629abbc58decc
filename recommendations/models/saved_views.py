"""Saved views and watches: an analyst's named filters of the findings list or the tracker,
kept private or shared, and what a person follows by email (recommendations/digests.py)."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from inspections.access import can_edit_force
from inspections.models import Force
from peel_tracker.concurrency import version_field
from recommendations.models.findings import Finding

# Longer than any query string the filter forms make (ten filters, forty forces), shorter than
# the 2,048 characters some browsers and proxies cut a URL at.
QUERY_MAX_CHARS = 1800


class SavedViewQuerySet(models.QuerySet):
    def owned_by(self, user: User | AnonymousUser) -> "SavedViewQuerySet":
        """A person's own views: only their owner renames, re-shares or deletes them."""
        return self.filter(owner=user) if user.is_authenticated else self.none()

    def visible_to(self, user: User | AnonymousUser) -> "SavedViewQuerySet":
        """The views a person may open: their own, those shared with everyone, and those shared
        with a force they edit (every force's, for administrators). A private view is private
        from administrators too: it is someone's working notes, not the record."""
        if not user.is_authenticated:
            return self.none()
        shared_with_force = Q(
            sharing=SavedView.Sharing.FORCE, force__in=Force.objects.editable_by(user)
        )
        return self.filter(
            Q(owner=user) | Q(sharing=SavedView.Sharing.EVERYONE) | shared_with_force
        )


class SavedView(models.Model):
    """A named query string of the findings list or of the tracker. Opening it gives exactly
    the rows that query string gives today (it stores the question, not the answer), and its
    page, export and API addresses stay the same when it is renamed or re-shared."""

    class Page(models.TextChoices):
        FINDINGS = "findings", "Findings list"
        TRACKER = "tracker", "56-day response tracker"

    class Sharing(models.TextChoices):
        PRIVATE = "private", "Only me"
        FORCE = "force", "People who work for the force"
        EVERYONE = "everyone", "Everyone who can sign in"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    name = models.CharField(max_length=100, help_text="E.g. “Open AFIs on stop and search”.")
    page = models.CharField(max_length=20, choices=Page.choices)
    query = models.CharField(
        max_length=QUERY_MAX_CHARS,
        blank=True,
        help_text="The filters and sort, as the page's query string without the page number.",
    )
    sharing = models.CharField(max_length=20, choices=Sharing.choices, default=Sharing.PRIVATE)
    force = models.ForeignKey(
        Force,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="saved_views",
        help_text="The force whose editors see the view, when it is shared with a force.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    version = version_field()

    objects = SavedViewQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name"), "pk"]
        constraints = [
            models.UniqueConstraint(
                "owner",
                Lower("name"),
                name="recs_savedview_name_once_per_owner",
                violation_error_message="You already have a saved view with this name.",
            ),
            models.CheckConstraint(
                condition=Q(page__in=["findings", "tracker"]),
                name="recs_savedview_page_valid",
            ),
            models.CheckConstraint(
                condition=(Q(sharing="force") & Q(force__isnull=False))
                | (Q(sharing__in=["private", "everyone"]) & Q(force__isnull=True)),
                name="recs_savedview_force_iff_shared_with_force",
                violation_error_message="Choose the force to share the view with.",
            ),
        ]
        indexes = [models.Index(fields=["sharing", "force"], name="recs_savedview_sharing")]

    def __str__(self) -> str:
        return self.name

    def is_owned_by(self, user: User | AnonymousUser) -> bool:
        return user.is_authenticated and self.owner_id == user.pk

    def may_share_with(self, user: User | AnonymousUser, force: Force) -> bool:
        """Whether the owner may share the view with this force: one they edit."""
        return can_edit_force(user, force.pk)


class WatchQuerySet(models.QuerySet):
    def of(self, user: User | AnonymousUser) -> "WatchQuerySet":
        return self.filter(user=user) if user.is_authenticated else self.none()


class Watch(models.Model):
    """A person following one finding or one saved view: what changes in it appears in their
    email digest (recommendations/digests.py), daily or weekly as their DigestSubscription
    says."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches"
    )
    finding = models.ForeignKey(
        Finding, on_delete=models.CASCADE, null=True, blank=True, related_name="watches"
    )
    saved_view = models.ForeignKey(
        SavedView, on_delete=models.CASCADE, null=True, blank=True, related_name="watches"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = WatchQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "watches"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(finding__isnull=False) & Q(saved_view__isnull=True))
                | (Q(finding__isnull=True) & Q(saved_view__isnull=False)),
                name="recs_watch_one_subject",
                violation_error_message="A watch follows one finding or one saved view.",
            ),
            models.UniqueConstraint(
                fields=["user", "finding"],
                condition=Q(finding__isnull=False),
                name="recs_watch_finding_once",
                violation_error_message="You already watch this finding.",
            ),
            models.UniqueConstraint(
                fields=["user", "saved_view"],
                condition=Q(saved_view__isnull=False),
                name="recs_watch_view_once",
                violation_error_message="You already watch this saved view.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.finding or self.saved_view}"


class DigestSubscription(models.Model):
    """How often a person's digest of what they watch is sent, and up to when the last one
    reported: the next digest reports changes after `covered_until` and no earlier, so a
    second run sends nothing twice."""

    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly (Mondays)"
        NEVER = "never", "Never (paused)"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscription"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    covered_until = models.DateTimeField(
        null=True, blank=True, help_text="The end of the period the last digest reported."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=["daily", "weekly", "never"]),
                name="recs_digestsubscription_frequency_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_frequency_display()}"
