import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from recommendations.models import FindingStatus, Response, Status, StatusChange
from recommendations.services import (
    OPENING_NOTE,
    finding_status_change,
    finding_statuses_bulk_change,
    inspection_open_tracking,
)
from tests.factories import FindingFactory, FindingStatusFactory, ForceFactory, InspectionFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2022, 4, 7)


@pytest.fixture
def finding_status(force):
    return FindingStatusFactory(
        finding__inspection__force=force, finding__inspection__published_on=PUBLISHED
    )


def change(finding_status, user, **overrides):
    arguments = {
        "finding_status": finding_status,
        "status": Status.BEING_PROGRESSED,
        "effective_on": datetime.date(2022, 6, 1),
        "note": "Action plan agreed with the force; evidence: board minutes 14 June.",
        "user": user,
    }
    return finding_status_change(**(arguments | overrides))


def test_status_change_appends_history_and_updates_the_current_status(finding_status, editor):
    entry = change(finding_status, editor)

    assert entry.recorded_by == editor
    assert entry.status == Status.BEING_PROGRESSED
    finding_status.refresh_from_db()
    assert finding_status.status == Status.BEING_PROGRESSED
    assert finding_status.status_since == datetime.date(2022, 6, 1)
    assert finding_status.last_note.startswith("Action plan agreed")
    assert finding_status.updated_by == editor
    assert [e.status for e in finding_status.history.all()] == [
        Status.BEING_PROGRESSED,
        Status.AWAITING_REVIEW,
    ]


def test_status_change_needs_a_note(finding_status, editor):
    with pytest.raises(ValidationError) as error:
        change(finding_status, editor, note="   ")
    assert error.value.message_dict["note"] == [
        "Add a note saying why the status changed and what evidence supports it."
    ]
    assert finding_status.history.count() == 1


def test_status_change_needs_a_date(finding_status, editor):
    with pytest.raises(ValidationError) as error:
        change(finding_status, editor, effective_on=None)
    assert error.value.message_dict["effective_on"] == ["Give the date the status took effect."]


def test_status_change_cannot_take_effect_in_the_future(finding_status, editor):
    with pytest.raises(ValidationError) as error:
        change(finding_status, editor, effective_on=timezone.localdate() + datetime.timedelta(1))
    assert error.value.message_dict["effective_on"] == [
        "The date the status took effect cannot be in the future."
    ]


def test_status_change_cannot_predate_the_current_status(finding_status, editor):
    with pytest.raises(ValidationError) as error:
        change(finding_status, editor, effective_on=datetime.date(2022, 4, 6))
    assert error.value.message_dict["effective_on"] == [
        "The date cannot be before the current status took effect (7 April 2022): "
        "history is added to, never rewritten."
    ]


def test_status_change_can_take_effect_on_the_same_day(finding_status, editor):
    change(finding_status, editor, effective_on=PUBLISHED)
    assert finding_status.history.count() == 2


def test_status_change_refuses_an_unknown_status(finding_status, editor):
    with pytest.raises(ValidationError) as error:
        change(finding_status, editor, status="closed")
    assert error.value.message_dict["status"] == ["“closed” is not a status."]


def test_status_change_refuses_an_editor_of_another_force(finding_status, outsider):
    with pytest.raises(PermissionDenied):
        change(finding_status, outsider)
    assert finding_status.history.count() == 1
    finding_status.refresh_from_db()
    assert finding_status.status == Status.AWAITING_REVIEW


def test_administrator_may_change_any_force(finding_status, administrator):
    change(finding_status, administrator)
    assert finding_status.history.count() == 2


def test_bulk_change_writes_one_history_entry_each(force, editor):
    statuses = FindingStatusFactory.create_batch(
        3, finding__inspection__force=force, finding__inspection__published_on=PUBLISHED
    )
    entries = finding_statuses_bulk_change(
        finding_statuses=FindingStatus.objects.filter(pk__in=[s.pk for s in statuses]),
        status=Status.COMPLETE,
        effective_on=datetime.date(2023, 1, 10),
        note="Closed at the January assurance board.",
        user=editor,
    )
    assert len(entries) == 3
    assert StatusChange.objects.filter(note="Closed at the January assurance board.").count() == 3
    assert set(FindingStatus.objects.values_list("status", flat=True)) == {Status.COMPLETE}


def test_bulk_change_is_all_or_nothing(force, editor):
    fine = FindingStatusFactory(
        finding__inspection__force=force, finding__inspection__published_on=PUBLISHED
    )
    later = FindingStatusFactory(
        finding__inspection__force=force,
        finding__inspection__published_on=datetime.date(2023, 3, 1),
    )
    with pytest.raises(ValidationError) as error:
        finding_statuses_bulk_change(
            finding_statuses=[fine, later],
            status=Status.COMPLETE,
            effective_on=datetime.date(2023, 1, 10),
            note="Closed.",
            user=editor,
        )
    assert len(error.value.messages) == 1
    assert (
        "cannot be before the current status took effect (1 March 2023)"
        in (error.value.messages[0])
    )
    assert StatusChange.objects.count() == 2  # only the two opening entries
    assert set(FindingStatus.objects.values_list("status", flat=True)) == {Status.AWAITING_REVIEW}


def test_bulk_change_refuses_rows_of_another_force(force, other_force, editor):
    mine = FindingStatusFactory(finding__inspection__force=force)
    theirs = FindingStatusFactory(finding__inspection__force=other_force)
    with pytest.raises(PermissionDenied):
        finding_statuses_bulk_change(
            finding_statuses=[mine, theirs],
            status=Status.COMPLETE,
            effective_on=datetime.date(2023, 1, 10),
            note="Closed.",
            user=editor,
        )
    assert StatusChange.objects.count() == 2


def test_opening_tracking_for_a_force_report(administrator):
    inspection = InspectionFactory(published_on=datetime.date(2019, 5, 2))
    afi = FindingFactory(inspection=inspection)
    recommendation = FindingFactory(inspection=inspection, recommendation=True)
    FindingFactory(inspection=inspection, good_practice=True)

    counts = inspection_open_tracking(inspection=inspection, user=administrator)

    assert counts == {"statuses": 2, "responses": 1, "carried_forward": 0}
    statuses = FindingStatus.objects.filter(finding__inspection=inspection)
    assert {s.finding_id for s in statuses} == {afi.pk, recommendation.pk}
    for status in statuses:
        assert status.status == Status.AWAITING_REVIEW
        assert status.status_since == datetime.date(2019, 5, 2)
        [entry] = status.history.all()
        assert entry.note == OPENING_NOTE
        assert entry.recorded_by == administrator
    response = Response.objects.get(inspection=inspection)
    assert response.force == inspection.force
    assert response.due_on == datetime.date(2019, 6, 26)


def test_opening_tracking_is_idempotent():
    inspection = InspectionFactory()
    FindingFactory(inspection=inspection)
    inspection_open_tracking(inspection=inspection)
    assert inspection_open_tracking(inspection=inspection) == {
        "statuses": 0,
        "responses": 0,
        "carried_forward": 0,
    }
    assert StatusChange.objects.count() == 1


def test_a_national_report_opens_a_status_and_a_response_per_force():
    inspection = InspectionFactory(national=True, published_on=datetime.date(2024, 1, 31))
    forces = ForceFactory.create_batch(3)
    inspection.applies_to.set(forces)
    FindingFactory(inspection=inspection, recommendation=True, area=None)

    inspection_open_tracking(inspection=inspection)

    assert FindingStatus.objects.filter(finding__inspection=inspection).count() == 3
    responses = Response.objects.filter(inspection=inspection)
    assert {r.force_id for r in responses} == {f.pk for f in forces}
    assert {r.due_on for r in responses} == {datetime.date(2024, 3, 26)}


def test_reopening_after_a_date_correction_updates_the_stored_deadline():
    inspection = InspectionFactory(published_on=datetime.date(2019, 5, 1))
    inspection_open_tracking(inspection=inspection)
    inspection.published_on = datetime.date(2019, 5, 2)
    inspection.save()
    inspection_open_tracking(inspection=inspection)
    assert Response.objects.get(inspection=inspection).due_on == datetime.date(2019, 6, 26)
