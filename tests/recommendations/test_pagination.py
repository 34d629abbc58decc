"""The findings list's paginators: the pages, read apart, are exactly the whole queryset's rows
in its order, however the page boundaries fall; and counting or reading a page costs a fixed
number of queries."""

import pytest
from django.http import QueryDict

from recommendations.filters import FindingFilter, status_rows_come_first
from recommendations.freshness import record_version
from recommendations.pagination import StatusRowsFirstPaginator
from recommendations.selectors import finding_rows
from tests.recommendations.findings_world import build_world, labels

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def filtered_rows(query: str):
    filterset = FindingFilter(QueryDict(query), queryset=finding_rows())
    assert filterset.is_valid(), filterset.errors
    return filterset


def pages(paginator) -> list:
    return [row for number in paginator.page_range for row in paginator.page(number)]


@pytest.mark.parametrize("query", ["sort=age", "sort=age,force", "sort=age&force=avon"])
@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 5, 9, 25])
def test_status_rows_first_pages_are_the_querysets_rows_in_order(world, query, per_page):
    """Each page size puts a boundary somewhere else: inside the dated statuses, between the
    undated ones and the rows without status, in the later half (read backwards)."""
    filterset = filtered_rows(query)
    assert status_rows_come_first(filterset.form.cleaned_data["sort"])
    paginator = StatusRowsFirstPaginator(filterset.qs, per_page, version=record_version())
    expected = labels(filterset.qs, world)
    assert paginator.count == len(expected)
    assert labels(pages(paginator), world) == expected


@pytest.mark.parametrize("sort", ["", "-published", "force", "status", "kind", "force,age"])
def test_other_sorts_do_not_put_status_rows_first(sort):
    filterset = filtered_rows(f"sort={sort}")
    assert not status_rows_come_first(filterset.form.cleaned_data["sort"])


def test_pages_cost_a_fixed_number_of_queries(world, django_assert_num_queries):
    filterset = filtered_rows("sort=age")
    version = record_version()
    paginator = StatusRowsFirstPaginator(filterset.qs, 3, version=version)
    with django_assert_num_queries(1):  # the count
        assert paginator.num_pages == 3
    with django_assert_num_queries(2):  # the count of rows with a status, then those rows
        assert len(paginator.page(1)) == 3
    with django_assert_num_queries(1):  # read backwards from the end
        assert len(paginator.page(2)) == 3
    with django_assert_num_queries(2):  # the last rows with a status, the rows without
        assert len(paginator.page(3)) == 3
    again = StatusRowsFirstPaginator(filterset.qs, 3, version=version)
    with django_assert_num_queries(0):  # both counts are cached for this version
        assert (again.count, again.with_status_count) == (9, 7)
