"""The record's version (recommendations.freshness): every change made through the application
changes it, so a cached count is never older than the record."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import timezone

from recommendations.freshness import cached, record_version
from recommendations.models import Response, Status
from recommendations.services import finding_status_change
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    JudgmentFactory,
    ResponseFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_status_change_changes_the_version(administrator):
    status = FindingStatusFactory()
    before = record_version()
    finding_status_change(
        finding_status=status,
        status=Status.BEING_PROGRESSED,
        effective_on=timezone.localdate(),
        note="Action plan agreed.",
        user=administrator,
    )
    after = record_version()
    assert after != before
    # The reports did not change: what depends on them alone stays cached.
    assert after.reports == before.reports


@pytest.mark.parametrize(
    "change",
    [
        lambda finding: finding.save(),
        lambda finding: finding.themes.add(ThemeFactory()),
        lambda finding: finding.inspection.save(),
        lambda finding: finding.delete(),
        lambda finding: FindingFactory(inspection=finding.inspection),
    ],
    ids=["finding edited", "theme added", "report edited", "finding deleted", "finding added"],
)
def test_changes_to_findings_and_reports_change_the_version(change):
    finding = FindingFactory(inspection=InspectionFactory())
    before = record_version()
    change(finding)
    assert record_version() != before


def test_cached_computes_once_per_version():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached("test", "v1", compute) == 1
    assert cached("test", "v1", compute) == 1
    assert cached("test", "v2", compute) == 2
    assert cached("other", "v2", compute) == 3


def test_reports_added_or_edited_change_the_reports_part():
    inspection = InspectionFactory()
    before = record_version().reports
    inspection.title = "Renamed"
    inspection.save()
    edited = record_version().reports
    InspectionFactory()
    assert len({before, edited, record_version().reports}) == 3


def log_admin_change(_):
    """What the admin writes for every change made in it (here: a force renamed)."""
    force = ForceFactory()
    LogEntry.objects.log_actions(UserFactory().pk, [force], CHANGE, change_message="Renamed")


@pytest.mark.parametrize(
    "change",
    [
        lambda judgment: JudgmentFactory(inspection=judgment.inspection),
        lambda judgment: setattr(judgment, "grade", "inadequate") or judgment.save(),
        lambda judgment: judgment.delete(),
        lambda judgment: ResponseFactory(inspection=judgment.inspection),
        lambda judgment: Response.objects.bulk_create(
            [Response(inspection=judgment.inspection, force=ForceFactory())]
        ),
        lambda judgment: FindingExplanationFactory(),
        log_admin_change,
    ],
    ids=[
        "grade added",
        "grade edited",
        "grade deleted",
        "response added",
        "response bulk-created",
        "explanation added",
        "admin change",
    ],
)
def test_changes_to_grades_responses_and_in_the_admin_change_the_version(change):
    judgment = JudgmentFactory()
    before = record_version()
    change(judgment)
    assert record_version() != before
