"""Watching a finding or a saved view (POST, CSRF, who may watch what), the finding page's own
watch button under the page cache, and the Watching page with its digest frequency form."""

import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from recommendations.models import DigestSubscription, SavedView, Watch
from tests.factories import (
    DigestSubscriptionFactory,
    FindingFactory,
    SavedViewFactory,
    UserFactory,
    WatchFactory,
)

pytestmark = pytest.mark.django_db

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def finding(force):
    return FindingFactory(inspection__force=force, text="Improve the vetting of new recruits.")


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


def watch_url(finding) -> str:
    return reverse("watching:finding_watch", args=[finding.pk])


def unwatch_url(finding) -> str:
    return reverse("watching:finding_unwatch", args=[finding.pk])


# Watching a finding


def test_watching_a_finding_from_its_page(analyst_client, analyst, finding):
    page = reverse("recommendations:detail", args=[finding.pk])

    response = analyst_client.post(watch_url(finding), {"next": page})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == page
    assert Watch.objects.filter(user=analyst, finding=finding).count() == 1
    # The first watch starts the digest (weekly by default), from now.
    subscription = DigestSubscription.objects.get(user=analyst)
    assert subscription.frequency == DigestSubscription.Frequency.WEEKLY
    assert subscription.covered_until is not None
    shown = analyst_client.get(page).content.decode()
    assert "You are watching this finding: its changes will be in your digest." in shown
    assert "Stop watching this finding" in shown


def test_watching_twice_is_watching_once(analyst_client, analyst, finding):
    analyst_client.post(watch_url(finding))
    analyst_client.post(watch_url(finding))

    assert Watch.objects.filter(user=analyst).count() == 1


def test_stop_watching_a_finding(analyst_client, analyst, finding):
    WatchFactory(user=analyst, finding=finding)

    response = analyst_client.post(unwatch_url(finding))

    assert response.status_code == HTTPStatus.FOUND
    assert not Watch.objects.filter(user=analyst).exists()
    assert "Watch this finding" in analyst_client.get(response["Location"]).content.decode()


def test_watching_needs_a_post(analyst_client, finding):
    assert analyst_client.get(watch_url(finding)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not Watch.objects.exists()


def test_watching_needs_the_csrf_token(analyst, finding):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)

    assert client.post(watch_url(finding)).status_code == HTTPStatus.FORBIDDEN
    assert not Watch.objects.exists()

    page = client.get(reverse("recommendations:detail", args=[finding.pk])).content.decode()
    token = CSRF_TOKEN.findall(page)[-1]
    assert client.post(watch_url(finding), {"csrfmiddlewaretoken": token}).status_code == (
        HTTPStatus.FOUND
    )
    assert Watch.objects.filter(user=analyst, finding=finding).exists()


def test_signed_out_people_are_sent_to_sign_in(client, finding):
    response = client.post(watch_url(finding))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))
    assert not Watch.objects.exists()


def test_a_user_without_a_role_may_not_watch(client, finding):
    client.force_login(UserFactory())

    assert client.post(watch_url(finding)).status_code == HTTPStatus.FORBIDDEN
    assert not Watch.objects.exists()


def test_a_finding_that_does_not_exist_is_404(analyst_client):
    response = analyst_client.post(reverse("watching:finding_watch", args=[999_999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_next_must_be_on_this_site(analyst_client, finding):
    response = analyst_client.post(watch_url(finding), {"next": "https://evil.example/"})

    assert response["Location"] == reverse("recommendations:detail", args=[finding.pk])


# The finding page is kept in the page cache; the watch button is each user's own.


def test_the_watch_button_is_each_users_own_on_a_kept_page(client, finding, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = reverse("recommendations:detail", args=[finding.pk])
    watcher, other = UserFactory(), UserFactory()
    from django.contrib.auth.models import Group

    for user in (watcher, other):
        user.groups.add(Group.objects.get(name="analyst"))
    WatchFactory(user=watcher, finding=finding)

    client.force_login(watcher)
    client.get(page)  # rendered and kept for the analysts' access
    watcher_page = client.get(page).content.decode()
    watcher_tokens = set(CSRF_TOKEN.findall(watcher_page))
    client.force_login(other)
    other_page = client.get(page).content.decode()

    assert "Stop watching this finding" in watcher_page
    assert "Watch this finding" in other_page
    assert "Stop watching this finding" not in other_page
    # Same access, same kept blocks: the other user's form carries their own token.
    assert not watcher_tokens & set(CSRF_TOKEN.findall(other_page))
    assert "per-request" not in other_page


# Watching a saved view


def test_watching_a_view_shared_with_everyone(analyst_client, analyst):
    view = SavedViewFactory(shared_with_everyone=True, name="Open AFIs everywhere")

    response = analyst_client.post(reverse("watching:view_watch", args=[view.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("watching:list")
    assert Watch.objects.filter(user=analyst, saved_view=view).exists()


def test_watching_ones_own_private_view(analyst_client, analyst):
    view = SavedViewFactory(owner=analyst)

    analyst_client.post(reverse("watching:view_watch", args=[view.pk]))

    assert Watch.objects.filter(user=analyst, saved_view=view).exists()


def test_a_view_shared_with_a_force_is_watched_by_its_editors_only(client, force, editor, analyst):
    view = SavedViewFactory(sharing=SavedView.Sharing.FORCE, force=force)
    url = reverse("watching:view_watch", args=[view.pk])

    client.force_login(analyst)
    assert client.post(url).status_code == HTTPStatus.NOT_FOUND
    client.force_login(editor)
    assert client.post(url).status_code == HTTPStatus.FOUND
    assert list(Watch.objects.values_list("user", flat=True)) == [editor.pk]


def test_someone_elses_private_view_is_404_to_watch_and_to_unwatch(analyst_client, analyst):
    view = SavedViewFactory()

    for name in ("watching:view_watch", "watching:view_unwatch"):
        response = analyst_client.post(reverse(name, args=[view.pk]))
        assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Watch.objects.exists()


def test_stop_watching_a_view(analyst_client, analyst):
    view = SavedViewFactory(owner=analyst)
    WatchFactory(user=analyst, finding=None, saved_view=view)

    analyst_client.post(reverse("watching:view_unwatch", args=[view.pk]))

    assert not Watch.objects.exists()


def test_the_watch_button_include_for_a_saved_view(rf, analyst):
    from recommendations.watch_button import watch_button

    view = SavedViewFactory(owner=analyst)
    request = rf.get("/views/1/")
    request.user = analyst

    assert "Watch this saved view" in watch_button(request, saved_view=view)
    assert f'action="/views/{view.pk}/watch/"' in watch_button(request, saved_view=view)
    WatchFactory(user=analyst, finding=None, saved_view=view)
    assert "Stop watching this saved view" in watch_button(request, saved_view=view)


# The Watching page


def test_the_watching_page_lists_what_the_user_watches(analyst_client, analyst, finding):
    mine = SavedViewFactory(owner=analyst, name="My open AFIs", query="kind=afi&status=open")
    shared = SavedViewFactory(shared_with_everyone=True, name="Overdue responses", tracker=True)
    hidden = SavedViewFactory(name="Someone's private view")
    for view in (mine, shared, hidden):
        WatchFactory(user=analyst, finding=None, saved_view=view)
    WatchFactory(user=analyst, finding=finding)
    WatchFactory(finding=FindingFactory(text="Another person's watch."))

    response = analyst_client.get(reverse("watching:list"))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert '<h1 class="govuk-heading-l">Watching</h1>' in page
    assert f"Your digest goes to <strong>{analyst.email}</strong>" in page
    assert 'href="/findings/?kind=afi&amp;status=open">My open AFIs</a>' in page
    assert ">Overdue responses</a>" in page
    assert "56-day response tracker" in page
    assert "Someone&#x27;s private view" not in page
    assert "Improve the vetting of new recruits." in page
    assert "Another person" not in page
    assert reverse("watching:finding_unwatch", args=[finding.pk]) in page
    assert reverse("watching:view_unwatch", args=[mine.pk]) in page
    assert 'value="weekly" checked' in page


def test_the_watching_page_says_when_nothing_can_be_sent(client):
    user = UserFactory(email="")
    client.force_login(user)

    page = client.get(reverse("watching:list")).content.decode()

    assert "You have no email address in PEEL Tracker, so no digest can be sent to you." in page
    assert "You watch no finding." in page
    assert "You watch no saved view." in page


def test_the_watching_page_needs_sign_in(client):
    response = client.get(reverse("watching:list"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "frequency", [DigestSubscription.Frequency.DAILY, DigestSubscription.Frequency.NEVER]
)
def test_choosing_the_digest_frequency(analyst_client, analyst, frequency):
    response = analyst_client.post(reverse("watching:list"), {"frequency": frequency})

    assert response.status_code == HTTPStatus.FOUND
    assert DigestSubscription.objects.get(user=analyst).frequency == frequency
    page = analyst_client.get(reverse("watching:list")).content.decode()
    assert f'value="{frequency}" checked' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose how often you want the email digest."),
        ({"frequency": "hourly"}, "Choose daily, weekly or never (paused)."),
    ],
)
def test_the_frequency_form_says_what_is_wrong(analyst_client, analyst, data, message):
    response = analyst_client.post(reverse("watching:list"), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert "<title>Error: Watching" in page
    assert f'<a href="#id_frequency_0">{message}</a>' in page
    assert not DigestSubscription.objects.exists()


def test_resuming_a_paused_digest_starts_its_period_afresh(analyst_client, analyst):
    import datetime

    from django.utils import timezone

    long_ago = timezone.now() - datetime.timedelta(days=90)
    DigestSubscriptionFactory(
        user=analyst, frequency=DigestSubscription.Frequency.NEVER, covered_until=long_ago
    )

    analyst_client.post(reverse("watching:list"), {"frequency": "daily"})

    assert DigestSubscription.objects.get(user=analyst).covered_until > long_ago


def test_the_watching_page_queries_do_not_grow_with_watches(
    analyst_client, analyst, django_assert_num_queries
):
    def add(count):
        for _ in range(count):
            WatchFactory(user=analyst)
            WatchFactory(user=analyst, finding=None, saved_view=SavedViewFactory(owner=analyst))

    add(2)
    # Session, user, subscription, count of watched findings, the page of them, the watched
    # views, the user's groups (administrator?) and forces (visible_to).
    with django_assert_num_queries(7):
        analyst_client.get(reverse("watching:list"))
    add(2)
    with django_assert_num_queries(7):
        assert analyst_client.get(reverse("watching:list")).status_code == HTTPStatus.OK
