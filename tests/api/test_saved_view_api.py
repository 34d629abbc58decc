"""/api/v1/views/{id}/: a saved view's rows are /api/v1/findings/'s or /api/v1/responses/'s
for the view's stored query string (JSON and CSV, same cursor pagination); a token sees a view
only if its user may open it; the caller adds no filters; a constant query count."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from recommendations.services import api_token_create, api_token_revoke
from tests.api.helpers import all_rows, csv_rows, token_client
from tests.factories import ResponseFactory, SavedViewFactory
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db

FINDING_QUERIES = ["", "force=avon&force=kent", "status=open&sort=age", "kind=afi&sort=force"]


@pytest.fixture
def world():
    return build_world()


def url(view, query: str = "") -> str:
    return reverse("api:saved_view", args=[view.pk]) + (f"?{query}" if query else "")


@pytest.mark.parametrize("query", FINDING_QUERIES)
def test_rows_equal_the_findings_endpoints_for_the_same_query(analyst, world, query):
    api = token_client(analyst)
    view = SavedViewFactory(owner=analyst, query=query)
    expected = all_rows(api, f"/api/v1/findings/?{query}&page_size=2")
    got = all_rows(api, url(view, "page_size=2"))  # followed page by page, by cursor
    assert got == expected
    assert len(expected) > 2, "one page only: the cursor is not tested"


def test_a_tracker_view_gives_the_responses_rows(analyst, world):
    ResponseFactory(inspection=world.avon18)
    ResponseFactory(inspection=world.kent21)
    api = token_client(analyst)
    view = SavedViewFactory(owner=analyst, page="tracker", query="force=kent&sort=-due")
    expected = all_rows(api, "/api/v1/responses/?force=kent&sort=-due")
    assert all_rows(api, url(view)) == expected
    assert [row["force_slug"] for row in expected] == ["kent"]


def test_csv_equals_the_findings_endpoints_csv(analyst, world):
    api = token_client(analyst)
    view = SavedViewFactory(owner=analyst, query="status=open")
    ours = api.get(url(view, "format=csv"))
    theirs = api.get("/api/v1/findings/?status=open&format=csv")
    assert csv_rows(ours) == csv_rows(theirs)
    assert len(csv_rows(ours)) > 1


def test_a_token_sees_a_view_only_if_its_user_may_open_it(editor, outsider, force, world):
    private = SavedViewFactory(owner=editor)
    of_the_force = SavedViewFactory(owner=editor, sharing="force", force=force)
    everyone = SavedViewFactory(owner=editor, shared_with_everyone=True)
    assert token_client(editor).get(url(private)).status_code == HTTPStatus.OK
    other = token_client(outsider)
    assert other.get(url(private)).status_code == HTTPStatus.NOT_FOUND
    assert other.get(url(of_the_force)).status_code == HTTPStatus.NOT_FOUND
    assert other.get(url(everyone)).status_code == HTTPStatus.OK
    assert other.get("/api/v1/views/999999/").status_code == HTTPStatus.NOT_FOUND


def test_private_views_are_private_from_administrators(administrator, editor, world):
    private = SavedViewFactory(owner=editor)
    assert token_client(administrator).get(url(private)).status_code == HTTPStatus.NOT_FOUND


def test_no_token_or_a_revoked_one_is_401(editor, world):
    view = SavedViewFactory(owner=editor, shared_with_everyone=True)
    assert Client().get(url(view)).status_code == HTTPStatus.UNAUTHORIZED
    token, key = api_token_create(user=editor, name="old")
    api_token_revoke(token=token)
    response = Client(headers={"Authorization": f"Bearer {key}"}).get(url(view))
    assert response.status_code == HTTPStatus.UNAUTHORIZED


def test_filters_cannot_be_added_to_a_views_address(analyst, world):
    view = SavedViewFactory(owner=analyst)
    response = token_client(analyst).get(url(view, "force=kent&format=csv"))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    assert "takes only cursor, page_size and format" in response.json()["force"][0]


def test_a_stored_query_the_page_now_refuses_is_a_400_with_its_messages(analyst, world):
    view = SavedViewFactory(owner=analyst, query="published_after=2019-02-31")
    response = token_client(analyst).get(url(view))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Enter a real date" in response.json()["published_after"][0]


def test_renaming_keeps_the_address(analyst, world):
    from recommendations.services import saved_view_update

    api = token_client(analyst)
    view = SavedViewFactory(owner=analyst, query="force=kent")
    before = api.get(url(view)).json()
    saved_view_update(view=view, name="New name", sharing="everyone", loaded_version=1)
    assert api.get(url(view)).json() == before


def test_query_count_is_constant_as_saved_views_and_rows_double(
    analyst, world, django_assert_num_queries
):
    view = SavedViewFactory(owner=analyst, query="kind=afi&kind=recommendation")
    # the token and its user; recording its use; the saved view (with the user's forces, for
    # visible_to: administrator?, forces edited); the user's permissions (own, roles'); the
    # rows; their themes
    api = token_client(analyst)
    with django_assert_num_queries(8):
        api.get(url(view)).json()
    for _ in range(5):
        SavedViewFactory(shared_with_everyone=True)
        SavedViewFactory(owner=analyst)
    from tests.api.test_findings import add_rows

    add_rows(world, 5)
    api = token_client(analyst)
    with django_assert_num_queries(8):
        api.get(url(view)).json()
