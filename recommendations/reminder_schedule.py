"""When a response still owed is reminded to its force's editors (send_deadline_reminders): the
one definition of the schedule, so the command, its help and the docs say the same thing.

A reminder every day for as long as a response is owed teaches people to ignore it (and an
unanswered report can stay owed for years). So a response is reminded on these days only:

- due soon: 14, 7 and 1 days before its due date (REMINDED_DAYS_BEFORE);
- overdue: the 1st, 7th and 14th day after its due date (REMINDED_DAYS_AFTER), then every 28th
  day after the last of those (the 42nd, 70th, 98th … day: REPEAT_EVERY_DAYS) until it is
  published or marked not required.

A run that finds the last reminder day since the previous reminder unsent (cron missed a day,
the response was only recorded today, an editor was only just added) sends it then, once: the
reminder log says what each editor was last sent, so nothing is sent twice and nothing is
lost."""

from datetime import date, timedelta

REMINDED_DAYS_BEFORE = (14, 7, 1)
REMINDED_DAYS_AFTER = (1, 7, 14)
REPEAT_EVERY_DAYS = 28

# Days relative to the due date (negative: before it) on which a reminder is sent, up to the
# last fixed one; after it, every REPEAT_EVERY_DAYS.
_FIXED_OFFSETS = tuple(sorted([-days for days in REMINDED_DAYS_BEFORE] + list(REMINDED_DAYS_AFTER)))


def _ordinal(number: int) -> str:
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def schedule_text() -> str:
    """The schedule in words, for the command's help and the emails."""
    before = ", ".join(map(str, REMINDED_DAYS_BEFORE[:-1])) + f" and {REMINDED_DAYS_BEFORE[-1]}"
    after = (
        ", ".join(map(_ordinal, REMINDED_DAYS_AFTER[:-1]))
        + f" and {_ordinal(REMINDED_DAYS_AFTER[-1])}"
    )
    return (
        f"{before} days before the due date; on the {after} day after it; then every "
        f"{REPEAT_EVERY_DAYS} days until the response is published"
    )


def latest_reminder_day(due_on: date, today: date) -> date | None:
    """The most recent reminder day on or before `today` for a response due on `due_on`, or
    None when none has come yet (more than 14 days before the due date). A response whose
    editor was last reminded before this day is reminded today."""
    offset = (today - due_on).days
    passed = [day for day in _FIXED_OFFSETS if day <= offset]
    if not passed:
        return None
    last_fixed = _FIXED_OFFSETS[-1]
    if offset > last_fixed:
        latest = last_fixed + (offset - last_fixed) // REPEAT_EVERY_DAYS * REPEAT_EVERY_DAYS
    else:
        latest = passed[-1]
    return due_on + timedelta(days=latest)


def is_due(*, due_on: date, today: date, last_sent_on: date | None) -> bool:
    """Whether an editor last reminded on `last_sent_on` (None: never) is reminded today of a
    response due on `due_on`: a reminder day has come since then."""
    day = latest_reminder_day(due_on, today)
    return day is not None and (last_sent_on is None or last_sent_on < day)
