from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from peel_tracker.text import counted
from recommendations.services import digests


class Command(BaseCommand):
    help = (
        "Email each person who watches findings or saved views (active, with an email address) "
        "one plain-text digest of what changed in them since their last digest: new findings "
        "in a watched view, status changes with their notes, responses published, deadlines "
        "in the next 14 days. Daily digests go out on every day's first run; weekly ones on "
        "the first run on or after each Monday. Run it daily (cron). Nothing is sent twice: "
        "each digest's period is recorded in the same transaction as the sending, and a "
        "failed send records nothing, so the next run reports the same changes."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would be sent what, without sending or recording anything.",
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        now = timezone.now()
        if not dry_run:
            digests.subscriptions_start(now=now)
        # Each distinct saved view is read once per run, however many people watch it.
        parsed_views: dict = {}
        sent = failed = 0
        for subscription in digests.subscriptions_due(now=now):
            email = subscription.user.email
            try:
                outcome = digests.digest_send(
                    subscription=subscription,
                    now=now,
                    parsed_views=parsed_views,
                    dry_run=dry_run,
                )
            except OSError as error:  # smtplib.SMTPException and socket errors
                failed += 1
                self.stderr.write(f"Could not email {email}: {error}")
                continue
            if not outcome.claimed:
                self.stderr.write(f"Skipped {email}: another run is sending this digest.")
            elif outcome.subject and dry_run:
                self.stdout.write(f"Would email {email}: {outcome.subject}")
            elif outcome.subject:
                sent += 1
        if not dry_run:
            self.stdout.write(f"Sent {counted(sent, 'digest')}.")
        if failed:
            raise CommandError(f"{counted(failed, 'digest')} could not be sent; see above.")
