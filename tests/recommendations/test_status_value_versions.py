"""What does not read a status's value stays kept across the status changes OPCC staff record
every week (RecordVersion.ignoring_status_values): the findings list's count and pages' bounds
when neither its filters nor its sort read statuses, and the tracker's count. What does read them
is computed again on the next request."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations.filters import FindingFilter
from recommendations.freshness import record_version
from recommendations.models import FindingStatus, Status
from recommendations.selectors import finding_rows
from tests.factories import FindingStatusFactory, ResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statuses(force):
    """Three findings of one report on `force`, each with its status awaiting review."""
    first = FindingStatusFactory(
        force=force,
        finding__inspection__force=force,
        finding__inspection__published_on=datetime.date(2025, 1, 10),
    )
    inspection = first.finding.inspection
    ResponseFactory(inspection=inspection, force=force)
    others = [FindingStatusFactory(force=force, finding__inspection=inspection) for _ in range(2)]
    return [first, *others]


@pytest.fixture
def record_in_admin(client, editor, html_form_data):
    """Record a new status as an OPCC editor does: the admin's change form, posted."""

    def record(status: FindingStatus, effective_on: str = "2025-06-01") -> None:
        client.force_login(editor)
        url = reverse("admin:recommendations_findingstatus_change", args=[status.pk])
        data = html_form_data(client.get(url), form_id="findingstatus_form") | {
            "new_status": Status.COMPLETE,
            "effective_on": effective_on,
            "note": "Closed at the scrutiny board of 1 June, minute 7.",
        }
        assert client.post(url, data).status_code == HTTPStatus.FOUND

    return record


def test_a_status_recorded_in_the_admin_changes_the_record_but_not_what_ignores_statuses(
    statuses, record_in_admin
):
    before = record_version()
    log_entries = LogEntry.objects.count()
    record_in_admin(statuses[0])
    after = record_version()
    assert LogEntry.objects.count() == log_entries + 1  # the admin did log it
    assert after != before
    assert after.ignoring_status_values() == before.ignoring_status_values()


def test_anything_else_done_in_the_admin_changes_both(
    client, administrator, force, statuses, html_form_data
):
    before = record_version()
    client.force_login(administrator)
    url = reverse("admin:inspections_force_change", args=[force.pk])
    data = html_form_data(client.get(url), containing="name") | {"name": "Renamedshire Police"}
    assert client.post(url, data).status_code == HTTPStatus.FOUND
    assert record_version().ignoring_status_values() != before.ignoring_status_values()


def test_a_status_opened_changes_both(statuses, force):
    before = record_version()
    FindingStatusFactory(
        force=force,
        finding=statuses[0].finding.inspection.findings.create(
            kind="recommendation",
            text="The force should publish its plan.",
            # After the report's others (a fixed number collided with the factory's sequence).
            position=max(status.finding.position for status in statuses) + 1,
        ),
    )
    assert record_version().ignoring_status_values() != before.ignoring_status_values()


@pytest.mark.parametrize(
    ("query", "reads"),
    [
        ("", False),
        ("sort=-published", False),
        ("sort=published", False),
        ("sort=force", False),
        ("sort=kind", False),
        ("force=FORCE&kind=afi&q=scrutiny&carried_forward=no", False),
        ("published_after=2020-01-01&published_before=2024-12-31", False),
        ("status=open", True),
        ("status=complete&sort=force", True),
        ("sort=status", True),
        ("sort=age", True),
        ("sort=force,age", True),
        ("sort=kind,force", False),
    ],
)
def test_which_filters_and_sorts_read_status_values(force, query, reads):
    filterset = FindingFilter(
        QueryDict(query.replace("FORCE", force.slug)), queryset=finding_rows()
    )
    assert filterset.is_valid(), filterset.errors
    assert filterset.reads_status_values() is reads


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(captured.captured_queries), response.content.decode()


@pytest.mark.parametrize("url_name", ["recommendations:list", "tracker:list"])
def test_the_next_request_after_a_status_change_counts_nothing_again(
    client, analyst, statuses, record_in_admin, settings, url_name
):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders: what is kept is the count alone
    url = reverse(url_name)
    client.force_login(analyst)
    queries(client, url)
    warm, _ = queries(client, url)
    record_in_admin(statuses[0])
    client.force_login(analyst)
    after, _ = queries(client, url)
    assert after == warm


def test_a_list_that_reads_statuses_is_counted_again(
    client, analyst, statuses, record_in_admin, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("recommendations:list") + "?status=complete"
    client.force_login(analyst)
    _, page = queries(client, url)
    assert "No finding matches these filters." in page
    record_in_admin(statuses[0])
    client.force_login(analyst)
    _, page = queries(client, url)
    assert "Findings 1 to 1 of 1<" in page
    # Oldest status first: a status recorded on 1 July 2025 moves after the one of 1 June, though
    # the sort was read when it dated from the report's publication, 10 January 2025.
    sorted_by_age = reverse("recommendations:list") + "?sort=age"
    client.force_login(analyst)
    _, before = queries(client, sorted_by_age)
    record_in_admin(statuses[1], effective_on="2025-07-01")
    client.force_login(analyst)
    _, after = queries(client, sorted_by_age)

    def position(page: str, status: FindingStatus) -> int:
        return page.index(reverse("recommendations:detail", args=[status.finding_id]) + '"')

    assert position(before, statuses[1]) < position(before, statuses[0])
    assert position(after, statuses[1]) > position(after, statuses[0])


def test_after_a_status_change_the_dashboard_counts_again_only_what_reads_statuses(
    client, analyst, statuses, record_in_admin, settings
):
    """Findings opened per year read no status value: kept. Open findings by force and by kind
    and findings closed per year are counted again, and right."""
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("dashboard")
    client.force_login(analyst)
    cold, _ = queries(client, url)
    warm, _ = queries(client, url)
    assert cold == warm + 4  # the four national counts
    record_in_admin(statuses[0])
    client.force_login(analyst)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert len(captured.captured_queries) == warm + 3
    assert [row["count"] for row in response.context["by_kind"]] == [2]
    assert response.context["per_year"] == [
        {"year": 2025, "opened": 3, "closed": 1},
    ]
