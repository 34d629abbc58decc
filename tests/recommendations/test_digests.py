"""send_digests: one plain-text digest per watcher of what changed since their last one; nothing
sent twice, nothing lost, drafts never shown, daily and weekly timing, queries that do not grow
with watches or rows."""

import datetime
import smtplib
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recommendations.models import DigestSubscription, Response, StatusChange
from recommendations.services import digests
from tests.factories import (
    DigestSubscriptionFactory,
    FindingFactory,
    FindingStatusFactory,
    ResponseFactory,
    SavedViewFactory,
    UserFactory,
    WatchFactory,
)

pytestmark = pytest.mark.django_db


def next_monday_7am() -> datetime.datetime:
    """A Monday at 07:00, local time, well after the real clock: rows the factories create (at
    the real time) are before every simulated period."""
    day = timezone.localdate() + datetime.timedelta(days=14)
    day += datetime.timedelta(days=-day.weekday())
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(7)))


DAY = datetime.timedelta(days=1)
MONDAY = next_monday_7am()


# When the test's rows are made: before every period the tests report on.
SETUP = MONDAY - 30 * DAY


class Clock:
    """timezone.now (and localdate) for the test: `now` while rows are made, `run_at` while
    the command runs."""

    now = SETUP
    run_at = MONDAY


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(Clock, "now", SETUP)
    monkeypatch.setattr(Clock, "run_at", MONDAY)
    monkeypatch.setattr(timezone, "now", lambda: Clock.now)
    return Clock


def run(**options) -> str:
    """send_digests at Clock.run_at; its output."""
    out = StringIO()
    before, Clock.now = Clock.now, Clock.run_at
    try:
        call_command("send_digests", stdout=out, stderr=StringIO(), **options)
    finally:
        Clock.now = before
    return out.getvalue()


def watcher(frequency="daily", since=MONDAY - DAY, **kwargs):
    user = UserFactory(**kwargs)
    DigestSubscriptionFactory(user=user, frequency=frequency, covered_until=since)
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="analyst"))
    return user


def change(
    status, at: datetime.datetime, note="Action plan agreed with the force."
) -> StatusChange:
    return StatusChange.objects.create(
        finding_status=status,
        status="being_progressed",
        effective_on=at.date(),
        note=note,
        recorded_at=at,
    )


def at(clock, moment: datetime.datetime, make):
    """make(), with the clock at `moment`: a row's history (a finding added, a response
    published) is dated by it."""
    before, clock.now = clock.now, moment
    try:
        return make()
    finally:
        clock.now = before


@pytest.fixture
def status(force):
    return FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__title="PEEL 2025: Testshire",
        finding__text="Improve the vetting of new recruits.",
    )


# Sending once, and the next time


def test_two_runs_send_one_email(clock, mailoutbox, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - datetime.timedelta(hours=3))

    assert run() == "Sent 1 digest.\n"
    assert run() == "Sent 0 digests.\n"

    [mail] = mailoutbox
    assert mail.to == [user.email]
    assert mail.subject == "PEEL Tracker digest: 1 status change"
    assert "Improve the vetting of new recruits." in mail.body
    assert "Being progressed" in mail.body
    assert "Note: Action plan agreed with the force." in mail.body
    assert "in a finding you watch" in mail.body
    assert DigestSubscription.objects.get(user=user).covered_until == MONDAY


def test_a_change_after_a_digest_is_in_the_next_one(clock, mailoutbox, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - datetime.timedelta(hours=3), note="First note.")
    run()
    change(status, MONDAY + datetime.timedelta(hours=2), note="Second note.")

    clock.run_at = MONDAY + datetime.timedelta(hours=5)
    assert run() == "Sent 0 digests.\n"  # a daily digest: once a day
    clock.run_at = MONDAY + DAY
    assert run() == "Sent 1 digest.\n"

    first, second = mailoutbox
    assert "First note." in first.body and "Second note." not in first.body
    assert "Second note." in second.body and "First note." not in second.body


def test_nothing_new_sends_nothing_but_the_period_is_covered(clock, mailoutbox, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)

    assert run() == "Sent 0 digests.\n"

    assert mailoutbox == []
    assert DigestSubscription.objects.get(user=user).covered_until == MONDAY


def test_a_failed_send_leaves_the_period_for_the_next_run(clock, monkeypatch, mailoutbox, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - datetime.timedelta(hours=3))

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("recommendations.services.digests.send_mail", refuse)
    with pytest.raises(CommandError, match=r"^1 digest could not be sent; see above\.$"):
        run()
    assert DigestSubscription.objects.get(user=user).covered_until == MONDAY - DAY

    monkeypatch.setattr("recommendations.services.digests.send_mail", digests_send_mail)
    assert run() == "Sent 1 digest.\n"
    assert "Action plan agreed" in mailoutbox[0].body


def digests_send_mail(*args, **kwargs):
    from django.core.mail import send_mail

    return send_mail(*args, **kwargs)


def test_a_period_claimed_by_another_run_is_not_sent_again(clock, mailoutbox, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - datetime.timedelta(hours=3))
    [subscription] = digests.subscriptions_due(now=MONDAY)  # read by two runs at once
    stale = DigestSubscription.objects.get(pk=subscription.pk)

    first = digests.digest_send(subscription=subscription, now=MONDAY)
    second = digests.digest_send(subscription=stale, now=MONDAY)

    assert first.subject and first.claimed
    assert not second.claimed
    assert len(mailoutbox) == 1


def test_dry_run_sends_and_records_nothing(clock, mailoutbox, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - datetime.timedelta(hours=3))

    output = run(dry_run=True)

    assert output == f"Would email {user.email}: PEEL Tracker digest: 1 status change\n"
    assert mailoutbox == []
    assert DigestSubscription.objects.get(user=user).covered_until == MONDAY - DAY


def test_who_gets_no_digest(clock, mailoutbox, status):
    change(status, MONDAY - datetime.timedelta(hours=3))
    for user in (
        watcher(email=""),
        watcher(is_active=False),
        watcher(frequency="never"),
    ):
        WatchFactory(user=user, finding=status.finding)
    watcher()  # watches nothing

    assert run() == "Sent 0 digests.\n"
    assert mailoutbox == []


def test_a_watcher_without_a_period_starts_one_now(clock, mailoutbox, status):
    user = UserFactory()
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - datetime.timedelta(hours=3))

    run()

    assert mailoutbox == []
    assert DigestSubscription.objects.get(user=user).covered_until == MONDAY


# Daily and weekly


def test_daily_and_weekly_digests_over_two_weeks(clock, mailoutbox, status):
    daily = watcher("daily", since=MONDAY - DAY)
    weekly = watcher("weekly", since=MONDAY - DAY)
    for user in (daily, weekly):
        WatchFactory(user=user, finding=status.finding)
    sent_on = {daily.email: [], weekly.email: []}
    for day in range(14):
        clock.run_at = MONDAY + day * DAY
        # A change every day at noon: each daily digest reports the day before's.
        change(status, clock.run_at - datetime.timedelta(hours=19), note=f"Day {day}.")
        before = len(mailoutbox)
        run()
        run()  # cron twice in a day changes nothing
        for mail in mailoutbox[before:]:
            sent_on[mail.to[0]].append(day)

    assert sent_on[daily.email] == list(range(14))
    assert sent_on[weekly.email] == [0, 7]
    # The second weekly digest reports the seven days since the first, each once.
    second_weekly = [m for m in mailoutbox if m.to == [weekly.email]][1]
    assert [f"Day {day}." in second_weekly.body for day in range(9)] == [False] + [True] * 7 + [
        False
    ]


def test_a_weekly_digest_missed_on_monday_goes_on_the_next_run(clock, mailoutbox, status):
    user = watcher("weekly", since=MONDAY - 7 * DAY)
    WatchFactory(user=user, finding=status.finding)
    change(status, MONDAY - DAY)

    clock.run_at = MONDAY + DAY + DAY  # Wednesday: Monday's and Tuesday's runs did not happen
    assert run() == "Sent 1 digest.\n"
    clock.run_at = MONDAY + 3 * DAY
    assert run() == "Sent 0 digests.\n"


# What a digest reports, and to whom


def test_saved_views_new_findings_changes_publications_and_deadlines(
    clock, mailoutbox, settings, force, other_force
):
    settings.SITE_URL = "https://peel.example"
    user = watcher()
    today = timezone.localdate(MONDAY)
    afis = SavedViewFactory(owner=user, name="Testshire AFIs", query=f"force={force.slug}&kind=afi")
    tracker = SavedViewFactory(
        owner=user,
        name="Testshire responses",
        tracker=True,
        query=f"force={force.slug}&state=overdue",
    )
    for view in (afis, tracker):
        WatchFactory(user=user, finding=None, saved_view=view)
    added = MONDAY - DAY / 2
    new_afi = at(
        clock,
        added,
        lambda: FindingFactory(inspection__force=force, text="Record stop and search reasons."),
    )
    at(clock, added, lambda: FindingFactory(inspection__force=other_force, text="Another AFI."))
    at(
        clock,
        added,
        lambda: FindingFactory(inspection__force=force, recommendation=True, text="Not an AFI."),
    )
    old = FindingStatusFactory(finding__inspection__force=force, finding__text="Older AFI.")
    change(old, MONDAY - DAY / 3, note="Closed after the revisit.")
    published = ResponseFactory(
        inspection__force=force,
        inspection__title="Vetting report",
        inspection__published_on=today - 80 * DAY,
    )
    published.is_published, published.published_on = True, today - DAY
    at(clock, MONDAY - DAY / 4, published.save)
    ResponseFactory(
        inspection__force=force,
        inspection__title="Custody report",
        inspection__published_on=today + 14 * DAY - 55 * DAY,
    )
    ResponseFactory(
        inspection__force=force,
        inspection__title="Digital forensics report",
        inspection__published_on=today + 10 * DAY - 55 * DAY,
    )

    assert run() == "Sent 1 digest.\n"

    [mail] = mailoutbox
    assert mail.subject == (
        "PEEL Tracker digest: 1 new finding, 1 status change, 1 response published"
    )
    body = mail.body
    assert "NEW FINDINGS" in body
    assert "Record stop and search reasons." in body
    assert f"https://peel.example/findings/{new_afi.pk}/" in body
    assert "In your saved view “Testshire AFIs”" in body
    assert "Another AFI." not in body and "Not an AFI." not in body
    # The status filter is left out when matching changes; the opening entry of a new finding
    # is not a change of its own.
    assert "Closed after the revisit." in body
    assert body.count("New finding") == 0
    # Published: no longer "overdue", still reported to the view of overdue responses.
    assert "RESPONSES PUBLISHED" in body
    assert f"{force.name}'s response to Vetting report" in body
    assert "in your saved view “Testshire responses”" in body
    assert "DEADLINES IN THE NEXT 14 DAYS" in body
    # Listed while due within 14 days; marked new when it came that close since the last one.
    assert "Custody report\n  Due" in body
    assert "(14 days left), new in this digest" in body
    assert "(10 days left); in your saved view" in body


def test_drafts_never_reach_an_analyst(clock, mailoutbox, force, status):
    user = watcher()
    WatchFactory(user=user, finding=status.finding)
    WatchFactory(user=user, finding=None, saved_view=SavedViewFactory(owner=user, tracker=True))
    today = timezone.localdate(MONDAY)
    draft = ResponseFactory(
        inspection=status.finding.inspection,
        key_findings="DRAFT KEY FINDINGS",
        body_comments="DRAFT COMMENTS of the commissioner",
    )
    Response.objects.filter(pk=draft.pk).update(due_on=today + 3 * DAY)
    change(status, MONDAY - DAY / 2)

    run()

    [mail] = mailoutbox
    assert "DRAFT" not in mail.body
    assert "RESPONSES PUBLISHED" not in mail.body
    # Its deadline is the tracker's, which every role reads: the date only.
    assert f"Due {(today + 3 * DAY):%-d %B %Y}" in mail.body


def test_a_view_no_longer_shared_is_left_out(clock, mailoutbox, status):
    user = watcher()
    private = SavedViewFactory(name="Someone's private view")  # stopped sharing it
    WatchFactory(user=user, finding=None, saved_view=private)
    change(status, MONDAY - DAY / 2)

    assert run() == "Sent 0 digests.\n"


# Queries


def count_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        run()
    return len(queries)


def test_queries_do_not_grow_with_watches_or_rows(clock, force):
    """Per person: a fixed number of queries, plus each distinct saved view read once."""
    user = watcher()
    view = SavedViewFactory(owner=user, query=f"force={force.slug}&status=open")
    WatchFactory(user=user, finding=None, saved_view=view)

    def add(count, period_start):
        for _ in range(count):
            status = FindingStatusFactory(finding__inspection__force=force)
            WatchFactory(user=user, finding=status.finding)
            change(status, period_start + DAY / 2)
            at(clock, period_start + DAY / 2, lambda: FindingFactory(inspection__force=force))
            at(
                clock,
                period_start + DAY / 2,
                lambda s=status: ResponseFactory(
                    inspection=s.finding.inspection, is_published=True
                ),
            )

    add(3, MONDAY - DAY)
    first = count_queries()
    clock.run_at = MONDAY + DAY
    add(6, MONDAY)
    second = count_queries()

    assert first == second
