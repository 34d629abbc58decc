"""The tracker's facts about each response, computed by the database: the s.55(5A) deadline,
the state (every state and each boundary), and the counts of recommendations owed, explained
and AFIs (national reports included)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from recommendations.models import DUE_SOON_DAYS, Finding, Response
from recommendations.services import inspection_open_tracking
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    ForceFactory,
    InspectionFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 5, 15)
State = Response.State


def due_in(days: int, **kwargs) -> Response:
    """A response whose deadline is `days` days after TODAY (negative: before)."""
    published = TODAY + datetime.timedelta(days=days - 55)
    return ResponseFactory(inspection__published_on=published, **kwargs)


def state_of(response: Response, today: datetime.date = TODAY) -> str:
    return Response.objects.with_state(today).get(pk=response.pk).state


# --- The deadline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("published", "due"),
    [
        # DOMAIN.md: published Thursday 2 May 2019, due Wednesday 26 June 2019.
        (datetime.date(2019, 5, 2), datetime.date(2019, 6, 26)),
        # Leap year: 31 January 2024 + 55 days crosses 29 February.
        (datetime.date(2024, 1, 31), datetime.date(2024, 3, 26)),
        (datetime.date(2023, 1, 31), datetime.date(2023, 3, 27)),
        # Month ends.
        (datetime.date(2022, 4, 30), datetime.date(2022, 6, 24)),
        (datetime.date(2021, 12, 31), datetime.date(2022, 2, 24)),
        (datetime.date(2020, 2, 29), datetime.date(2020, 4, 24)),
    ],
)
def test_response_due_date_is_publication_plus_55_days(published, due):
    response = ResponseFactory(inspection__published_on=published)

    assert Response.objects.get(pk=response.pk).due_on == due


def test_a_report_known_to_the_month_is_due_in_a_window_and_overdue_only_after_it():
    response = ResponseFactory(
        inspection__published_on=datetime.date(2020, 7, 1),
        inspection__published_precision="month",
    )

    assert (response.due_earliest_on, response.due_on) == (
        datetime.date(2020, 8, 25),
        datetime.date(2020, 9, 24),
    )
    assert response.due_display() == "25 August 2020 – 24 September 2020"
    assert state_of(response, datetime.date(2020, 9, 24)) == State.DUE_SOON
    assert state_of(response, datetime.date(2020, 9, 25)) == State.OVERDUE


def test_a_report_before_2_may_2017_is_owed_but_never_overdue():
    before = ResponseFactory(inspection__published_on=datetime.date(2017, 5, 1))
    after = ResponseFactory(inspection__published_on=datetime.date(2017, 5, 2))

    assert (before.regime, before.due_on) == ("no_statutory_deadline", None)
    assert state_of(before) == State.NO_STATUTORY_DEADLINE
    assert before.due_display() == "No statutory deadline"
    assert after.due_on == datetime.date(2017, 6, 26)
    assert state_of(after) == State.OVERDUE


# --- Every state, with its boundaries ----------------------------------------------------------


def test_not_published_and_due_date_passed_is_overdue():
    assert state_of(due_in(-1)) == State.OVERDUE
    assert state_of(due_in(-400)) == State.OVERDUE


def test_due_today_is_due_soon_not_overdue():
    assert state_of(due_in(0)) == State.DUE_SOON


def test_due_in_exactly_14_days_is_due_soon():
    assert DUE_SOON_DAYS == 14
    assert state_of(due_in(14)) == State.DUE_SOON


def test_due_in_15_days_is_open():
    assert state_of(due_in(15)) == State.OPEN
    assert state_of(due_in(55)) == State.OPEN


def test_the_same_response_moves_from_open_to_due_soon_to_overdue_as_days_pass():
    response = due_in(0)
    due = response.due_on

    assert state_of(response, due - datetime.timedelta(days=15)) == State.OPEN
    assert state_of(response, due - datetime.timedelta(days=14)) == State.DUE_SOON
    assert state_of(response, due) == State.DUE_SOON
    assert state_of(response, due + datetime.timedelta(days=1)) == State.OVERDUE


def test_published_on_the_due_date_is_on_time():
    response = due_in(-10)
    response.is_published = True
    response.published_on = response.due_on
    response.save()

    assert state_of(response) == State.PUBLISHED_ON_TIME


def test_published_the_day_after_the_due_date_is_late():
    response = due_in(-10)
    response.is_published = True
    response.published_on = response.due_on + datetime.timedelta(days=1)
    response.save()

    assert state_of(response) == State.PUBLISHED_LATE


def test_published_before_the_due_date_is_on_time_even_once_the_date_has_passed():
    response = due_in(-30)
    response.is_published = True
    response.published_on = response.report_published_on
    response.save()

    assert state_of(response) == State.PUBLISHED_ON_TIME


def test_published_without_a_recorded_date_is_its_own_state():
    # As the real Cumbria 2018/19 response: published, the date not stated in the source.
    response = due_in(-100, is_published=True)

    assert state_of(response) == State.PUBLISHED_DATE_UNKNOWN


def test_published_for_a_report_whose_day_is_unknown_is_judged_against_the_window():
    def published(day: datetime.date) -> Response:
        return ResponseFactory(
            inspection__published_on=datetime.date(2020, 7, 1),
            inspection__published_precision="month",
            is_published=True,
            published_on=day,
        )

    assert state_of(published(datetime.date(2020, 8, 25))) == State.PUBLISHED_ON_TIME
    assert state_of(published(datetime.date(2020, 8, 26))) == State.PUBLISHED_IN_WINDOW
    assert state_of(published(datetime.date(2020, 9, 24))) == State.PUBLISHED_IN_WINDOW
    assert state_of(published(datetime.date(2020, 9, 25))) == State.PUBLISHED_LATE


def test_not_required_wins_over_the_deadline():
    response = due_in(-5, is_not_required=True, not_required_reason="National report: noted.")

    assert state_of(response) == State.NOT_REQUIRED


def test_every_state_is_reachable_and_filterable_in_sql():
    due_in(-3)
    due_in(3)
    due_in(30)
    ResponseFactory(inspection__published_on=None)
    late = due_in(-20)
    Response.objects.filter(pk=late.pk).update(
        is_published=True, published_on=late.due_on + datetime.timedelta(days=2)
    )
    on_time = due_in(-20)
    Response.objects.filter(pk=on_time.pk).update(is_published=True, published_on=on_time.due_on)
    due_in(-50, is_published=True)
    ResponseFactory(
        inspection__published_on=None, is_published=True, published_on=datetime.date(2020, 8, 1)
    )
    ResponseFactory(
        inspection__published_on=datetime.date(2020, 7, 1),
        inspection__published_precision="month",
        is_published=True,
        published_on=datetime.date(2020, 9, 1),
    )
    ResponseFactory(inspection__published_on=datetime.date(2016, 1, 5))
    ResponseFactory(
        inspection__published_on=datetime.date(2016, 1, 5),
        is_published=True,
        published_on=datetime.date(2016, 3, 1),
    )
    due_in(1, is_not_required=True, not_required_reason="Not for this body.")

    counts = {
        state: Response.objects.with_state(TODAY).filter(state=state).count() for state in State
    }

    assert counts == dict.fromkeys(State.values, 1)


def test_due_soon_or_overdue_is_what_reminders_cover():
    overdue, soon, _open = due_in(-1), due_in(14), due_in(15)
    due_in(-1, is_published=True)

    assert set(Response.objects.due_soon_or_overdue(TODAY)) == {overdue, soon}


def test_days_until_due():
    assert due_in(3).days_until_due(TODAY) == 3
    assert due_in(-2).days_until_due(TODAY) == -2
    assert ResponseFactory(inspection__published_on=None).days_until_due(TODAY) is None


# --- Not required and the override need a reason -----------------------------------------------


def test_not_required_needs_a_reason_in_the_database():
    with pytest.raises(IntegrityError):
        ResponseFactory(is_not_required=True, not_required_reason="")


def test_not_required_needs_a_reason_as_a_readable_error():
    response = ResponseFactory.build(
        inspection=InspectionFactory(), is_not_required=True, not_required_reason="  "
    )
    response.force = response.inspection.force

    with pytest.raises(ValidationError) as error:
        response.full_clean()

    assert error.value.message_dict["not_required_reason"] == [
        "Give the reason no response is required."
    ]


def test_a_published_response_cannot_be_not_required():
    response = ResponseFactory.build(
        inspection=InspectionFactory(),
        is_published=True,
        is_not_required=True,
        not_required_reason="Changed our minds.",
    )
    response.force = response.inspection.force

    with pytest.raises(ValidationError) as error:
        response.full_clean()

    assert error.value.message_dict["is_not_required"] == [
        "A published response cannot be marked not required: untick one of them."
    ]


def test_override_needs_a_reason_in_the_database():
    with pytest.raises(IntegrityError):
        ResponseFactory(is_completeness_overridden=True, completeness_override_reason="")


def test_chief_officer_comments_cannot_be_received_in_the_future():
    response = ResponseFactory(
        inspection__published_on=timezone.localdate() - datetime.timedelta(days=5)
    )
    response.chief_officer_comments_received_on = timezone.localdate() + datetime.timedelta(1)

    with pytest.raises(ValidationError) as error:
        response.full_clean()

    assert error.value.message_dict["chief_officer_comments_received_on"] == [
        "The date the chief officer's comments were received cannot be in the future."
    ]


def test_a_dated_response_must_be_ticked_published_as_a_readable_error():
    response = ResponseFactory(inspection__published_on=datetime.date(2022, 4, 7))
    response.published_on = datetime.date(2022, 5, 1)

    with pytest.raises(ValidationError) as error:
        response.full_clean()

    assert error.value.message_dict["is_published"] == [
        "Tick “Published” if the response has a publication date."
    ]


# --- Counts: recommendations owed and explained, AFIs ------------------------------------------


def counts_of(response: Response) -> tuple[int, int, int, int]:
    row = Response.objects.with_finding_counts().get(pk=response.pk)
    return (
        row.recommendations_owed,
        row.recommendations_explained,
        row.recommendations_unexplained,
        row.afi_count,
    )


def test_counts_of_a_force_report():
    response = ResponseFactory()
    report = response.inspection
    cause = FindingFactory(inspection=report, cause=True)
    first, second = FindingFactory.create_batch(
        2, inspection=report, recommendation=True, cause_of_concern=cause
    )
    FindingFactory(inspection=report, recommendation=True)
    FindingFactory.create_batch(4, inspection=report, kind=Finding.Kind.AFI)
    FindingFactory(inspection=report, good_practice=True)
    FindingExplanationFactory(response=response, finding=first)
    FindingExplanationFactory(response=response, finding=second)
    # An explanation of an AFI is welcome but is not a recommendation explained.
    FindingExplanationFactory(response=response, finding=report.findings.filter(kind="afi")[0])
    # Another report's findings and explanations do not count.
    FindingExplanationFactory()

    assert counts_of(response) == (3, 2, 1, 4)


def test_report_without_findings_counts_zero():
    assert counts_of(ResponseFactory()) == (0, 0, 0, 0)


def test_national_report_owes_every_recommendation_from_each_force():
    report = InspectionFactory(national=True, published_on=datetime.date(2021, 2, 25))
    forces = ForceFactory.create_batch(3)
    report.applies_to.set(forces)
    FindingFactory.create_batch(2, inspection=report, area=None, recommendation=True)
    FindingFactory(inspection=report, area=None, kind=Finding.Kind.AFI)

    opened = inspection_open_tracking(inspection=report)

    assert opened["responses"] == 3
    responses = list(report.responses.order_by("force__name"))
    assert [r.force for r in responses] == sorted(forces, key=lambda f: f.name)
    assert {r.due_on for r in responses} == {datetime.date(2021, 4, 21)}
    FindingExplanationFactory(response=responses[0], finding=report.findings.first())
    assert counts_of(responses[0]) == (2, 1, 1, 1)
    assert counts_of(responses[1]) == (2, 0, 2, 1)


def test_national_report_response_can_be_marked_not_required_for_one_force():
    report = InspectionFactory(national=True, published_on=TODAY - datetime.timedelta(days=60))
    report.applies_to.set(ForceFactory.create_batch(2))
    inspection_open_tracking(inspection=report)
    declined, owed = report.responses.order_by("pk")
    declined.is_not_required = True
    declined.not_required_reason = "The body answered this in its PEEL response."
    declined.full_clean()
    declined.save()

    assert state_of(declined) == State.NOT_REQUIRED
    assert state_of(owed) == State.OVERDUE
