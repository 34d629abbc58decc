"""Signed-in pages and exports are never kept by a browser or a shared cache, and a sign-in
lasts a working day (issue 19, point 7)."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/findings/",
        "/findings/export.csv",
        "/findings/export.xlsx",
        "/tracker/",
        "/tracker/export.csv",
        "/admin/",
    ],
)
def test_signed_in_responses_are_not_stored(client, analyst, url):
    client.force_login(analyst)
    response = client.get(url)
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives


def test_a_sign_in_lasts_a_working_day(client, analyst):
    assert settings.SESSION_COOKIE_AGE == 10 * 60 * 60
    client.force_login(analyst)
    assert client.session.get_expiry_age() == 10 * 60 * 60
