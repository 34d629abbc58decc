import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from recommendations.models import Finding, FindingStatus, Response
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    FindingStatusFactory,
    InspectionFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db


def test_only_a_recommendation_can_have_a_cause_of_concern_in_the_database():
    cause = FindingFactory(cause=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        FindingFactory(kind=Finding.Kind.AFI, cause_of_concern=cause, inspection=cause.inspection)


def test_recommendation_parent_must_be_a_cause_of_concern():
    afi = FindingFactory()
    recommendation = FindingFactory.build(
        recommendation=True, inspection=afi.inspection, area=afi.area, cause_of_concern=afi
    )
    with pytest.raises(ValidationError) as error:
        recommendation.full_clean()
    assert error.value.message_dict["cause_of_concern"] == [
        "The parent must be a cause of concern."
    ]


def test_recommendation_under_its_cause_of_concern():
    cause = FindingFactory(cause=True)
    recommendation = FindingFactory(
        recommendation=True, inspection=cause.inspection, cause_of_concern=cause
    )
    recommendation.full_clean()
    assert list(cause.recommendations.all()) == [recommendation]


def test_a_finding_cannot_carry_itself_forward():
    finding = FindingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.filter(pk=finding.pk).update(carried_forward_from=finding)


def test_lineage_is_visible_in_both_directions():
    earlier = FindingFactory()
    later = FindingFactory(carried_forward_from=earlier)
    replacement = FindingFactory()
    earlier.superseded_by = replacement
    earlier.save()
    assert list(earlier.carried_forward_to.all()) == [later]
    assert list(replacement.supersedes.all()) == [earlier]


def test_finding_text_cannot_be_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        FindingFactory(text="")


def test_thematic_recommendation_keeps_addressees_and_deadline():
    finding = FindingFactory(
        recommendation=True,
        addressees=["Home Office", "NPCC"],
        deadline_text="By July 2021",
    )
    finding.refresh_from_db()
    assert finding.addressees == ["Home Office", "NPCC"]
    assert finding.deadline_text == "By July 2021"


def test_one_status_per_finding_and_force():
    status = FindingStatusFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        FindingStatus.objects.create(
            finding=status.finding, force=status.force, status="awaiting_review"
        )


def test_one_response_per_inspection_and_force():
    response = ResponseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(inspection=response.inspection, force=response.force)
    with pytest.raises(ValidationError) as error:
        Response(inspection=response.inspection, force=response.force).full_clean()
    assert "This report already has a response for that force." in error.value.messages


def test_response_stores_its_statutory_due_date():
    response = ResponseFactory(inspection__published_on=datetime.date(2019, 5, 2))
    response.refresh_from_db()
    assert response.report_published_on == datetime.date(2019, 5, 2)
    assert response.due_on == datetime.date(2019, 6, 26)
    assert Response.objects.filter(due_on=datetime.date(2019, 6, 26)).count() == 1


def test_response_published_before_its_report_is_refused_by_the_database():
    inspection = InspectionFactory(published_on=datetime.date(2019, 5, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponseFactory(
            inspection=inspection, is_published=True, published_on=datetime.date(2019, 5, 1)
        )


def test_response_published_before_its_report_is_a_readable_error():
    inspection = InspectionFactory(published_on=datetime.date(2019, 5, 2))
    response = Response(
        inspection=inspection,
        force=inspection.force,
        is_published=True,
        published_on=datetime.date(2019, 4, 30),
    )
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert error.value.message_dict["published_on"] == [
        "The response cannot be published before its report (2 May 2019)."
    ]


def test_response_published_on_the_report_day_is_allowed():
    inspection = InspectionFactory(published_on=datetime.date(2019, 5, 2))
    ResponseFactory(
        inspection=inspection, is_published=True, published_on=datetime.date(2019, 5, 2)
    ).full_clean()


def test_a_dated_response_must_be_marked_published():
    with pytest.raises(IntegrityError), transaction.atomic():
        ResponseFactory(is_published=False, published_on=datetime.date(2022, 5, 1))


def test_chief_officer_deadline_after_the_statutory_deadline_is_refused():
    inspection = InspectionFactory(published_on=datetime.date(2019, 5, 2))
    response = Response(
        inspection=inspection,
        force=inspection.force,
        chief_officer_comments_requested_by=datetime.date(2019, 6, 27),
    )
    with pytest.raises(ValidationError) as error:
        response.full_clean()
    assert error.value.message_dict["chief_officer_comments_requested_by"] == [
        "The chief officer's deadline falls after the statutory deadline (26 June 2019); "
        "the body could not then publish in time."
    ]


def test_one_explanation_per_finding_per_response():
    explanation = FindingExplanationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        FindingExplanationFactory(response=explanation.response, finding=explanation.finding)


def test_explanation_must_be_for_a_finding_of_the_same_report():
    explanation = FindingExplanationFactory.build(
        response=ResponseFactory(), finding=FindingFactory(recommendation=True)
    )
    with pytest.raises(ValidationError) as error:
        explanation.full_clean()
    assert error.value.message_dict["finding"] == ["That finding is from a different report."]


@pytest.mark.parametrize(
    ("kind", "reference", "number", "expected"),
    [
        ("recommendation", "Recommendation 1", None, "Recommendation 1"),
        ("recommendation", "recommendation 2", 5, "recommendation 2"),
        ("recommendation", "3", None, "Recommendation 3"),
        ("afi", "AFI 4", None, "AFI 4"),
        ("afi", "Area for improvement 2", None, "Area for improvement 2"),
        ("afi", "", 7, "Area for improvement 7"),
        ("afi", "", None, "Area for improvement"),
        ("cause_of_concern", "Cause of concern 1", 1, "Cause of concern 1"),
    ],
)
def test_a_findings_label_names_its_kind_once(kind, reference, number, expected):
    finding = Finding(kind=kind, reference=reference, text="Text")
    assert finding.numbered_label(number) == expected
    if number is None:
        assert finding.label == expected
