"""The findings list in Chromium, for an analyst: searching by a report's title, sorting by a
column heading, and downloading exactly the rows shown, each with its finding's ID and link.
The pages pass axe-core and the Content-Security-Policy."""

import datetime

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from inspections.access import ANALYST_GROUP
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import FindingFactory, FindingStatusFactory, InspectionFactory, UserFactory
from tests.recommendations.findings_world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

CUSTODY_REPORT = "Custody and detention: an inspection of Avon Constabulary"


@pytest.fixture
def world():
    world = build_world()
    world.custody = InspectionFactory(
        force=world.avon,
        framework=world.fw21,
        title=CUSTODY_REPORT,
        published_on=datetime.date(2023, 3, 14),
    )
    world.custody_findings = [
        FindingFactory(
            inspection=world.custody,
            position=position,
            area=world.legit21,
            text=text,
        )
        for position, text in enumerate(
            [
                "The force should make sure that detainees are offered a solicitor.",
                "The force should record every use of force on a detainee.",
            ],
            start=1,
        )
    ]
    for finding in world.custody_findings:
        FindingStatusFactory(finding=finding, force=world.avon)
    # "Custody" in the text but not "detention", in a report whose title has neither.
    FindingFactory(
        inspection=world.avon21, position=3, text="The force should audit custody records."
    )
    return world


@pytest.fixture
def analyst_user(world):
    user = UserFactory(username="analyst1")
    user.groups.add(Group.objects.get(name=ANALYST_GROUP))
    return user


def test_analyst_finds_a_reports_findings_by_words_of_its_title(page: Page, analyst_user):
    log_in(page, "analyst1")
    page.get_by_role("link", name="Findings").click()
    page.get_by_label("Containing the words").fill("Custody and detention")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "q=Custody+and+detention" in page.url

    expect(page.get_by_role("heading", name="2 results")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    for row in rows.all():
        expect(row).to_contain_text(CUSTODY_REPORT)
    expect(page.get_by_role("link", name="detainees are offered a solicitor")).to_be_visible()
    expect(
        page.get_by_role("link", name="Remove filter: Containing: “Custody and detention”")
    ).to_be_visible()
    assert_accessible(page)
