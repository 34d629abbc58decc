"""The statutory response deadline (Police Act 1996 s.55(5A), as amended by the Policing and
Crime Act 2017 s.37).

The local policing body must publish its comments "before the end of the period of 56 days
beginning with the day on which the report is published". The publication day is day 1, so the
last compliant day is day 56 = publication date + 55 days.
"""

from datetime import date, timedelta

RESPONSE_PERIOD_DAYS = 56


def statutory_response_due_on(published_on: date) -> date:
    """Last day on which the body's response can be published and still be on time."""
    return published_on + timedelta(days=RESPONSE_PERIOD_DAYS - 1)
