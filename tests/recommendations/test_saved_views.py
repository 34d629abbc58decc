"""Saved views (issue 18): saving the findings list's or the tracker's filters under a name,
who may open a view (own, shared with the force, with everyone; private even from
administrators), its stable addresses (the page, its exports), renaming, re-sharing and
deleting by the owner only with a stale-edit guard, and the pages' per-user parts kept out of
the page cache."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inspections.access import ANALYST_GROUP, OPCC_EDITOR_GROUP
from recommendations.models import SavedView
from recommendations.services import saved_view_create
from tests.factories import (
    FindingStatusFactory,
    ForceFactory,
    ResponseFactory,
    SavedViewFactory,
)
from tests.recommendations.saved_view_helpers import member, new_url, signed_in

pytestmark = pytest.mark.django_db


# --- Saving ---------------------------------------------------------------------------------


def test_saving_stores_the_pages_normalised_query_without_the_page_number(
    editor_client, editor, force, other_force
):
    query = (
        f"sort=force&status=open&page=3&utm_source=mail&force={other_force.slug}"
        f"&force={force.slug}&force={other_force.slug}&q="
    )
    response = editor_client.post(
        new_url("findings", query), {"name": " Open ", "sharing": "private"}
    )
    view = SavedView.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("saved_views:open", args=[view.pk])
    # The findings list's own order (recommendations.filters.query); `page`, unknown and empty
    # parameters dropped, each value once.
    assert (view.owner, view.name, view.page, view.query) == (
        editor,
        "Open",
        "findings",
        f"force={other_force.slug}&force={force.slug}&status=open&sort=force",
    )


def test_saving_a_tracker_view(editor_client):
    ResponseFactory()
    query = "page=2&state=overdue&state=due_soon&sort=-due&view=9"
    editor_client.post(new_url("tracker", query), {"name": "Late", "sharing": "everyone"})
    view = SavedView.objects.get()
    assert (view.page, view.query, view.sharing) == (
        "tracker",
        "state=overdue&state=due_soon&sort=-due",
        "everyone",
    )


def test_invalid_filters_cannot_be_saved_and_the_page_says_why(editor_client):
    url = new_url("findings", "published_after=not-a-date")
    response = editor_client.get(url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "This view cannot be saved" in html
    assert "Enter a real date as year-month-day" in html
    assert "This view cannot be saved" in editor_client.post(url, {"name": "x"}).content.decode()
    assert not SavedView.objects.exists()


def test_filters_too_long_to_save_are_refused(editor_client, monkeypatch):
    monkeypatch.setattr("recommendations.saved_view_views.QUERY_MAX_CHARS", 10)
    response = editor_client.get(new_url("findings", "status=open&sort=force"))
    assert response.status_code == HTTPStatus.OK
    assert (
        "These filters are too long to save (22 characters; at most 10). Remove some filters, "
        "or save them as two views." in response.content.decode()
    )


def test_the_service_refuses_a_query_longer_than_the_column(editor):
    with pytest.raises(ValidationError) as error:
        saved_view_create(
            owner=editor, name="x", page="findings", query="q=" + "x" * 1800, sharing="private"
        )
    assert "too long to save (1,802 characters; at most 1,800)" in str(error.value)


def test_a_duplicate_name_is_refused_whatever_its_case(editor_client, editor):
    SavedViewFactory(owner=editor, name="Open AFIs")
    response = editor_client.post(
        new_url("findings", "kind=afi"), {"name": "open afis", "sharing": "private"}
    )
    assert response.status_code == HTTPStatus.OK
    assert (
        "You already have a saved view called “open afis”. Choose another name."
        in response.content.decode()
    )
    assert SavedView.objects.count() == 1
    # Someone else may use the same name.
    signed_in(member(ANALYST_GROUP)).post(
        new_url("findings"), {"name": "Open AFIs", "sharing": "private"}
    )
    assert SavedView.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "sharing": "private"}, "Enter a name for the view."),
        (
            {"name": "x" * 101, "sharing": "private"},
            "The name must be 100 characters or fewer (it has 101).",
        ),
        ({"name": "x"}, "Choose who can open the view."),
        ({"name": "x", "sharing": "nobody"}, "Choose who can open the view."),
    ],
)
def test_bad_answers_are_refused_with_a_message(editor_client, data, message):
    response = editor_client.post(new_url("findings"), data)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert message in html
    assert "govuk-error-summary" in html
    assert not SavedView.objects.exists()


def test_force_sharing_is_offered_only_to_people_who_work_for_a_force(client, force):
    analyst = member(ANALYST_GROUP)
    html = signed_in(analyst).get(new_url("findings")).content.decode()
    assert 'value="force"' not in html
    response = signed_in(analyst).post(
        new_url("findings"), {"name": "x", "sharing": "force", "force": force.pk}
    )
    assert "Choose who can open the view." in response.content.decode()
    assert not SavedView.objects.exists()


def test_an_editor_of_one_force_shares_with_it_without_choosing(editor_client, editor, force):
    html = editor_client.get(new_url("findings")).content.decode()
    assert f"People who work for {force.name}" in html
    editor_client.post(new_url("findings"), {"name": "x", "sharing": "force"})
    assert SavedView.objects.get().force == force


def test_an_editor_of_several_forces_chooses_one_of_them(force, other_force):
    third = ForceFactory()
    user = member(OPCC_EDITOR_GROUP, force, other_force)
    client = signed_in(user)
    response = client.post(new_url("findings"), {"name": "x", "sharing": "force"})
    assert "Choose the force to share the view with." in response.content.decode()
    response = client.post(
        new_url("findings"), {"name": "x", "sharing": "force", "force": third.pk}
    )
    assert "Choose a force you work for." in response.content.decode()
    client.post(new_url("findings"), {"name": "x", "sharing": "force", "force": other_force.pk})
    assert SavedView.objects.get().force == other_force


def test_the_service_refuses_a_force_the_owner_does_not_work_for(editor, other_force):
    with pytest.raises(ValidationError) as error:
        saved_view_create(
            owner=editor, name="x", page="findings", query="", sharing="force", force=other_force
        )
    assert error.value.message_dict == {
        "force": ["You can share a view only with a force you work for."]
    }


# --- Who may open a view --------------------------------------------------------------------


def test_who_may_open_each_view(views, editor, colleague, outsider, administrator):
    analyst = member(ANALYST_GROUP)
    expected = {
        editor: {"private", "force", "everyone"},
        colleague: {"force", "everyone"},
        outsider: {"everyone"},
        analyst: {"everyone"},
        # Private views are private from administrators too.
        administrator: {"force", "everyone"},
    }
    for user, names in expected.items():
        client = signed_in(user)
        for name, view in views.items():
            for url_name in ("open", "export_csv", "export_xlsx"):
                status = client.get(reverse(f"saved_views:{url_name}", args=[view.pk])).status_code
                wanted = HTTPStatus.FOUND if url_name == "open" else HTTPStatus.OK
                assert status == (wanted if name in names else HTTPStatus.NOT_FOUND), (
                    user,
                    name,
                    url_name,
                )


def test_signing_in_is_required(client, views):
    for url in (
        reverse("saved_views:list"),
        reverse("saved_views:open", args=[views["everyone"].pk]),
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert "login" in response["Location"]


def test_opening_a_view_gives_the_page_with_its_query_and_its_name(editor_client, views, force):
    FindingStatusFactory(force=force)
    view = views["private"]
    response = editor_client.get(reverse("saved_views:open", args=[view.pk]))
    assert response["Location"] == f"/findings/?status=open&view={view.pk}"
    page = editor_client.get(response["Location"])
    html = page.content.decode()
    assert 'id="saved-view-name">Private</p>' in html
    assert "Watch this saved view" in html  # the person's own button, in the banner
    assert "The filters have changed" not in html
    changed = editor_client.get(f"/findings/?status=closed&view={view.pk}").content.decode()
    assert "The filters have changed since you opened this view." in changed


def test_a_view_is_named_only_to_those_who_may_open_it(client, views, outsider):
    """The findings page is kept per access, not per person: the name is never kept with it."""
    url = f"/findings/?status=open&view={views['private'].pk}"
    editor_html = signed_in(views["private"].owner).get(url).content.decode()
    assert 'id="saved-view-name"' in editor_html
    # Another editor of the same access (an editor of the same force) does not see it.
    same_access = member(OPCC_EDITOR_GROUP, views["force"].force)
    assert "saved-view-name" not in signed_in(same_access).get(url).content.decode()
    assert "saved-view-name" not in signed_in(outsider).get(url).content.decode()


def test_the_dashboard_lists_each_persons_views_not_anothers(views, colleague, force):
    mine = SavedViewFactory(owner=colleague, name="Colleague's own")
    colleague_html = signed_in(colleague).get("/").content.decode()
    editor_html = signed_in(views["private"].owner).get("/").content.decode()
    # Same access (editors of the same force), same kept page, different lists.
    assert "Colleague&#x27;s own" in colleague_html and "Colleague&#x27;s own" not in editor_html
    assert ">Private</a>" in editor_html and ">Private</a>" not in colleague_html
    assert ">Force</a>" in colleague_html
    assert reverse("saved_views:open", args=[mine.pk]) in colleague_html


def test_the_list_page_shows_owner_page_sharing_and_links(views, colleague):
    html = signed_in(colleague).get(reverse("saved_views:list")).content.decode()
    assert "2 saved views you can open" in html
    force_view = views["force"]
    for url_name in ("open", "export_csv", "export_xlsx"):
        assert reverse(f"saved_views:{url_name}", args=[force_view.pk]) in html
    assert reverse("api:saved_view", args=[force_view.pk]) in html
    assert f"People who work for {force_view.force.name}" in html
    # Not the owner: no change or delete links.
    assert reverse("saved_views:change", args=[force_view.pk]) not in html


def test_list_query_count_is_constant_as_views_double(editor, force, django_assert_num_queries):
    client = signed_in(editor)
    for _ in range(3):
        SavedViewFactory(owner=editor, sharing="force", force=force)
        SavedViewFactory(shared_with_everyone=True)
    # session, user, whether an administrator and the forces they edit (visible_to), the
    # count, the page of views with their owners and forces
    with django_assert_num_queries(5):
        client.get(reverse("saved_views:list"))
    for _ in range(3):
        SavedViewFactory(owner=editor, sharing="force", force=force)
        SavedViewFactory(shared_with_everyone=True)
    with django_assert_num_queries(5):
        client.get(reverse("saved_views:list"))


def test_dashboard_saved_views_cost_one_query_whatever_their_number(
    editor, force, django_assert_num_queries
):
    client = signed_in(editor)
    SavedViewFactory(owner=editor)
    client.get("/")  # the page is kept; the saved views are read for each request
    with django_assert_num_queries(7):
        client.get("/")
    for _ in range(12):
        SavedViewFactory(owner=editor)
    with django_assert_num_queries(7):
        html = client.get("/").content.decode()
    assert "All saved views" in html


# --- Exports: the page's own -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "query"), [("findings", "status=open&sort=force"), ("tracker", "state=open&sort=-due")]
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_equal_the_pages_export_for_the_same_query(
    editor_client, editor, force, page, query, fmt
):
    for _ in range(3):
        FindingStatusFactory(force=force)
        ResponseFactory()
    view = SavedViewFactory(owner=editor, page=page, query=query)
    ours = editor_client.get(reverse(f"saved_views:export_{fmt}", args=[view.pk]))
    prefix = "/findings/" if page == "findings" else "/tracker/"
    theirs = editor_client.get(f"{prefix}export.{fmt}?{query}")
    assert ours.status_code == theirs.status_code == HTTPStatus.OK
    assert ours["Content-Disposition"] == theirs["Content-Disposition"]
    if fmt == "csv":
        assert b"".join(ours.streaming_content) == b"".join(theirs.streaming_content)
    else:
        import io

        from openpyxl import load_workbook

        def cells(response):
            body = b"".join(response.streaming_content) if response.streaming else response.content
            sheet = load_workbook(io.BytesIO(body)).active
            return [[cell.value for cell in row] for row in sheet.iter_rows()]

        assert cells(ours) == cells(theirs)
