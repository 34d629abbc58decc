"""Watching in Chromium: an analyst watches a finding from its page, sees it on the Watching
page, chooses a daily digest and stops watching it there; a colleague on the same browser is
never shown the first analyst's button (the finding page is kept in the page cache). The pages
pass axe-core and the CSP."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page, expect

from inspections.access import ANALYST_GROUP
from recommendations.models import DigestSubscription
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import FindingFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def finding():
    for username in ("analyst1", "analyst2"):
        UserFactory(username=username).groups.add(Group.objects.get(name=ANALYST_GROUP))
    return FindingFactory(text="The force should improve how it records stop and search.")


def test_watch_a_finding_and_find_it_on_the_watching_page(page: Page, finding, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = reverse("recommendations:detail", args=[finding.pk])
    log_in(page, "analyst1")
    page.goto(url)
    assert_accessible(page)

    page.get_by_role("button", name="Watch this finding").click()
    page.wait_for_load_state()
    expect(
        page.get_by_text("You are watching this finding: its changes will be in")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Stop watching this finding")).to_be_visible()

    page.get_by_role("link", name="Watching").first.click()
    expect(page.get_by_role("heading", name="Watching", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="records stop and search")).to_be_visible()
    expect(page.get_by_text("Your digest goes to analyst1@example.org")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Daily").check()
    page.get_by_role("button", name="Save how often").click()
    page.wait_for_load_state()
    expect(page.get_by_label("Daily")).to_be_checked()
    assert DigestSubscription.objects.get(user__username="analyst1").frequency == "daily"

    # A colleague on the same browser: the kept finding page, their own button.
    page.get_by_role("button", name="Sign out analyst1").click()
    page.wait_for_load_state()
    log_in(page, "analyst2")
    page.goto(url)
    expect(page.get_by_role("button", name="Watch this finding")).to_be_visible()
    expect(page.get_by_role("button", name="Stop watching this finding")).to_have_count(0)
    page.get_by_role("button", name="Sign out analyst2").click()
    page.wait_for_load_state()

    log_in(page, "analyst1")
    page.goto(reverse("watching:list"))
    page.get_by_role("button", name="Stop watching").click()
    page.wait_for_load_state()
    expect(page.get_by_text("You watch no finding.")).to_be_visible()
