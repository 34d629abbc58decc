"""Saved views (issue 18): renaming, re-sharing and deleting, by the owner only, with a
stale-edit guard and CSRF; the addresses stay when a view is renamed or re-shared."""

import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from peel_tracker.concurrency import ConcurrentEditError
from recommendations.models import SavedView
from recommendations.services import saved_view_delete, saved_view_update
from tests.recommendations.saved_view_helpers import new_url, signed_in

pytestmark = pytest.mark.django_db

# --- Rename, re-share, delete: the owner only -----------------------------------------------


def test_only_the_owner_may_change_or_delete(views, colleague, outsider):
    view = views["force"]
    for url_name in ("change", "delete"):
        url = reverse(f"saved_views:{url_name}", args=[view.pk])
        assert signed_in(colleague).get(url).status_code == HTTPStatus.FORBIDDEN
        assert (
            signed_in(colleague)
            .post(url, {"name": "Mine", "sharing": "private", "loaded_version": 1})
            .status_code
            == HTTPStatus.FORBIDDEN
        )
        assert (
            signed_in(outsider).post(url, {"loaded_version": 1}).status_code == HTTPStatus.NOT_FOUND
        )
    view.refresh_from_db()
    assert (view.name, view.version) == ("Force", 1)


def test_renaming_and_resharing_keep_the_addresses(editor_client, views, colleague):
    view = views["force"]
    url = reverse("saved_views:change", args=[view.pk])
    response = editor_client.post(
        url, {"name": "Renamed", "sharing": "private", "loaded_version": 1}
    )
    assert response.status_code == HTTPStatus.FOUND
    view.refresh_from_db()
    assert (view.name, view.sharing, view.force, view.query, view.version) == (
        "Renamed",
        "private",
        None,
        "status=open",
        2,
    )
    assert (
        editor_client.get(reverse("saved_views:open", args=[view.pk]))["Location"]
        == f"/findings/?status=open&view={view.pk}"
    )
    # No longer shared with the force: the colleague's addresses are gone.
    assert signed_in(colleague).get(reverse("saved_views:open", args=[view.pk])).status_code == 404


def test_a_stale_change_is_refused_and_nothing_is_saved(editor_client, views):
    view = views["private"]
    url = reverse("saved_views:change", args=[view.pk])
    form_version = int(
        re.search(r'name="loaded_version" value="(\d+)"', editor_client.get(url).content.decode())[
            1
        ]
    )
    saved_view_update(
        view=view, name="Changed in another tab", sharing="everyone", loaded_version=form_version
    )
    response = editor_client.post(
        url, {"name": "Mine", "sharing": "private", "loaded_version": form_version}
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert (
        "This saved view was changed after you opened this page (in another tab or window): "
        "it is now called “Changed in another tab” and shared with everyone who can sign in."
    ) in html
    assert "Nothing you entered was saved" in html
    view.refresh_from_db()
    assert (view.name, view.version) == ("Changed in another tab", 2)


def test_a_stale_delete_is_refused(editor_client, views):
    view = views["private"]
    saved_view_update(view=view, name="Newer", sharing="private", loaded_version=1)
    response = editor_client.post(
        reverse("saved_views:delete", args=[view.pk]), {"loaded_version": 1}
    )
    assert response.status_code == HTTPStatus.OK
    assert "it is now called “Newer”" in response.content.decode()
    assert SavedView.objects.filter(pk=view.pk).exists()


def test_delete_asks_then_deletes_and_the_addresses_404(editor_client, views):
    view = views["everyone"]
    url = reverse("saved_views:delete", args=[view.pk])
    page = editor_client.get(url).content.decode()
    assert "Are you sure you want to delete “Everyone”?" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert SavedView.objects.filter(pk=view.pk).exists()
    response = editor_client.post(url, {"loaded_version": view.version})
    assert response["Location"] == reverse("saved_views:list")
    assert not SavedView.objects.filter(pk=view.pk).exists()
    assert editor_client.get(reverse("saved_views:open", args=[view.pk])).status_code == 404


def test_delete_without_the_version_deletes_nothing(editor_client, views):
    view = views["private"]
    editor_client.post(reverse("saved_views:delete", args=[view.pk]), {})
    assert SavedView.objects.filter(pk=view.pk).exists()


def test_renaming_to_a_name_already_used_is_refused(editor_client, views):
    url = reverse("saved_views:change", args=[views["private"].pk])
    response = editor_client.post(
        url, {"name": "EVERYONE", "sharing": "private", "loaded_version": 1}
    )
    assert (
        "You already have a saved view called “EVERYONE”. Choose another name."
        in response.content.decode()
    )
    views["private"].refresh_from_db()
    assert (views["private"].name, views["private"].version) == ("Private", 1)


def test_forms_need_csrf(editor, views):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("saved_views:delete", args=[views["private"].pk])
    assert client.post(url, {"loaded_version": 1}).status_code == HTTPStatus.FORBIDDEN
    assert (
        client.post(new_url("findings"), {"name": "x", "sharing": "private"}).status_code
        == HTTPStatus.FORBIDDEN
    )
    assert SavedView.objects.count() == 3


def test_services_delete_checks_the_version(views):
    with pytest.raises(ConcurrentEditError):
        saved_view_delete(view=views["private"], loaded_version=7)
    saved_view_delete(view=views["private"], loaded_version=1)
    assert not SavedView.objects.filter(name="Private").exists()
