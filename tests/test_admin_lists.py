"""The admin's lists answer query strings they cannot use with Django's "?e=1" error page, never
a server error (peel_tracker.admin_lists; found by tests/test_fuzz_queries.py)."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import AreaFactory, FindingStatusFactory, ResponseFactory

pytestmark = pytest.mark.django_db

RESPONSES = "admin:recommendations_response_changelist"


def refused(response) -> bool:
    return response.status_code == HTTPStatus.FOUND and response["Location"].endswith("?e=1")


@pytest.mark.parametrize(
    "query",
    [
        # The year after 9999 does not exist (Django ticket #37357): ValueError.
        "due_on__year=9999",
        "due_on__year=9999&due_on__month=12",
        "due_on__year=9999&due_on__month=12&due_on__day=31",
        # Past what a C long holds: OverflowError.
        "due_on__year=99999999999999999999",
        "due_on__year=2026&due_on__month=99999999999999999999",
        "due_on__year=2026&due_on__month=1&due_on__day=-99999999999999999999",
        # Already refused by Django, and still.
        "due_on__year=2026&due_on__month=2&due_on__day=30",
        "due_on__year=0",
        "due_on__year=x",
    ],
)
def test_date_hierarchy_out_of_range_is_refused(administrator_client, query):
    ResponseFactory()
    response = administrator_client.get(f"{reverse(RESPONSES)}?{query}")
    assert refused(response), response.status_code
    # The list again, without the parameters.
    assert administrator_client.get(response["Location"]).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    "query",
    [
        "due_on__year=9998",
        "due_on__year=9998&due_on__month=12",
        "due_on__year=9998&due_on__month=12&due_on__day=31",
        "due_on__year=1&due_on__month=1&due_on__day=1",
    ],
)
def test_date_hierarchy_at_the_edges_still_lists(administrator_client, query):
    ResponseFactory()
    assert administrator_client.get(f"{reverse(RESPONSES)}?{query}").status_code == HTTPStatus.OK


@pytest.mark.parametrize("value", ["9" * 20, "-" + "9" * 20, "9223372036854775808"])
def test_relation_past_64_bits_is_refused_or_finds_nothing(administrator_client, value):
    """SQLite's driver cannot bind the integer (refused); PostgreSQL compares it and finds no row
    (the list, empty)."""
    area = AreaFactory()
    response = administrator_client.get(
        reverse("admin:inspections_area_changelist"), {"framework": value}
    )
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    if response.status_code == HTTPStatus.FOUND:
        assert refused(response)
    else:
        assert area.name not in response.text


def test_a_relation_in_range_still_filters(administrator_client):
    area, other = AreaFactory(), AreaFactory()
    response = administrator_client.get(
        reverse("admin:inspections_area_changelist"), {"framework": area.framework_id}
    )
    assert response.status_code == HTTPStatus.OK
    assert area.name in response.text
    assert other.name not in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a\x00b"},
        {"q": "\x00"},
        {"status__exact": "complete\x00"},
        {"finding__kind__exact": "a\x00b"},
        {"status": "a\x00b"},
        {"status__in": "a\x00b"},
        {"a\x00b": "1"},
    ],
)
def test_nul_character_is_refused(administrator_client, params):
    """On PostgreSQL, a NUL character in a text filter or the search was a DataError (HTTP 500)
    when the list was counted."""
    FindingStatusFactory()
    response = administrator_client.get(
        reverse("admin:recommendations_findingstatus_changelist"), params
    )
    assert refused(response), response.status_code


def test_search_without_nul_still_searches(administrator_client):
    status = FindingStatusFactory(finding__text="Custody records are incomplete.")
    other = FindingStatusFactory(finding__text="Call handling is slow.")
    response = administrator_client.get(
        reverse("admin:recommendations_findingstatus_changelist"), {"q": "custody"}
    )
    assert response.status_code == HTTPStatus.OK
    assert f"/{status.pk}/change/" in response.text
    assert f"/{other.pk}/change/" not in response.text
