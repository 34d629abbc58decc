"""A finding's status history, reports with their grades, forces with their bodies."""

import datetime
from http import HTTPStatus

import pytest

from inspections.models import NationalBody, PolicingBody
from recommendations.models import Status, StatusSource
from recommendations.services import finding_status_change
from tests.api.helpers import all_rows, csv_rows, token_client
from tests.factories import (
    AreaFactory,
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    JudgmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(analyst):
    return token_client(analyst)


def test_history_per_holder_newest_first_with_author_note_and_source(api, administrator):
    avon, kent = ForceFactory(name="Avon"), ForceFactory(name="Kent")
    finding = FindingFactory(
        recommendation=True, inspection__force=None, inspection__kind="thematic"
    )
    home_office = NationalBody.objects.get_or_create(slug="home-office", name="Home Office")[0]
    kent_status = FindingStatusFactory(finding=finding, force=kent, status_since=None)
    avon_status = FindingStatusFactory(finding=finding, force=avon, status_since=None)
    FindingStatusFactory(finding=finding, force=None, national_body=home_office, status_since=None)
    author = UserFactory(first_name="Ada", last_name="Lovelace")
    author.groups.add(*administrator.groups.all())
    finding_status_change(
        finding_status=avon_status,
        status=Status.BEING_PROGRESSED,
        effective_on=datetime.date(2023, 5, 1),
        note="Action plan agreed.",
        source_kind=StatusSource.FORCE_UPDATE,
        source_reference="Force update, May 2023",
        user=author,
    )
    rows = all_rows(api, f"/api/v1/findings/{finding.pk}/history/")
    assert [(r["holder_name"], r["status"]) for r in rows] == [
        ("Avon", "being_progressed"),
        ("Avon", "awaiting_review"),
        ("Kent", "awaiting_review"),
        ("Home Office", "awaiting_review"),
    ]
    newest = rows[0]
    assert newest["holder_kind"] == "force"
    assert newest["holder_slug"] == avon.slug
    assert newest["status_id"] == avon_status.pk
    assert newest["effective_on"] == "2023-05-01"
    assert newest["note"] == "Action plan agreed."
    assert newest["source_kind"] == "force_update"
    assert newest["source_reference"] == "Force update, May 2023"
    assert newest["recorded_by"] == "Ada Lovelace"  # as the finding's page shows
    assert rows[1]["recorded_by"] is None  # loaded from the source document
    assert rows[3]["holder_kind"] == "national_body"
    assert kent_status.pk == rows[2]["status_id"]
    lines = csv_rows(api.get(f"/api/v1/findings/{finding.pk}/history/?format=csv"))
    assert len(lines) == 5 and "recorded_by" in lines[0]


def test_history_of_a_finding_that_does_not_exist_is_404(api):
    assert api.get("/api/v1/findings/999999/history/").status_code == HTTPStatus.NOT_FOUND


def test_reports_newest_first_with_their_grades(api):
    old = InspectionFactory(title="Old", published_on=datetime.date(2019, 5, 2))
    month = InspectionFactory(
        title="Month", published_on=datetime.date(2022, 4, 1), published_precision="month"
    )
    InspectionFactory(title="Undated", published_on=None)
    national = InspectionFactory(national=True, title="Spotlight")
    national.applies_to.set([old.force, month.force])
    second = AreaFactory(framework=month.framework, name="Investigating crime", position=2)
    first = AreaFactory(framework=month.framework, name="Treatment of the public", position=1)
    JudgmentFactory(inspection=month, area=second, grade="adequate")
    JudgmentFactory(inspection=month, area=first, grade="good", as_of_on=datetime.date(2022, 4, 1))
    rows = all_rows(api, "/api/v1/reports/")
    assert [r["title"] for r in rows] == ["Spotlight", "Month", "Old", "Undated"]
    report = rows[1]
    assert report["published_on"] == "2022-04-01"
    assert report["published_precision"] == "month"
    assert report["published"] == "2022-04"
    assert [(j["area_name"], j["grade"], j["as_of_on"]) for j in report["judgments"]] == [
        ("Treatment of the public", "good", "2022-04-01"),
        ("Investigating crime", "adequate", None),
    ]
    assert rows[0]["force_slug"] is None
    assert rows[0]["applies_to"] == sorted([old.force.slug, month.force.slug])
    assert rows[3]["published"] is None
    lines = csv_rows(api.get("/api/v1/reports/?format=csv"))
    header = lines[0]
    assert "judgments" in header
    assert '"grade": "good"' in lines[2][header.index("judgments")]


def test_forces_with_their_bodies_through_time(api):
    cumbria = ForceFactory(slug="cumbria", name="Cumbria Constabulary")
    ForceFactory(slug="avon", name="Avon and Somerset Constabulary")
    PolicingBody.objects.create(
        force=cumbria,
        name="Cumbria Police, Fire and Crime Commissioner",
        kind="pfcc",
        starts_on=datetime.date(2024, 5, 8),
    )
    PolicingBody.objects.create(
        force=cumbria,
        name="Cumbria Police Authority",
        kind="police_authority",
        ends_on=datetime.date(2012, 11, 21),
    )
    PolicingBody.objects.create(
        force=cumbria,
        name="Cumbria Police and Crime Commissioner",
        kind="pcc",
        starts_on=datetime.date(2012, 11, 22),
        ends_on=datetime.date(2024, 5, 7),
    )
    rows = all_rows(api, "/api/v1/forces/")
    assert [r["slug"] for r in rows] == ["avon", "cumbria"]
    bodies = rows[1]["policing_bodies"]
    assert [(b["kind"], b["starts_on"], b["ends_on"]) for b in bodies] == [
        ("police_authority", None, "2012-11-21"),
        ("pcc", "2012-11-22", "2024-05-07"),
        ("pfcc", "2024-05-08", None),
    ]
    assert rows[1]["url"] == "http://testserver/forces/cumbria/"


def test_forces_and_reports_query_counts_do_not_grow(analyst, django_assert_num_queries):
    for index in range(3):
        force = ForceFactory()
        PolicingBody.objects.create(force=force, name=f"Body {index}", kind="pcc")
        JudgmentFactory(inspection=InspectionFactory(force=force))
    clients = [token_client(analyst) for _ in range(4)]
    # token; last used; permissions (own, roles'); the forces; their bodies
    with django_assert_num_queries(6):
        clients[0].get("/api/v1/forces/")
    # token; last used; permissions (own, roles'); the reports; forces applied to; grades
    with django_assert_num_queries(7):
        clients[1].get("/api/v1/reports/")
    for index in range(3):
        force = ForceFactory()
        PolicingBody.objects.create(force=force, name=f"Other body {index}", kind="pcc")
        JudgmentFactory(inspection=InspectionFactory(force=force))
    with django_assert_num_queries(6):
        clients[2].get("/api/v1/forces/")
    with django_assert_num_queries(7):
        clients[3].get("/api/v1/reports/")
