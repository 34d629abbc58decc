"""/api/v1/findings/: the findings list's rows (same filters, same order, same rows as
/findings/ for the same query string), their fields, CSV, and a constant query count."""

from http import HTTPStatus

import pytest

from tests.api.helpers import all_rows, csv_rows, token_client
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/findings/"


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def api(analyst):
    return token_client(analyst)


def page_rows(client, query: str) -> list[tuple]:
    response = client.get(f"/findings/?{query}")
    assert response.status_code == HTTPStatus.OK
    assert not response.context.get("errors"), response.context.get("errors")
    return [(row.pk, row.row_status_pk) for row in response.context["rows"]]


def queries(world) -> list[str]:
    return [
        "",
        "force=avon",
        "force=avon&force=kent",
        "status=open",
        "status=complete",
        "kind=afi&kind=recommendation",
        "kind=promising_practice",
        "area=Legitimacy",
        f"area={world.treat21.pk}",
        "theme=stop-and-search",
        "q=stop",
        'q="external scrutiny"',
        "published_after=2019-01-01&published_before=2021-12-31",
        "published_after=2022-01-01",
        "carried_forward=yes",
        f"inspection={world.national.pk}",
        "sort=published",
        "sort=force",
        "sort=status",
        "sort=age",
        "sort=kind",
        "force=kent&status=open&sort=age",
    ]


def test_rows_equal_the_pages_for_the_same_query_string(client, analyst, api, world):
    client.force_login(analyst)
    for query in queries(world):
        expected = page_rows(client, query)
        got = [(row["finding_id"], row["status_id"]) for row in all_rows(api, f"{URL}?{query}")]
        assert got == expected, query
        assert expected, f"{query} selects no row: it tests nothing"


def test_a_row_has_the_finding_its_report_and_the_forces_status(api, world):
    rows = all_rows(api, f"{URL}?force=avon&kind=afi&sort=published")
    first = rows[0]
    assert first == {
        "report_id": world.avon18.pk,
        "report_title": "Avon PEEL 2018/19",
        "report_kind": "peel_force",
        "report_published_on": "2019-05-02",
        "report_published_precision": "day",
        "report_published": "2019-05-02",
        "finding_id": world.afi_avon18.pk,
        "status_id": world.afi_avon18.statuses.get().pk,
        "label": "Area for improvement",
        "kind": "afi",
        "kind_label": "Area for improvement",
        "reference": "",
        "text": world.afi_avon18.text,
        "area_id": world.legit18.pk,
        "area_name": "Legitimacy",
        "force_slug": "avon",
        "force_name": "Avon Constabulary",
        "status": "awaiting_review",
        "status_label": "Awaiting review",
        "status_since": "2019-05-02",
        "last_note": "awaiting_review",
        "themes": ["External scrutiny", "Stop and search"],
        "addressees": [],
        "owed_by_forces": "report",
        "is_for_policing_bodies": False,
        "carried_forward_from_id": None,
        "superseded_by_id": None,
        "url": f"http://testserver/findings/{world.afi_avon18.pk}/",
    }
    # A report known only to its month: the stored 1st, its precision, and the month in ISO.
    later = rows[1]
    assert later["report_published_on"] == "2022-04-01"
    assert later["report_published_precision"] == "month"
    assert later["report_published"] == "2022-04"
    assert later["carried_forward_from_id"] == world.afi_avon18.pk


def test_good_practice_has_a_row_without_status(api, world):
    rows = all_rows(api, f"{URL}?kind=promising_practice")
    assert [(row["finding_id"], row["status"], row["status_id"]) for row in rows] == [
        (world.nat_gp.pk, None, None)
    ]


def test_invalid_parameters_are_refused_with_the_pages_messages(api, world):
    response = api.get(f"{URL}?force=atlantis&published_after=2019-02-30")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {
        "force": ["There is no force “atlantis”."],
        "published_after": ["Enter a real date as year-month-day, for example 2019-05-02."],
    }
    # Errors are JSON even when CSV was asked for.
    response = api.get(f"{URL}?format=csv&status=lost")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"status": ["There is no status “lost”."]}


def test_csv_has_the_header_and_the_same_rows(api, world):
    query = "force=avon&force=kent&sort=force"
    response = api.get(f"{URL}?{query}&format=csv")
    assert response.status_code == HTTPStatus.OK
    lines = csv_rows(response)
    header, body = lines[0], lines[1:]
    assert header[:4] == ["report_id", "report_title", "report_kind", "report_published_on"]
    assert "themes" in header and "status" in header and "url" in header
    json_rows = all_rows(api, f"{URL}?{query}")
    assert [int(line[header.index("finding_id")]) for line in body] == [
        row["finding_id"] for row in json_rows
    ]
    themes = {line[header.index("themes")] for line in body}
    assert "External scrutiny; Stop and search" in themes


def test_csv_without_rows_still_has_its_header(api, world):
    lines = csv_rows(api.get(f"{URL}?q=nothing-matches-this&format=csv"))
    assert len(lines) == 1
    assert lines[0][0] == "report_id"


def test_csv_neutralises_formulas(api, world):
    FindingStatusFactory(finding=FindingFactory(inspection=world.avon18, text="=HYPERLINK(1)"))
    lines = csv_rows(api.get(f"{URL}?q=HYPERLINK&format=csv"))
    assert lines[1][lines[0].index("text")] == "'=HYPERLINK(1)"


def add_rows(world, count: int) -> None:
    inspection = InspectionFactory(force=world.kent, framework=world.fw21, title="Kent extra")
    for position in range(1, count + 1):
        finding = FindingFactory(inspection=inspection, position=position, area=world.legit21)
        finding.themes.add(world.stop, world.scrutiny)
        FindingStatusFactory(finding=finding, force=world.kent)


def test_query_count_is_constant_as_rows_double(analyst, world, django_assert_num_queries):
    url = f"{URL}?kind=afi&kind=recommendation&page_size=1000"
    # the token and its user; recording its use (last_used_at); the user's permissions (own,
    # roles'); the rows (one query, no COUNT); their themes
    before, after = token_client(analyst), token_client(analyst)
    with django_assert_num_queries(6):
        first = before.get(url).json()["results"]
    add_rows(world, len(first))
    with django_assert_num_queries(6):
        second = after.get(url).json()["results"]
    assert len(second) == 2 * len(first)
