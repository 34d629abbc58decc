"""The keyset cursor: pages follow the page's own order (NULLs where the order puts them) with
no row repeated or skipped, forwards and back, for every sort; a bad cursor is a 404."""

from http import HTTPStatus
from urllib.parse import parse_qs, urlparse

import pytest

from recommendations.api.pagination import order_terms
from recommendations.selectors import finding_rows
from tests.api.helpers import all_rows, token_client
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/findings/"
SORTS = ["", "-published", "published", "force", "status", "age", "kind", "status,kind"]


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def api(analyst):
    return token_client(analyst)


def keys(rows) -> list[tuple]:
    return [(row["finding_id"], row["status_id"]) for row in rows]


@pytest.mark.parametrize("sort", SORTS)
def test_small_pages_give_every_row_once_in_order(api, world, sort):
    everything = keys(api.get(f"{URL}?sort={sort}&page_size=1000").json()["results"])
    assert len(everything) == 9
    for size in (1, 2, 4):
        assert keys(all_rows(api, f"{URL}?sort={sort}&page_size={size}")) == everything, size


@pytest.mark.parametrize("sort", SORTS)
def test_previous_goes_back_through_the_same_pages(api, world, sort):
    pages, url = [], f"{URL}?sort={sort}&page_size=2"
    while url:
        data = api.get(url).json()
        pages.append((keys(data["results"]), data["previous"]))
        url = data["next"]
    assert pages[0][1] is None
    for index in range(len(pages) - 1, 0, -1):
        back = api.get(pages[index][1]).json()
        assert keys(back["results"]) == pages[index - 1][0]
        assert back["next"] is not None


def test_links_keep_the_filters_and_are_headers_too(api, world):
    response = api.get(f"{URL}?force=avon&sort=age&page_size=2")
    data = response.json()
    query = parse_qs(urlparse(data["next"]).query)
    assert query["force"] == ["avon"] and query["sort"] == ["age"] and "cursor" in query
    assert response["Link"] == f'<{data["next"]}>; rel="next"'


def test_a_damaged_cursor_is_404(api, world):
    for cursor in ("nonsense", "cD1bMSwyXQ==", "cD1leUp2Y21SbGNpSTZJQ0o0SW4w"):
        response = api.get(f"{URL}?cursor={cursor}")
        assert response.status_code == HTTPStatus.NOT_FOUND, cursor


def test_a_cursor_of_another_sort_is_404(api, world):
    next_url = api.get(f"{URL}?sort=age&page_size=2").json()["next"]
    cursor = parse_qs(urlparse(next_url).query)["cursor"][0]
    response = api.get(f"{URL}?sort=kind&page_size=2&cursor={cursor}")
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_page_size_is_capped(api, world):
    assert len(api.get(f"{URL}?page_size=5000").json()["results"]) == 9


def test_the_findings_order_ends_with_a_unique_tie_break(world):
    """The last order term is the status id, and with the finding's report and position before
    it, no two rows share every key: the cursor can never skip or repeat a row."""
    terms = order_terms(finding_rows())
    assert repr(terms[-1].expression) == "F(row_status_pk)"
    assert "F(inspection_id)" in repr(terms) and "F(position)" in repr(terms)
