"""Who owes comments on a report, and by when, under the law in force (Police Act 1996 s.55).

The one rule, in one place (docs/domain-rules.md states it with its sources):

- s.55(5A)/(5B) were inserted by the Policing and Crime Act 2017, ss.36–37, and came into force
  on 2 May 2017 (SI 2017/399, reg. 4). From that day the local policing body's comments must be
  published "before the end of the period of 56 days beginning with the day on which the report
  is published": the publication day is day 1, so the last compliant day is day 56 =
  publication date + 55 days.
- A report published before 2 May 2017 still had to be commented on and the comments published
  (s.55 as it stood), but no statutory period applied: such a response can be missing, never
  "overdue".
- A date known only to the month (or year) could be any day of it: the deadline is a window from
  the earliest possible due date to the latest, and a response is overdue only after the latest.
- A report whose rule the inspectorate states otherwise can be set per report (Inspection.
  response_rule), e.g. to say that a deadline applies, or that none does.

Plain Python (no Django) so the rule can be tested and reused on its own.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

RESPONSE_PERIOD_DAYS = 56
# Policing and Crime Act 2017 ss.36–37, commenced by SI 2017/399 reg. 4.
STATUTORY_DEADLINE_FROM = date(2017, 5, 2)


class Regime:
    """Which regime a report's comments fall under (stored on Response.regime)."""

    STATUTORY = "statutory"
    NO_STATUTORY_DEADLINE = "no_statutory_deadline"
    DATE_UNKNOWN = "date_unknown"

    LABELS = {
        STATUTORY: "56-day deadline (s.55(5A))",
        NO_STATUTORY_DEADLINE: "Comments owed, no statutory deadline",
        DATE_UNKNOWN: "Publication date not known",
    }
    CHOICES = list(LABELS.items())


class ResponseRule:
    """How a report's regime is decided (stored on Inspection.response_rule)."""

    BY_LAW = "by_law"
    STATUTORY = "statutory"
    NO_STATUTORY_DEADLINE = "no_statutory_deadline"

    LABELS = {
        BY_LAW: "By the law in force on the publication date",
        STATUTORY: "56-day deadline applies (the inspectorate says so)",
        NO_STATUTORY_DEADLINE: "No statutory deadline (the inspectorate says so)",
    }
    CHOICES = list(LABELS.items())


@dataclass(frozen=True)
class ResponseDeadline:
    """The regime and, under the statute, the window in which the deadline falls: one day when
    the publication day is known, a range when only the month or year is."""

    regime: str
    earliest_on: date | None = None
    latest_on: date | None = None

    @property
    def is_window(self) -> bool:
        return self.earliest_on is not None and self.earliest_on != self.latest_on

    def display(self) -> str:
        """ "26 June 2019", "25 August 2020 – 24 September 2020", or why there is none."""
        if self.regime == Regime.NO_STATUTORY_DEADLINE:
            return "No statutory deadline"
        if self.latest_on is None:
            return "Not known"
        if self.is_window:
            return f"{self.earliest_on:%-d %B %Y} – {self.latest_on:%-d %B %Y}"
        return f"{self.latest_on:%-d %B %Y}"


def statutory_response_due_on(published_on: date) -> date:
    """Last day on which the body's response can be published and still be on time."""
    return published_on + timedelta(days=RESPONSE_PERIOD_DAYS - 1)


def possible_publication_days(published_on: date, precision: str) -> tuple[date, date]:
    """The first and last day a report dated `published_on` to this precision ("day",
    "month" or "year") can have been published (a month or year date is stored as its
    first day)."""
    if precision == "month":
        last = calendar.monthrange(published_on.year, published_on.month)[1]
        return published_on.replace(day=1), published_on.replace(day=last)
    if precision == "year":
        return date(published_on.year, 1, 1), date(published_on.year, 12, 31)
    return published_on, published_on


def response_deadline(
    published_on: date | None, precision: str = "day", rule: str = ResponseRule.BY_LAW
) -> ResponseDeadline:
    """The regime and deadline window for comments on a report published on `published_on`
    (to `precision`), under `rule`. This is the function the tests and the docs name."""
    if rule == ResponseRule.NO_STATUTORY_DEADLINE:
        return ResponseDeadline(Regime.NO_STATUTORY_DEADLINE)
    if published_on is None:
        return ResponseDeadline(Regime.DATE_UNKNOWN)
    first, last = possible_publication_days(published_on, precision)
    if rule == ResponseRule.BY_LAW:
        if last < STATUTORY_DEADLINE_FROM:
            return ResponseDeadline(Regime.NO_STATUTORY_DEADLINE)
        # A month or year that straddles commencement: only days from 2 May 2017 can carry a
        # deadline, so the earliest possible due date counts from then.
        first = max(first, STATUTORY_DEADLINE_FROM)
    return ResponseDeadline(
        Regime.STATUTORY, statutory_response_due_on(first), statutory_response_due_on(last)
    )
