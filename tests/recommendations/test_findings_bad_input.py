"""Random query strings (hypothesis) against the findings list and both exports: never a server
error. The list answers 200 (with an error summary or an empty result); an export answers 200
or a readable 400."""

from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommendations.views import FILTER_PARAMS
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

NAMES = [*FILTER_PARAMS, "sort", "page", "utm_source", "force[]", ""]
PLAUSIBLE = [
    "avon",
    "kent",
    "afi",
    "open",
    "closed",
    "complete",
    "yes",
    "no",
    "age",
    "-published",
    "Legitimacy",
    "stop-and-search",
    "2019-05-02",
    "2019-02-30",
    "0000-01-01",
    "9999-12-31",
    "-1",
    "0",
    "1",
    "9" * 40,
    "1e9",
    "²",
    "٣",
    '"',
    "%",
    "_",
    "\x00",
    "x" * 5000,
    "' OR 1=1 --",
    "=SUM(1)",
]
values = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.text(max_size=300),
    st.integers().map(str),
    st.dates().map(str),
)
queries = st.lists(st.tuples(st.sampled_from(NAMES), values), max_size=8)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,  # keep no example database in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def analyst_client(client, analyst):
    build_world()
    client.force_login(analyst)
    return client


def get(client, path, pairs):
    response = client.get(f"{path}?{urlencode(pairs)}")
    if response.streaming:
        b"".join(response.streaming_content)
    return response


@SETTINGS
@given(pairs=queries)
def test_list_never_fails(analyst_client, pairs):
    response = get(analyst_client, "/findings/", pairs)
    assert response.status_code == HTTPStatus.OK


@SETTINGS
@given(pairs=queries)
def test_csv_export_never_fails(analyst_client, pairs):
    response = get(analyst_client, "/findings/export.csv", pairs)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    if response.status_code == HTTPStatus.BAD_REQUEST:
        assert response["Content-Type"] == "text/plain; charset=utf-8"


@SETTINGS
@given(pairs=queries)
def test_xlsx_export_never_fails(analyst_client, pairs):
    response = get(analyst_client, "/findings/export.xlsx", pairs)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)


@pytest.mark.parametrize("path", ["/findings/", "/findings/export.csv", "/findings/export.xlsx"])
def test_each_parameter_with_hostile_values(analyst_client, path):
    for name in NAMES:
        for value in PLAUSIBLE:
            response = get(analyst_client, path, [(name, value), (name, value)])
            assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST), (name, value)
