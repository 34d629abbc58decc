"""Sign-in throttling that fits a real deployment (issue 19, point 3): failures lock out one
username from one address only, and behind trusted proxies the address is the client's, taken
from X-Forwarded-For as the outermost trusted proxy wrote it (peel_tracker/client_address.py)."""

from http import HTTPStatus

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from peel_tracker.client_address import client_address
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
PROXY = "10.0.0.2"  # the reverse proxy, as the application sees it


@pytest.fixture(autouse=True)
def fresh_lockouts():
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


@pytest.fixture
def owner():
    return UserFactory(username="administrator1", password=PASSWORD, is_staff=True)


def sign_in(password: str, *, forwarded: str | None = None, remote: str = PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post(
        reverse("login"), {"username": "administrator1", "password": password}, **headers
    )


def signed_in(response) -> bool:
    return response.status_code == HTTPStatus.FOUND


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_forty_failures_from_forty_addresses_do_not_lock_the_owner_out(owner):
    for n in range(40):
        assert not signed_in(sign_in("wrong", forwarded=f"198.51.100.{n}"))
    assert signed_in(sign_in(PASSWORD, forwarded="203.0.113.7"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_failures_from_one_address_lock_that_address_out_only(owner):
    for _ in range(5):
        sign_in("wrong", forwarded="198.51.100.1")
    locked = sign_in(PASSWORD, forwarded="198.51.100.1")
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many sign-in attempts" in locked.content.decode()
    # The owner, elsewhere, signs in as usual.
    assert signed_in(sign_in(PASSWORD, forwarded="203.0.113.7"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_address_counts_against_the_sender(owner):
    # The attacker claims to be the owner's address; the proxy appends the attacker's own.
    for _ in range(5):
        sign_in("wrong", forwarded="203.0.113.7, 198.51.100.1")
    assert signed_in(sign_in(PASSWORD, forwarded="203.0.113.7"))
    assert not signed_in(sign_in(PASSWORD, forwarded="198.51.100.1"))


@pytest.mark.parametrize(
    ("proxies", "forwarded", "remote", "expected"),
    [
        (0, "198.51.100.1", "203.0.113.9", "203.0.113.9"),  # no proxy: the header is ignored
        (1, "198.51.100.1", PROXY, "198.51.100.1"),
        (1, "192.0.2.66, 198.51.100.1", PROXY, "198.51.100.1"),  # left of it is the client's
        (2, "192.0.2.66, 198.51.100.1, 10.0.0.9", PROXY, "198.51.100.1"),
        (2, "198.51.100.1", PROXY, PROXY),  # fewer entries than proxies: not through them all
        (1, "not-an-address", PROXY, PROXY),
        (1, "", PROXY, PROXY),
    ],
)
def test_the_client_address_is_the_outermost_trusted_proxys_entry(
    proxies, forwarded, remote, expected
):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == expected


def test_without_a_trusted_proxy_a_forwarded_header_cannot_lock_anyone_out(owner):
    for n in range(5):
        sign_in("wrong", forwarded="203.0.113.7", remote=f"198.51.100.{n}")
    assert signed_in(sign_in(PASSWORD, forwarded="203.0.113.7", remote="203.0.113.7"))
