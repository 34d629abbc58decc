"""Sending the watchers' email digests (the send_digests command, run daily by cron).

When a digest is due (DigestSubscription.frequency):
- daily: on every run of a day that its last digest's period did not reach (so once a day,
  however often cron runs it);
- weekly: on the first run on or after each Monday (local time) that its last period did not
  reach: on Mondays, or on the next day cron runs if Monday's run was missed;
- never (paused): not at all.

A digest reports what changed after DigestSubscription.covered_until and up to the run's
start (recommendations.digests). Its period is claimed with a conditional UPDATE (only if
covered_until is still what this run read) in the same transaction as the sending: a second run,
at once or later, finds the period claimed and sends nothing twice; a send that fails rolls
the claim back, so the next run reports the same changes. A due period with nothing new is
claimed without an email, so the next digest starts from there."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from peel_tracker.text import counted
from recommendations import digests
from recommendations.models import DigestSubscription, Watch

Frequency = DigestSubscription.Frequency


def period_starts(now: datetime) -> dict[str, datetime]:
    """Per frequency, the moment a digest's last period must have ended before for a new one
    to be due: the start of today (daily) or of this week's Monday (weekly), local time."""
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    return {
        Frequency.DAILY: timezone.make_aware(datetime.combine(today, time.min)),
        Frequency.WEEKLY: timezone.make_aware(datetime.combine(monday, time.min)),
    }


def subscriptions_start(*, now: datetime) -> int:
    """Give a period start to every watcher without one (no subscription row, or one without
    covered_until: made in the admin): their first digest reports changes from now. Returns
    how many were started. Two queries and a write."""
    watching = Watch.objects.filter(user=OuterRef("pk"))
    missing = User.objects.filter(Exists(watching), digest_subscription__isnull=True)
    created = DigestSubscription.objects.bulk_create(
        [DigestSubscription(user=user, covered_until=now) for user in missing],
        ignore_conflicts=True,
    )
    started = DigestSubscription.objects.filter(covered_until__isnull=True).update(
        covered_until=now
    )
    return len(created) + started


def subscriptions_due(*, now: datetime) -> QuerySet[DigestSubscription]:
    """The subscriptions whose digest is due now: an active user with an email address who
    watches something, daily or weekly, whose last period ended before the start of today or
    of this week (period_starts)."""
    starts = period_starts(now)
    return (
        DigestSubscription.objects.filter(
            Exists(Watch.objects.filter(user=OuterRef("user"))),
            user__is_active=True,
        )
        .exclude(user__email="")
        .filter(
            Q(frequency=Frequency.DAILY, covered_until__lt=starts[Frequency.DAILY])
            | Q(frequency=Frequency.WEEKLY, covered_until__lt=starts[Frequency.WEEKLY])
        )
        .select_related("user")
        .order_by("pk")
    )


@dataclass(frozen=True)
class Outcome:
    """What happened to one subscription: `subject` is set when a digest was (or, in a dry
    run, would be) sent; `claimed` is False when another run had claimed the period first."""

    subject: str | None
    claimed: bool = True


def digest_send(
    *,
    subscription: DigestSubscription,
    now: datetime,
    parsed_views: dict | None = None,
    dry_run: bool = False,
) -> Outcome:
    """Send one person's digest of the period after subscription.covered_until up to `now`,
    if there is anything in it, and advance covered_until to `now` in the same transaction.
    A failed send raises (smtplib.SMTPException and socket errors are OSErrors) and leaves
    covered_until as it was. A dry run changes nothing."""
    user = subscription.user
    since = subscription.covered_until
    digest = digests.digest_for(user=user, since=since, until=now, parsed_views=parsed_views)
    message = digest_email(user=user, digest=digest) if digest.has_news else None
    if dry_run:
        return Outcome(subject=message[0] if message else None)
    with transaction.atomic():
        # Claim the period: only if no other run has moved it since it was read above. On
        # PostgreSQL a concurrent run's UPDATE waits for this transaction, then matches no row.
        claimed = DigestSubscription.objects.filter(
            pk=subscription.pk, covered_until=since, frequency=subscription.frequency
        ).update(covered_until=now)
        if not claimed:
            return Outcome(subject=None, claimed=False)
        if message:
            send_mail(message[0], message[1], None, [user.email])
    return Outcome(subject=message[0] if message else None)


def digest_email(*, user: User, digest: digests.Digest) -> tuple[str, str]:
    """Subject and plain-text body of a digest."""
    parts = [
        counted(len(digest.new_findings), "new finding"),
        counted(len(digest.status_changes), "status change"),
        counted(len(digest.published), "response published", "responses published"),
    ]
    summary = ", ".join(part for part in parts if not part.startswith("0 ")) or (
        "deadlines coming up"
    )
    site = settings.SITE_URL
    for finding in digest.new_findings:
        finding.url = site + reverse("recommendations:detail", args=[finding.pk])
    for change in digest.status_changes:
        change.url = site + reverse(
            "recommendations:detail", args=[change.finding_status.finding_id]
        )
    for response in [*digest.published, *digest.deadlines]:
        response.url = site + reverse("inspections:detail", args=[response.inspection_id])
    body = render_to_string(
        "emails/watch_digest.txt",
        {
            "user": user,
            "digest": digest,
            "summary": summary,
            "max_items": digests.MAX_ITEMS,
            "watching_url": site + reverse("watching:list"),
        },
    )
    return f"PEEL Tracker digest: {summary}", body
