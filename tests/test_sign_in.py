"""Where signing in lands (issue 16: signing in at /admin/login/ landed on the public
dashboard): the admin's sign-in lands in the admin or on the `next` page asked for; the
service's sign-in lands on the dashboard."""

from http import HTTPStatus

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def sign_in(client, url: str, user, **extra):
    return client.post(url, {"username": user.username, "password": PASSWORD, **extra})


def test_the_admin_sign_in_lands_in_the_admin(client, editor):
    page = client.get(reverse("admin:login"))
    assert 'action="/admin/login/"' in page.content.decode()

    response = sign_in(client, reverse("admin:login"), editor)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("admin:index")


def test_the_admin_sign_in_keeps_the_page_asked_for(client, editor):
    wanted = reverse("admin:recommendations_response_changelist")
    page = client.get(wanted)
    assert page["Location"] == f"{reverse('admin:login')}?next={wanted}"
    assert f'name="next" value="{wanted}"' in client.get(page["Location"]).content.decode()

    response = sign_in(client, page["Location"], editor, next=wanted)

    assert response["Location"] == wanted


def test_the_service_sign_in_lands_on_the_dashboard(client, analyst):
    response = sign_in(client, reverse("login"), analyst)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("dashboard")


def test_an_outside_next_is_ignored(client, editor):
    response = sign_in(client, reverse("admin:login"), editor, next="https://evil.example/")

    assert response["Location"] == reverse("admin:index")
