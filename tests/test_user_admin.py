"""Users who recorded anything in the permanent history cannot be deleted through the admin
(only deactivated): the delete page lists that history as protected and deletes nothing, on
both databases (on PostgreSQL the history triggers would otherwise turn it into an error)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from recommendations.models import Finding
from tests.factories import FindingFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def author():
    """A user who edited a finding: one row of its change history names them."""
    user = UserFactory(is_staff=True)
    finding = FindingFactory()
    finding._history_user = user
    finding.text += " (edited)"
    finding.save()
    assert Finding.history.filter(history_user=user).count() == 1
    return user


def test_the_delete_page_lists_their_history_as_protected(superuser_client, author):
    url = reverse("admin:auth_user_delete", args=[author.pk])
    page = superuser_client.get(url).content.decode()
    assert "would require deleting the following protected related objects" in page
    assert f"{author}: 1 historical findings (permanent history)" in page


def test_deleting_them_deletes_nothing(superuser_client, author):
    url = reverse("admin:auth_user_delete", args=[author.pk])
    response = superuser_client.post(url, {"post": "yes"})
    assert response.status_code == 200  # the same page again, not a redirect
    assert User.objects.filter(pk=author.pk).exists()
    assert Finding.history.filter(history_user=author).count() == 1


def test_the_bulk_delete_action_deletes_nothing_either(superuser_client, author):
    response = superuser_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [author.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=author.pk).exists()


def test_a_user_without_history_can_still_be_deleted(superuser_client):
    newcomer = UserFactory(is_staff=True)
    url = reverse("admin:auth_user_delete", args=[newcomer.pk])
    response = superuser_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=newcomer.pk).exists()
