"""send_deadline_reminders: one digest per OPCC editor of their forces' overdue and due-soon
responses; nothing sent twice on the same day."""

import datetime
import smtplib
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from recommendations.models import ReminderLog, Response
from tests.factories import ForceFactory, ResponseFactory, UserFactory

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def due_in(days: int, force, **kwargs) -> Response:
    published = today() + datetime.timedelta(days=days - 55)
    return ResponseFactory(inspection__force=force, inspection__published_on=published, **kwargs)


def run(**options) -> str:
    out = StringIO()
    call_command("send_deadline_reminders", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def responses(force, other_force):
    """For `force`: one overdue, one due soon, and some that need no reminder; for the other
    force, one overdue."""
    return {
        "overdue": due_in(-3, force, inspection__title="PEEL 2023-25: overdue report"),
        "due_soon": due_in(14, force, inspection__title="Vetting: due soon"),
        "open": due_in(15, force, inspection__title="Not yet due"),
        "published": due_in(-3, force, is_published=True, inspection__title="Done"),
        "not_required": due_in(
            2,
            force,
            is_not_required=True,
            not_required_reason="Answered elsewhere.",
            inspection__title="Declined",
        ),
        "other_force": due_in(-1, other_force, inspection__title="Another force's report"),
    }


def test_each_editor_gets_one_digest_of_their_forces_responses(
    settings, mailoutbox, force, editor, outsider, responses
):
    settings.SITE_URL = "https://peel.example"
    colleague = UserFactory(email="colleague@opcc.example")
    force.editors.add(colleague)

    output = run()

    assert output == "Sent 3 reminder digests.\n"
    by_recipient = {tuple(m.to): m for m in mailoutbox}
    assert set(by_recipient) == {(editor.email,), (colleague.email,), (outsider.email,)}
    mail = by_recipient[(editor.email,)]
    assert mail.subject == ("PEEL Tracker reminder: 1 response overdue and 1 due within 14 days")
    overdue, due_soon = responses["overdue"], responses["due_soon"]
    assert f"Hello {editor.username}," in mail.body
    assert f"On {today():%-d %B %Y} you have 1 response overdue and 1 due within 14 days." in (
        mail.body
    )
    assert (
        f"- PEEL 2023-25: overdue report\n  Due {overdue.due_on:%-d %B %Y} (3 days overdue)\n"
        f"  https://peel.example/admin/recommendations/response/{overdue.pk}/change/"
    ) in mail.body
    assert f"- Vetting: due soon\n  Due {due_soon.due_on:%-d %B %Y} (14 days left)" in mail.body
    assert (
        f"All of them on the tracker: https://peel.example/tracker/?force={force.slug}"
        "&state=overdue&state=due_soon"
    ) in mail.body
    for title in ("Not yet due", "Done", "Declined", "Another force's report"):
        assert title not in mail.body
    assert f"you are an editor of {force.name} in PEEL Tracker" in mail.body
    other = by_recipient[(outsider.email,)]
    assert "Another force's report" in other.body
    assert "PEEL 2023-25" not in other.body


def test_running_twice_on_the_same_day_sends_nothing_new(mailoutbox, editor, responses):
    run()
    first = len(mailoutbox)

    output = run()

    assert first == 1
    assert len(mailoutbox) == 1
    assert output == "Sent 0 reminder digests.\n"
    assert ReminderLog.objects.filter(user=editor, sent_on=today()).count() == 2


def test_a_response_that_falls_due_later_the_same_day_is_sent_alone(
    mailoutbox, force, editor, responses
):
    run()
    late_arrival = due_in(1, force, inspection__title="Accelerated cause of concern")

    run()

    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject == "PEEL Tracker reminder: 1 response due within 14 days"
    assert "Accelerated cause of concern" in mailoutbox[1].body
    assert "PEEL 2023-25" not in mailoutbox[1].body
    assert ReminderLog.objects.get(response=late_arrival).state == Response.State.DUE_SOON


def test_the_next_reminder_waits_for_the_next_reminder_day(mailoutbox, editor, responses):
    # Both were reminded yesterday; neither reaches a reminder day today (3 days overdue, 14
    # days left: the due-soon one's day is today, but yesterday's reminder was sent after the
    # overdue one's last day and before the due-soon one's).
    yesterday = today() - datetime.timedelta(days=1)
    for response in (responses["overdue"], responses["due_soon"]):
        ReminderLog.objects.create(
            response=response, user=editor, sent_on=yesterday, state=Response.State.OVERDUE
        )

    run()

    [mail] = mailoutbox
    assert "Vetting: due soon" in mail.body
    assert "PEEL 2023-25" not in mail.body
    assert ReminderLog.objects.filter(sent_on=today()).count() == 1


def test_what_is_logged(editor, responses):
    run()

    logged = set(
        ReminderLog.objects.values_list("response__inspection__title", "user", "sent_on", "state")
    )
    assert logged == {
        ("PEEL 2023-25: overdue report", editor.pk, today(), "overdue"),
        ("Vetting: due soon", editor.pk, today(), "due_soon"),
    }


def test_an_editor_of_two_forces_gets_one_digest(mailoutbox, force, other_force, editor, responses):
    other_force.editors.add(editor)

    run()

    [mail] = [m for m in mailoutbox if m.to == [editor.email]]
    assert "PEEL 2023-25: overdue report" in mail.body
    assert "Another force's report" in mail.body
    assert mail.subject == "PEEL Tracker reminder: 2 responses overdue and 1 due within 14 days"
    first, second = sorted([force.name, other_force.name])
    assert f"you are an editor of {first} and {second} in PEEL Tracker" in mail.body
    assert mail.body.index(first) < mail.body.index(second)


def test_users_without_an_email_inactive_users_and_non_editors_get_nothing(
    mailoutbox, force, responses, administrator, analyst
):
    force.editors.add(
        UserFactory(email=""), UserFactory(email="gone@opcc.example", is_active=False)
    )

    run()

    assert mailoutbox == []
    assert not ReminderLog.objects.exists()


def test_nothing_due_sends_nothing(mailoutbox, force, editor):
    due_in(30, force)

    assert run() == "Sent 0 reminder digests.\n"
    assert mailoutbox == []


def test_dry_run_lists_without_sending_or_logging(mailoutbox, editor, responses):
    output = run(dry_run=True)

    assert output == (
        f"Would email {editor.email}: PEEL Tracker reminder: 1 response overdue and 1 due "
        "within 14 days\n"
    )
    assert mailoutbox == []
    assert not ReminderLog.objects.exists()


def test_a_failed_send_logs_nothing_so_the_next_run_retries(
    monkeypatch, mailoutbox, editor, responses
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(
        "recommendations.management.commands.send_deadline_reminders.send_mail", refuse
    )
    with pytest.raises(CommandError, match=r"^1 reminder digest could not be sent; see above\.$"):
        run()
    assert not ReminderLog.objects.exists()

    monkeypatch.undo()
    run()
    assert len(mailoutbox) == 1


def test_reminders_are_not_sent_for_published_late_responses(mailoutbox, editor, force):
    late = due_in(-10, force)
    Response.objects.filter(pk=late.pk).update(is_published=True, published_on=today())

    run()

    assert mailoutbox == []


def test_only_the_forces_editors_are_told(mailoutbox, force):
    due_in(-1, force)
    stranger = UserFactory(email="stranger@example.org")
    ForceFactory().editors.add(stranger)

    run()

    assert mailoutbox == []


# The schedule (recommendations.reminder_schedule), over simulated days.


def simulate(monkeypatch, first_day: datetime.date, days: int) -> dict[str, list[int]]:
    """send_deadline_reminders run once a day (twice on some days: cron retried) for `days`
    days from `first_day`; for each recipient, the days (0 = first_day) an email went out."""
    from django.core import mail

    sent: dict[str, list[int]] = {}
    for day in range(days):
        monkeypatch.setattr(
            timezone, "localdate", lambda value=None, d=day: first_day + datetime.timedelta(days=d)
        )
        before = len(mail.outbox)
        run()
        if day % 5 == 0:
            run()  # a second run the same day sends nothing more
        for message in mail.outbox[before:]:
            sent.setdefault(message.to[0], []).append(day)
    return sent


def test_the_reminder_schedule_over_130_days(monkeypatch, mailoutbox, force, editor):
    start = datetime.date(2026, 1, 5)
    due_on = start + datetime.timedelta(days=20)
    ResponseFactory(
        inspection__force=force, inspection__published_on=due_on - datetime.timedelta(days=55)
    )

    sent = simulate(monkeypatch, start, 130)

    # 14, 7 and 1 days before the due date (day 20); 1, 7 and 14 days after; then every 28
    # days (42, 70, 98 days after).
    assert sent == {editor.email: [6, 13, 19, 21, 27, 34, 62, 90, 118]}
    assert ReminderLog.objects.count() == 9


def test_no_more_reminders_once_published(monkeypatch, mailoutbox, force, editor):
    start = datetime.date(2026, 1, 5)
    due_on = start + datetime.timedelta(days=10)
    response = ResponseFactory(
        inspection__force=force, inspection__published_on=due_on - datetime.timedelta(days=55)
    )
    sent = simulate(monkeypatch, start, 20)
    Response.objects.filter(pk=response.pk).update(
        is_published=True, published_on=start + datetime.timedelta(days=19)
    )
    later = simulate(monkeypatch, start + datetime.timedelta(days=20), 40)

    # Day 0: the 14-days-before reminder (day -4) had not been sent; then 7 and 1 days before
    # the due date (day 10) and 1 and 7 days after.
    assert sent == {editor.email: [0, 3, 9, 11, 17]}
    assert later == {}


def test_a_missed_reminder_day_is_sent_on_the_next_run_once(monkeypatch, mailoutbox, force, editor):
    due_on = datetime.date(2026, 3, 1)
    ResponseFactory(
        inspection__force=force, inspection__published_on=due_on - datetime.timedelta(days=55)
    )

    # Cron did not run on the 7th day overdue (8 March); it runs on the 9th and 10th.
    sent = simulate(monkeypatch, datetime.date(2026, 3, 9), 10)

    assert sent == {editor.email: [0, 6]}  # 9 March (the 7th day's), then the 14th day


def test_the_help_states_the_schedule():
    from recommendations.management.commands.send_deadline_reminders import Command

    assert (
        "14, 7 and 1 days before the due date; on the 1st, 7th and 14th day after it; then every "
        "28 days until the response is published"
    ) in Command.help
