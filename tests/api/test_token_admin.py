"""Tokens in the admin: each person makes, lists and revokes their own; the key is shown once;
a token cannot be edited or deleted."""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from recommendations.models import ApiToken
from recommendations.services import api_token_create

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:recommendations_apitoken_changelist")
ADD = reverse("admin:recommendations_apitoken_add")


def test_making_a_token_shows_its_key_once(client, analyst):
    client.force_login(analyst)
    response = client.post(ADD, {"name": "Power BI"}, follow=True)
    assert response.status_code == HTTPStatus.OK
    token = ApiToken.objects.get(user=analyst)
    messages = [str(m) for m in response.context["messages"]]
    (shown,) = [m for m in messages if "Power BI" in m]
    key = shown.split(" is ", 1)[1].split(" ", 1)[0]
    assert key.startswith(token.key_start)
    assert key not in client.get(CHANGELIST).content.decode()  # never again
    assert key not in client.get(token_change_url(token)).content.decode()
    api = client.__class__(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/api/v1/forces/").status_code == HTTPStatus.OK


def token_change_url(token: ApiToken) -> str:
    return reverse("admin:recommendations_apitoken_change", args=[token.pk])


def test_each_person_sees_only_their_own_tokens(client, analyst, administrator):
    mine, _ = api_token_create(user=analyst, name="Mine")
    theirs, _ = api_token_create(user=administrator, name="Administrator's")
    client.force_login(analyst)
    page = client.get(CHANGELIST).content.decode()
    assert "Mine" in page and "Administrator&#x27;s" not in page and "Administrator's" not in page
    assert client.get(token_change_url(theirs)).status_code == HTTPStatus.FOUND
    client.force_login(administrator)
    page = client.get(CHANGELIST).content.decode()
    assert "Mine" not in page
    assert client.get(token_change_url(mine)).status_code == HTTPStatus.FOUND


def test_tokens_are_revoked_not_edited_or_deleted(client, analyst, administrator):
    token, key = api_token_create(user=analyst, name="Excel")
    other, _ = api_token_create(user=administrator, name="Not yours")
    client.force_login(analyst)
    assert client.post(token_change_url(token), {"name": "Renamed"}).status_code == (
        HTTPStatus.FORBIDDEN
    )
    delete = reverse("admin:recommendations_apitoken_delete", args=[token.pk])
    assert client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    response = client.post(
        CHANGELIST,
        {"action": "revoke", "_selected_action": [token.pk, other.pk]},
        follow=True,
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["1 token revoked."]
    token.refresh_from_db()
    other.refresh_from_db()
    assert token.revoked_at is not None and token.name == "Excel"
    assert other.revoked_at is None  # another person's token is out of reach
    api = client.__class__(headers={"Authorization": f"Bearer {key}"})
    assert api.get("/api/v1/forces/").status_code == HTTPStatus.UNAUTHORIZED


def test_admin_smoke(client, editor):
    api_token_create(user=editor, name="Monthly AFIs")
    client.force_login(editor)
    for url in (
        CHANGELIST,
        f"{CHANGELIST}?q=Monthly",
        f"{CHANGELIST}?revoked_at__isempty=1",
        ADD,
    ):
        assert client.get(url).status_code == HTTPStatus.OK, url
    assert "Monthly AFIs" in client.get(f"{CHANGELIST}?q=Monthly").content.decode()
