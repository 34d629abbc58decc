"""A finding's page in Chromium: an OPCC editor follows "Record a new status" for their force to
the admin's form, records one and sees it on the page; after they sign out, a visitor is sent
to sign in, and an analyst signing in on the same browser gets the page without the link (it
is never served from the editor's kept page). The pages pass axe-core and the CSP."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page, expect

from inspections.access import ANALYST_GROUP, OPCC_EDITOR_GROUP
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    world = build_world()
    editor = UserFactory(username="avon-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name=OPCC_EDITOR_GROUP))
    world.avon.editors.add(editor)
    analyst = UserFactory(username="analyst1")
    analyst.groups.add(Group.objects.get(name=ANALYST_GROUP))
    return world


def test_editor_records_a_status_from_the_finding_page_and_others_see_no_link(page: Page, world):
    url = reverse("recommendations:detail", args=[world.nat_rec.pk])
    log_in(page, "avon-editor")
    page.goto(url)
    # A national recommendation: Avon's and Kent's statuses; this editor edits Avon only.
    links = page.get_by_role("link", name="Record a new status")
    expect(links).to_have_count(1)
    expect(links).to_have_accessible_name("Record a new status for Avon Constabulary")
    assert_accessible(page)

    links.click()
    expect(page.get_by_role("heading", name="Record a new status")).to_be_visible()
    page.locator("#id_new_status").select_option("complete")
    page.locator("#id_note").fill("Data review published by the force.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()

    page.goto(url)
    avon = page.locator("tbody tr", has_text="Avon Constabulary").first
    expect(avon).to_contain_text("Complete")
    expect(avon).to_contain_text("Data review published by the force.")

    page.get_by_role("button", name="Sign out avon-editor").click()
    page.wait_for_load_state()
    page.goto(url)
    expect(page.get_by_label("Username")).to_be_visible()  # signed out: sent to sign in
    expect(page.get_by_role("link", name="Record a new status")).to_have_count(0)

    log_in(page, "analyst1")
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("forces should review")
    expect(page.locator("tbody tr", has_text="Avon Constabulary").first).to_contain_text("Complete")
    expect(page.get_by_role("link", name="Record a new status")).to_have_count(0)
    assert_accessible(page)
