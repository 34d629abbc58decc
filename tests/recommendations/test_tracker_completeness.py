"""s.55(5B): a response cannot be marked published while a recommendation of its report has no
explanation, unless staff record an override (who, when, why). Rules enforced by the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from recommendations.models import Finding, Response
from recommendations.services import check_response_completeness, response_save
from tests.factories import FindingExplanationFactory, FindingFactory, ResponseFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2024, 1, 31)


@pytest.fixture
def response(force):
    return ResponseFactory(inspection__force=force, inspection__published_on=PUBLISHED)


@pytest.fixture
def recommendations(response):
    return [
        FindingFactory(
            inspection=response.inspection,
            recommendation=True,
            reference=f"R{n}",
            text=f"Recommendation {n} text",
        )
        for n in (1, 2, 3)
    ]


def publish(response: Response) -> None:
    response.is_published = True
    response.published_on = datetime.date(2024, 3, 26)


def test_publishing_with_unexplained_recommendations_is_refused_naming_them(
    response, recommendations, editor
):
    FindingExplanationFactory(response=response, finding=recommendations[1])
    publish(response)

    with pytest.raises(ValidationError) as error:
        response_save(response=response, user=editor)

    assert error.value.messages == [
        "The response cannot be marked published: 2 recommendations of the report have no "
        "explanation, and section 55(5B) requires one for each: “Recommendation R1: "
        "Recommendation 1 text”; “Recommendation R3: Recommendation 3 text”. Add the missing "
        "explanations, or tick “Publish without explaining every recommendation” and give the "
        "reason."
    ]
    response.refresh_from_db()
    assert response.is_published is False


def test_one_unexplained_recommendation_reads_in_the_singular(response, recommendations, editor):
    for finding in recommendations[:2]:
        FindingExplanationFactory(response=response, finding=finding)
    publish(response)

    with pytest.raises(ValidationError) as error:
        response_save(response=response, user=editor)

    assert error.value.messages[0].startswith(
        "The response cannot be marked published: 1 recommendation of the report has no explanation"
    )


def test_publishing_with_every_recommendation_explained_is_allowed(
    response, recommendations, editor
):
    for finding in recommendations:
        FindingExplanationFactory(response=response, finding=finding)
    # AFIs need no explanation by law.
    FindingFactory(inspection=response.inspection, kind=Finding.Kind.AFI)
    publish(response)

    response_save(response=response, user=editor)

    response.refresh_from_db()
    assert response.is_published
    assert response.published_on == datetime.date(2024, 3, 26)


def test_a_report_without_recommendations_can_be_published(response, editor):
    FindingFactory(inspection=response.inspection, kind=Finding.Kind.AFI)
    publish(response)

    response_save(response=response, user=editor)

    assert Response.objects.get(pk=response.pk).is_published


def test_an_unpublished_response_may_be_incomplete(response, recommendations, editor):
    response.body_comments = "Draft."

    response_save(response=response, user=editor)

    assert Response.objects.get(pk=response.pk).body_comments == "Draft."


def test_override_lets_it_be_published_and_records_who_when_and_why(
    response, recommendations, editor
):
    publish(response)
    response.is_completeness_overridden = True
    response.completeness_override_reason = "Recommendations 1-3 answered in the board paper."
    before = timezone.now()

    response_save(response=response, user=editor)

    response.refresh_from_db()
    assert response.is_published
    assert response.completeness_override_by == editor
    assert response.completeness_override_at >= before
    assert response.completeness_override_reason.startswith("Recommendations 1-3")


def test_override_without_a_reason_is_refused(response, recommendations, editor):
    publish(response)
    response.is_completeness_overridden = True

    with pytest.raises(ValidationError) as error:
        response_save(response=response, user=editor)

    assert error.value.message_dict["completeness_override_reason"] == [
        "Give the reason for publishing without explaining every recommendation."
    ]


def test_override_is_stamped_again_only_when_its_reason_changes(
    response, recommendations, editor, administrator
):
    publish(response)
    response.is_completeness_overridden = True
    response.completeness_override_reason = "First reason."
    response_save(response=response, user=editor)

    response.body_comments = "Typo fixed."
    response_save(response=response, user=administrator)
    response.refresh_from_db()
    assert response.completeness_override_by == editor

    response.completeness_override_reason = "Second reason."
    response_save(response=response, user=administrator)
    response.refresh_from_db()
    assert response.completeness_override_by == administrator


def test_removing_the_override_clears_the_record(response, recommendations, editor):
    response.is_completeness_overridden = True
    response.completeness_override_reason = "Reason."
    response_save(response=response, user=editor)

    response.is_completeness_overridden = False
    response_save(response=response, user=editor)

    response.refresh_from_db()
    assert response.completeness_override_by is None
    assert response.completeness_override_at is None
    assert response.completeness_override_reason == ""


def test_only_editors_of_the_force_may_save(response, outsider):
    with pytest.raises(PermissionDenied):
        response_save(response=response, user=outsider)


def test_completeness_can_be_checked_against_explanations_not_yet_saved(response, recommendations):
    publish(response)

    check_response_completeness(
        response=response, explained_finding_ids={f.pk for f in recommendations}
    )
    with pytest.raises(ValidationError):
        check_response_completeness(
            response=response, explained_finding_ids={recommendations[0].pk}
        )


def test_model_errors_still_apply(response, editor):
    # A response dated before its report.
    response.is_published = True
    response.published_on = PUBLISHED - datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        response_save(response=response, user=editor)

    assert error.value.message_dict["published_on"] == [
        "The response cannot be published before its report (31 January 2024)."
    ]
