"""The favicon (issue 16: /favicon.ico answered 404): linked from every page, the service's
and the admin's, and /favicon.ico redirects to the static icon, for anyone."""

from http import HTTPStatus

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_redirects_to_the_static_icon_for_anyone(client):
    response = client.get("/favicon.ico")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/static/images/favicon.ico"
    assert finders.find("images/favicon.ico") and finders.find("images/favicon.svg")
    assert client.post("/favicon.ico").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_the_service_and_the_admin_link_the_icon(client):
    for url in ("/accounts/login/", "/admin/login/"):
        html = client.get(url).content.decode()
        assert '<link rel="icon" href="/static/images/favicon.ico"' in html, url
        assert '<link rel="icon" href="/static/images/favicon.svg" type="image/svg+xml">' in html
        assert 'href="data:,"' not in html
