from collections import defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from inspections.models import Force
from peel_tracker.text import counted
from recommendations import reminder_schedule, tracker
from recommendations.models import DUE_SOON_DAYS, ReminderLog, Response


class Command(BaseCommand):
    help = (
        "Email each OPCC editor (a user in a force's editors, with an email address) one digest "
        "of their forces' responses still owed that reach a reminder day: "
        f"{reminder_schedule.schedule_text()} (a reminder day missed since the last reminder "
        "is sent on the next run). Run it daily (cron). Each response sent to a user is logged, "
        "so a second run sends nothing already sent."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would be sent what, without sending or logging anything.",
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        today = timezone.localdate()
        responses = list(
            Response.objects.with_related()
            .due_soon_or_overdue(today)
            .order_by("due_on", "force__name", "inspection__title")
        )
        by_force: dict[int, list[Response]] = defaultdict(list)
        force_names: dict[int, str] = {}
        for response in responses:
            by_force[response.force_id].append(response)
            force_names[response.force_id] = response.force.name
        # What each editor was last sent about each response (one query): a response is sent
        # when its latest reminder day (reminder_schedule) is after that.
        last_sent = {
            (row["response_id"], row["user_id"]): row["last"]
            for row in ReminderLog.objects.filter(response__in=responses)
            .values("response_id", "user_id")
            .annotate(last=Max("sent_on"))
        }
        editors = (
            get_user_model()
            .objects.filter(is_active=True, edited_forces__in=list(by_force))
            .exclude(email="")
            .distinct()
            .order_by("pk")
        )
        force_ids_of = defaultdict(set)
        for user_id, force_id in Force.editors.through.objects.filter(
            user__in=editors, force__in=list(by_force)
        ).values_list("user_id", "force_id"):
            force_ids_of[user_id].add(force_id)

        sent = failed = 0
        for user in editors:
            due = [
                response
                for force_id in sorted(force_ids_of[user.pk], key=force_names.get)
                for response in by_force[force_id]
                if reminder_schedule.is_due(
                    due_on=response.due_on,
                    today=today,
                    last_sent_on=last_sent.get((response.pk, user.pk)),
                )
            ]
            if not due:
                continue
            subject, body = self.digest(user, due, today)
            if dry_run:
                self.stdout.write(f"Would email {user.email}: {subject}")
                continue
            try:
                # Log first, in the same transaction as the sending: if the mail fails nothing
                # is logged (the next run tries again); if another run logged these responses
                # first, the unique constraint stops this one sending them twice.
                with transaction.atomic():
                    ReminderLog.objects.bulk_create(
                        ReminderLog(response=r, user=user, sent_on=today, state=r.state)
                        for r in due
                    )
                    send_mail(subject, body, None, [user.email])
            except IntegrityError:
                self.stderr.write(f"Skipped {user.email}: another run is sending these reminders.")
                continue
            except OSError as error:  # smtplib.SMTPException and socket errors
                failed += 1
                self.stderr.write(f"Could not email {user.email}: {error}")
                continue
            sent += 1
        if not dry_run:
            self.stdout.write(f"Sent {counted(sent, 'reminder digest')}.")
        if failed:
            raise CommandError(
                f"{counted(failed, 'reminder digest')} could not be sent; see above."
            )

    def digest(self, user, responses: list[Response], today) -> tuple[str, str]:
        """Subject and plain-text body of one user's digest, grouped by force."""
        overdue = sum(r.state == Response.State.OVERDUE for r in responses)
        due_soon = len(responses) - overdue
        parts = []
        if overdue:
            parts.append(f"{counted(overdue, 'response')} overdue")
        if due_soon:
            number = str(due_soon) if overdue else counted(due_soon, "response")
            parts.append(f"{number} due within {DUE_SOON_DAYS} days")
        summary = " and ".join(parts)
        subject = f"PEEL Tracker reminder: {summary}"
        forces: dict[int, dict] = {}
        for response in responses:
            group = forces.setdefault(
                response.force_id,
                {
                    "force": response.force,
                    "responses": [],
                    "tracker_url": settings.SITE_URL
                    + reverse("tracker:list")
                    + "?"
                    + urlencode(
                        [
                            ("force", response.force.slug),
                            ("state", Response.State.OVERDUE),
                            ("state", Response.State.DUE_SOON),
                        ]
                    ),
                },
            )
            response.timing = tracker.timing(response, today)
            response.change_url = settings.SITE_URL + reverse(
                "admin:recommendations_response_change", args=[response.pk]
            )
            group["responses"].append(response)
        body = render_to_string(
            "emails/deadline_reminder.txt",
            {
                "user": user,
                "forces": list(forces.values()),
                "today": today,
                "summary": summary,
                "schedule": reminder_schedule.schedule_text(),
            },
        )
        return subject, body
