"""/api/v1/findings/export.csv: every row of a findings query in one streamed CSV, byte for byte
what the pages of /api/v1/findings/?format=csv give joined, with the same access rules."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations.api.serializers import FindingRowSerializer
from recommendations.api.views import csv_columns
from recommendations.api.whole_csv import FINDING_COLUMNS
from tests.api.helpers import token_client
from tests.api.test_findings import queries
from tests.factories import (
    FindingFactory,
    FindingStatusFactory,
    InspectionFactory,
    ThemeFactory,
)
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/findings/export.csv"
BYTE_ORDER_MARK = "\ufeff".encode()


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def api(analyst, settings):
    # Walking every query in small pages asks more than the default rate allows a minute.
    settings.API_RATE = "100000/minute"
    return token_client(analyst)


def next_link(header: str) -> str:
    """The URL of the Link header's rel="next", or ""."""
    for link in header.split(", "):
        url, _, rel = link.partition(">; rel=")
        if rel == '"next"':
            return url.lstrip("<")
    return ""


def paged_csv(client, query: str, page_size: int) -> bytes:
    """The pages of ?format=csv joined: the first page whole, the header of the others left
    out."""
    url = f"/api/v1/findings/?{query}&format=csv&page_size={page_size}"
    body = b""
    while url:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, response.content
        content = response.content
        body += content if not body else content.split(b"\r\n", 1)[1]
        url = next_link(response.get("Link", ""))
    return body


def whole_csv(client, query: str) -> bytes:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == HTTPStatus.OK, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="findings-')
    return b"".join(response.streaming_content)


def test_the_columns_are_the_serializers():
    assert list(FINDING_COLUMNS) == csv_columns(FindingRowSerializer())


def test_the_file_is_the_pages_of_the_csv_joined(api, world):
    for query in queries(world):
        expected = paged_csv(api, query, page_size=7)
        got = whole_csv(api, query)
        assert got == expected, query
        assert got.count(b"\r\n") > 1, f"{query} selects no row: it tests nothing"
        assert got.startswith(BYTE_ORDER_MARK + b"report_id,report_title,")


def test_values_that_need_care_are_written_as_the_renderer_writes_them(api):
    """Text a spreadsheet would run, a month-precision date, lists, booleans, empty values
    and a reference that names its kind."""
    report = InspectionFactory(
        title="=HYPERLINK(1)", published_on="2022-04-01", published_precision="month"
    )
    finding = FindingFactory(
        inspection=report,
        kind="recommendation",
        reference="Recommendation 4",
        text='+1 and a comma, and a "quote"\nand a line',
        addressees=["-chief constables", "the Home Office"],
        is_for_policing_bodies=True,
    )
    finding.themes.set([ThemeFactory(name="@theme"), ThemeFactory(name="Custody")])
    FindingStatusFactory(finding=finding, force=report.force, last_note="=1+1")
    FindingFactory(inspection=report, kind="notable_practice", reference="", area=None)
    query = f"inspection={report.pk}"
    got = whole_csv(api, query)
    assert got == paged_csv(api, query, page_size=1)
    text = got.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and ",2022-04-01,month,2022-04," in text
    assert "'-chief constables; the Home Office" in text and "'@theme; Custody" in text
    assert ",Recommendation 4,recommendation," in text and ",true," in text


def test_query_count_is_constant_when_the_rows_double(api, world):
    """The token, its user, the rows and their themes (one query per 2,000 rows), whatever the
    number of rows."""

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            whole_csv(api, "")
        return len(captured)

    whole_csv(api, "")  # the token's first use is written once, not on every request
    before = count()
    rows = whole_csv(api, "").count(b"\r\n")
    report = InspectionFactory()
    for _ in range(rows):
        FindingStatusFactory(finding=FindingFactory(inspection=report), force=report.force)
    assert whole_csv(api, "").count(b"\r\n") >= 2 * rows - 1
    assert count() == before


def test_refused_parameters_are_400_in_json(api, world):
    response = api.get(f"{URL}?status=nonsense")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    assert "status" in response.json()


def test_no_token_is_401_and_no_permission_is_403(client, world, django_user_model):
    assert client.get(URL).status_code == HTTPStatus.UNAUTHORIZED
    nobody = django_user_model.objects.create_user("nobody", password="x")
    assert token_client(nobody).get(URL).status_code == HTTPStatus.FORBIDDEN
