"""Who may call the API and how: personal tokens (hashed, revocable), sessions, read-only
methods, the pages' permissions, and the rate limit."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from inspections.access import ANALYST_GROUP
from recommendations.models import ApiToken
from recommendations.models.api_tokens import hash_key
from recommendations.services import api_token_create, api_token_revoke
from tests.api.helpers import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/findings/",
    "/api/v1/findings/1/history/",
    "/api/v1/reports/",
    "/api/v1/responses/",
    "/api/v1/forces/",
    "/api/schema/",
]


def bearer(key: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {key}"})


@pytest.mark.parametrize("url", ENDPOINTS)
def test_no_token_is_401_with_a_bearer_challenge(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


@pytest.mark.parametrize("url", ENDPOINTS)
def test_a_token_reads_every_endpoint(analyst, url):
    response = token_client(analyst).get(url)
    # The finding 1 does not exist: its history is a 404, after the token was accepted.
    assert response.status_code == (HTTPStatus.NOT_FOUND if "history" in url else HTTPStatus.OK)


@pytest.mark.parametrize(
    "header", ["Bearer nope", "Bearer", "Bearer a b", "Bearer \u00e9t\u00e9", "Token x"]
)
def test_an_unknown_or_malformed_token_is_refused(header):
    response = Client(headers={"Authorization": header}).get("/api/v1/forces/")
    assert response.status_code == HTTPStatus.UNAUTHORIZED


def test_a_revoked_token_is_401(analyst):
    token, key = api_token_create(user=analyst, name="Power BI")
    assert bearer(key).get("/api/v1/forces/").status_code == HTTPStatus.OK
    api_token_revoke(token=token)
    response = bearer(key).get("/api/v1/forces/")
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response.json() == {
        "detail": "The token is not valid: it is unknown or has been revoked."
    }


def test_an_inactive_users_token_is_401(analyst):
    _, key = api_token_create(user=analyst, name="Excel")
    analyst.is_active = False
    analyst.save()
    assert bearer(key).get("/api/v1/forces/").status_code == HTTPStatus.UNAUTHORIZED


def test_only_the_keys_hash_is_stored_and_use_is_recorded(analyst):
    token, key = api_token_create(user=analyst, name="Power BI")
    assert key.startswith("peel_") and len(key) > 40
    assert token.key_hash == hash_key(key) != key
    assert token.key_start == key[:11]
    assert not ApiToken.objects.filter(key_hash=key).exists()
    assert token.last_used_at is None
    bearer(key).get("/api/v1/forces/")
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timezone.timedelta(minutes=1)


def test_revoking_keeps_the_first_revocation_time(analyst):
    token, _ = api_token_create(user=analyst, name="Power BI")
    first = api_token_revoke(token=token).revoked_at
    assert api_token_revoke(token=token).revoked_at == first


def test_a_signed_in_session_may_read(client, analyst):
    client.force_login(analyst)
    assert client.get("/api/v1/forces/").status_code == HTTPStatus.OK


def test_a_user_without_the_pages_permission_is_403():
    user = UserFactory(is_staff=True)  # no role: the pages refuse them too
    api = token_client(user)
    for url in ENDPOINTS[:-1]:
        if "history" not in url:
            assert api.get(url).status_code == HTTPStatus.FORBIDDEN, url
    client = Client()
    client.force_login(user)
    assert client.get("/findings/").status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ENDPOINTS)
def test_only_reads_are_allowed(analyst, method, url):
    response = getattr(token_client(analyst), method)(url, {}, content_type="application/json")
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_head_and_options_are_allowed(analyst):
    api = token_client(analyst)
    assert api.head("/api/v1/forces/").status_code == HTTPStatus.OK
    response = api.options("/api/v1/forces/")
    assert response.status_code == HTTPStatus.OK
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_past_the_rate_the_token_gets_429(settings, analyst):
    settings.API_RATE = "3/minute"
    api, other = token_client(analyst), token_client(analyst)
    for _ in range(3):
        assert api.get("/api/v1/forces/").status_code == HTTPStatus.OK
    response = api.get("/api/v1/forces/")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert int(response["Retry-After"]) > 0
    # The limit is per token: another token of the same person has its own.
    assert other.get("/api/v1/forces/").status_code == HTTPStatus.OK


def test_the_rate_defaults_to_600_a_minute(settings):
    from peel_tracker import settings as project_settings

    assert project_settings.API_RATE == "600/minute"
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] == [
        "recommendations.api.throttling.ApiTokenRateThrottle"
    ]


def test_responses_to_tokens_are_not_stored_by_caches(analyst):
    response = token_client(analyst).get("/api/v1/forces/")
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= directives


def test_an_analyst_made_in_the_admin_can_use_a_token():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ANALYST_GROUP))
    assert token_client(user).get("/api/v1/findings/").status_code == HTTPStatus.OK
