"""The findings list's paginators: the pages, read apart, are exactly the whole queryset's rows
in its order, however the page boundaries fall; and counting or reading a page costs a fixed
number of queries."""

import pytest
from django.http import QueryDict

from recommendations.filters import (
    SORTS,
    FindingFilter,
    sort_groups,
    status_rows_come_first,
)
from recommendations.freshness import record_version
from recommendations.pagination import GroupedPaginator, StatusRowsFirstPaginator
from recommendations.selectors import finding_rows
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory
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


GROUPED_SORTS = list(SORTS)


def add_national_rows(world):
    """A second national report published the same day as another report, with statuses for
    every force: groups of several rows, leads spread over several reports, and two reports
    with one date (their title and id order them)."""
    report = InspectionFactory(
        national=True, title="Avon PEEL twin", published_on=world.avon21.published_on
    )
    for position, status in enumerate(["complete", "awaiting_review", "superseded"], start=1):
        finding = FindingFactory(inspection=report, position=position, area=None)
        setattr(world, f"twin_{position}", finding)  # named for labels()
        for force in (world.wilts, world.kent, world.avon):
            FindingStatusFactory(finding=finding, force=force, status=status)
    world.twin_gp = FindingFactory(inspection=report, position=4, area=None, good_practice=True)


@pytest.mark.parametrize(
    "query",
    [
        *(f"sort={sort}" for sort in GROUPED_SORTS),
        "",
        "sort=force&force=avon",
        "sort=status&status=open",
        "sort=-published&kind=afi&kind=recommendation",
        "sort=age&force=avon",
    ],
)
@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 7, 25])
def test_grouped_pages_are_the_querysets_rows_in_order(world, query, per_page):
    """Every offered sort (both directions of the date) and each page size, the pages read
    forwards and backwards: rows of one report with different keys (force, status), reports
    sharing a date, an undated report, rows with no key (no status, no force) at the end."""
    add_national_rows(world)
    filterset = filtered_rows(query)
    groups = sort_groups(filterset.form.cleaned_data["sort"])
    assert groups is not None
    expected = labels(filterset.qs, world)
    paginator = GroupedPaginator(filterset.qs, per_page, version=record_version(), groups=groups)
    assert paginator.count == len(expected)
    assert labels(pages(paginator), world) == expected
    backwards = GroupedPaginator(filterset.qs, per_page, version=record_version(), groups=groups)
    read_backwards = {n: backwards.page(n) for n in reversed(backwards.page_range)}
    assert labels([row for n in sorted(read_backwards) for row in read_backwards[n]], world) == (
        expected
    )


def test_grouped_pages_with_orphans_and_no_rows(world):
    filterset = filtered_rows("sort=force")
    expected = labels(filterset.qs, world)
    groups = sort_groups(["force"])
    paginator = GroupedPaginator(
        filterset.qs, 4, orphans=2, version=record_version(), groups=groups
    )
    assert labels(pages(paginator), world) == expected
    assert paginator.num_pages == 2
    empty = filtered_rows("sort=force&q=nowhere-to-be-found")
    paginator = GroupedPaginator(empty.qs, 4, version=record_version(), groups=groups)
    assert (paginator.count, list(paginator.page(1))) == (0, [])


@pytest.mark.parametrize(
    ("sort", "grouped"),
    [
        ([], True),
        (["-published"], True),
        (["force"], True),
        (["status"], True),
        (["kind"], True),
        (["published"], True),
        (["age"], True),  # by date alone
        (["age", "force"], False),  # StatusRowsFirstPaginator
        (["force", "status"], False),  # the second key would interleave reports of a date
    ],
)
def test_which_sorts_are_read_by_group(sort, grouped):
    assert (sort_groups(sort) is not None) == grouped


def test_grouped_pages_cost_a_fixed_number_of_queries(world, django_assert_num_queries):
    filterset = filtered_rows("sort=status")
    version = record_version()
    paginator = GroupedPaginator(filterset.qs, 3, version=version, groups=sort_groups(["status"]))
    with django_assert_num_queries(1):  # the groups, whose rows add up to the count
        assert paginator.num_pages == 3
    for number in (1, 2, 3):
        with django_assert_num_queries(1):  # the page's groups
            assert len(paginator.page(number)) == 3
    again = GroupedPaginator(filterset.qs, 3, version=version, groups=sort_groups(["status"]))
    with django_assert_num_queries(0):  # the groups are cached for this version
        assert again.count == 9


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


@pytest.mark.parametrize("sort", ["", *SORTS, "force,status"])
def test_the_lists_pages_are_the_querysets_rows_in_order(client, analyst, world, sort):
    """Through the view (25 rows a page, `page=` in the URL): page 2 and the last page."""
    for _ in range(5):  # 5 reports of 10 rows more: 59 rows, three pages
        add_national_rows(world)
    client.force_login(analyst)
    expected = [(row.pk, row.row_status_pk) for row in filtered_rows(f"sort={sort}").qs]
    assert len(expected) > 50
    for page in ("2", "3"):
        response = client.get(f"/findings/?sort={sort}&page={page}")
        shown = [(row.pk, row.row_status_pk) for row in response.context["rows"]]
        start = (int(page) - 1) * 25
        assert shown == expected[start : start + 25]
