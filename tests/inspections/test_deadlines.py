import datetime

import pytest

from inspections.deadlines import statutory_response_due_on
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


def test_inspection_due_date_needs_the_exact_publication_day():
    exact = InspectionFactory.build(published_on=datetime.date(2019, 5, 2))
    month_only = InspectionFactory.build(
        published_on=datetime.date(2020, 7, 1), published_precision="month"
    )
    unknown = InspectionFactory.build(published_on=None)

    assert exact.response_due_on == datetime.date(2019, 6, 26)
    assert month_only.response_due_on is None
    assert unknown.response_due_on is None


def test_published_display_respects_precision():
    assert InspectionFactory.build(published_on=datetime.date(2019, 5, 2)).published_display() == (
        "2 May 2019"
    )
    month = InspectionFactory.build(
        published_on=datetime.date(2020, 7, 1), published_precision="month"
    )
    assert month.published_display() == "July 2020"
    assert InspectionFactory.build(published_on=None).published_display() == "Not stated"
