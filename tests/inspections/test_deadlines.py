import datetime

import pytest

from inspections.deadlines import (
    Regime,
    ResponseDeadline,
    ResponseRule,
    response_deadline,
    statutory_response_due_on,
)
from tests.factories import InspectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("published", "due"),
    [
        # DOMAIN.md: published Thursday 2 May 2019 -> due Wednesday 26 June 2019.
        (datetime.date(2019, 5, 2), datetime.date(2019, 6, 26)),
        # Across February of a leap year.
        (datetime.date(2024, 1, 31), datetime.date(2024, 3, 26)),
        # Same dates in a common year land a day later in March.
        (datetime.date(2023, 1, 31), datetime.date(2023, 3, 27)),
        # Across a year end.
        (datetime.date(2021, 12, 1), datetime.date(2022, 1, 25)),
    ],
)
def test_due_date_is_publication_plus_55_days(published, due):
    assert statutory_response_due_on(published) == due


def test_due_date_is_day_56_counting_the_publication_day_as_day_1():
    published = datetime.date(2019, 5, 2)
    due = statutory_response_due_on(published)
    assert (due - published).days + 1 == 56


def test_inspection_due_date_is_the_end_of_the_window_for_a_month():
    exact = InspectionFactory.build(published_on=datetime.date(2019, 5, 2))
    month_only = InspectionFactory.build(
        published_on=datetime.date(2020, 7, 1), published_precision="month"
    )
    unknown = InspectionFactory.build(published_on=None)

    assert exact.response_due_on == datetime.date(2019, 6, 26)
    assert month_only.response_due_on == datetime.date(2020, 9, 24)
    assert unknown.response_due_on is None


# --- response_deadline: the one rule (docs/domain-rules.md) ---------------------------------


def test_a_report_of_1_may_2017_has_no_statutory_deadline():
    deadline = response_deadline(datetime.date(2017, 5, 1))
    assert deadline == ResponseDeadline(Regime.NO_STATUTORY_DEADLINE)
    assert deadline.display() == "No statutory deadline"


def test_a_report_of_2_may_2017_is_due_26_june_2017():
    deadline = response_deadline(datetime.date(2017, 5, 2))
    assert deadline.regime == Regime.STATUTORY
    assert deadline.earliest_on == deadline.latest_on == datetime.date(2017, 6, 26)
    assert not deadline.is_window


def test_a_report_of_july_2020_is_due_in_a_window():
    deadline = response_deadline(datetime.date(2020, 7, 1), "month")
    assert (deadline.earliest_on, deadline.latest_on) == (
        datetime.date(2020, 8, 25),
        datetime.date(2020, 9, 24),
    )
    assert deadline.display() == "25 August 2020 – 24 September 2020"


def test_a_month_straddling_commencement_counts_only_days_from_2_may_2017():
    deadline = response_deadline(datetime.date(2017, 5, 1), "month")
    assert deadline.regime == Regime.STATUTORY
    assert (deadline.earliest_on, deadline.latest_on) == (
        datetime.date(2017, 6, 26),
        datetime.date(2017, 7, 25),
    )
    assert response_deadline(datetime.date(2017, 4, 1), "month").regime == (
        Regime.NO_STATUTORY_DEADLINE
    )


def test_a_year_date_gives_a_year_long_window():
    deadline = response_deadline(datetime.date(2019, 1, 1), "year")
    assert (deadline.earliest_on, deadline.latest_on) == (
        datetime.date(2019, 2, 25),
        datetime.date(2020, 2, 24),
    )


def test_no_date_no_deadline():
    assert response_deadline(None) == ResponseDeadline(Regime.DATE_UNKNOWN)


def test_the_rule_can_be_set_per_report_where_the_inspectorate_says_otherwise():
    early = datetime.date(2016, 3, 1)
    forced = response_deadline(early, rule=ResponseRule.STATUTORY)
    assert forced.latest_on == datetime.date(2016, 4, 25)
    waived = response_deadline(datetime.date(2020, 3, 1), rule=ResponseRule.NO_STATUTORY_DEADLINE)
    assert waived.regime == Regime.NO_STATUTORY_DEADLINE


def test_published_display_respects_precision():
    assert InspectionFactory.build(published_on=datetime.date(2019, 5, 2)).published_display() == (
        "2 May 2019"
    )
    month = InspectionFactory.build(
        published_on=datetime.date(2020, 7, 1), published_precision="month"
    )
    assert month.published_display() == "July 2020"
    assert InspectionFactory.build(published_on=None).published_display() == "Not stated"
