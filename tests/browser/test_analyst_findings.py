"""An analyst's task on the real Cumbria record, end to end in Chromium: find the open areas for
improvement on stop and search, open the one carried forward from 2018/19, read its history,
download the CSV of the list and check it. The pages pass axe-core and the CSP."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from inspections.access import ANALYST_GROUP
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

CARRIED_FORWARD_AFI = (
    "The force should ensure effective external scrutiny of its use of stop and search powers."
)
REPORT_2021 = (
    "PEEL 2021/22 Police effectiveness, efficiency and legitimacy – An inspection of Cumbria "
    "Constabulary"
)
REPORT_2018 = "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Cumbria Constabulary"


@pytest.fixture
def analyst_user(real_data):
    user = UserFactory(username="analyst1", first_name="Ann", last_name="Lyst")
    # get_or_create: a transactional test's flush removes the groups the migration made.
    user.groups.add(Group.objects.get_or_create(name=ANALYST_GROUP)[0])
    return user


def filter_open_stop_and_search_afis_in_cumbria(page: Page) -> None:
    """Use the form controls, as a person would."""
    page.get_by_label("Containing the words").fill("stop and search")
    page.get_by_role("group", name="Kind").get_by_label("Area for improvement").check()
    page.get_by_label("Status", exact=True).select_option("open")
    page.get_by_text("Force", exact=True).first.click()  # open the "Force" details
    page.get_by_label("Cumbria Constabulary").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()


def test_analyst_finds_the_carried_forward_afi_reads_its_history_and_downloads_the_csv(
    page: Page, analyst_user
):
    log_in(page, "analyst1")
    page.get_by_role("link", name="Findings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Findings")
    assert_accessible(page)

    filter_open_stop_and_search_afis_in_cumbria(page)
    assert "force=cumbria" in page.url and "status=open" in page.url and "kind=afi" in page.url
    # The AFI carried into 2021/22 (the 2018/19 one it carries is counted under it, once), the
    # 2021/22 ethnicity-recording AFI, and the use-of-force AFI whose explanation mentions stop
    # and search.
    expect(page.get_by_role("heading", name="3 results")).to_be_visible()
    for tag in (
        "Force: Cumbria Constabulary",
        "Kind: Area for improvement",
        "Status: Open",
        "Containing: “stop and search”",
    ):
        expect(page.get_by_role("link", name=f"Remove filter: {tag}")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(3)
    carried = rows.filter(has_text="carried forward from an earlier report").filter(
        has_text=CARRIED_FORWARD_AFI
    )
    expect(carried).to_have_count(1)
    expect(carried).to_contain_text(REPORT_2021)
    expect(carried).to_contain_text("Awaiting review")
    assert_accessible(page)
    list_url = page.url

    carried.get_by_role("link", name=CARRIED_FORWARD_AFI).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CARRIED_FORWARD_AFI)
    expect(page.get_by_text("Both AFIs will remain in place", exact=False)).to_be_visible()
    lineage = page.locator(".govuk-summary-list__row", has_text="Carried forward from")
    expect(lineage).to_contain_text(REPORT_2018)
    expect(lineage).to_contain_text("2 May 2019")
    history = page.locator("#history-cumbria + .app-table-wrapper table")
    expect(history).to_contain_text("Awaiting review")
    expect(history).to_contain_text("New finding: awaiting review")
    expect(history).to_contain_text("Loaded from the source document")
    assert_accessible(page)

    # The earlier finding links forward to this one, and says so in its status.
    lineage.get_by_role("link").click()
    carried_to = page.locator(".govuk-summary-list__row", has_text="Carried forward to")
    expect(carried_to).to_contain_text(REPORT_2021)
    earlier = page.locator("#history-cumbria + .app-table-wrapper table")
    expect(earlier).to_contain_text("Carried forward to a later report")
    expect(earlier).to_contain_text("A later inspection report")

    page.goto(list_url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("findings-")
    assert download.suggested_filename.endswith(".csv")
    text = download.path().read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text[1:])))
    assert header[:4] == ["Force", "Report title", "Report kind", "Published"]
    assert len(rows) == 3
    assert {row[0] for row in rows} == {"Cumbria Constabulary"}
    assert {row[5] for row in rows} == {"Area for improvement"}
    assert {row[9] for row in rows} == {"Awaiting review"}
    assert all("stop and search" in row[7].lower() for row in rows)
    # Both external-scrutiny AFIs of 2018/19 were carried into 2021/22 (the use-of-force one
    # mentions stop and search in its explanation).
    assert len([row for row in rows if row[12]]) == 2
    [carried_row] = [row for row in rows if row[12] and row[7].startswith(CARRIED_FORWARD_AFI)]
    assert carried_row[1] == REPORT_2021
    assert carried_row[3] == "2022-04"  # the report gives the month only
    assert "External scrutiny" in carried_row[8] and "Stop and search" in carried_row[8]
    assert carried_row[12] == f"{REPORT_2018}: Area for improvement: {CARRIED_FORWARD_AFI}"
    # The 2018/19 AFIs are carried, so they are not open rows of their own.
    assert not [row for row in rows if row[1] == REPORT_2018]


def test_invalid_filters_page_is_accessible(page: Page, analyst_user):
    log_in(page, "analyst1")
    page.goto("/findings/?force=atlantis&published_after=not-a-date")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem with the filters")
    page.get_by_role("link", name="Force: There is no force “atlantis”.").click()
    expect(page.locator("#force-1")).to_be_focused()
    assert_accessible(page)


def test_good_practice_page_is_accessible(page: Page, analyst_user):
    log_in(page, "analyst1")
    page.goto("/findings/?kind=innovative_practice")
    expect(page.get_by_role("heading", name="6 results")).to_be_visible()
    page.locator("tbody tr").first.get_by_role("link").first.click()
    expect(page.get_by_text("it has no status")).to_be_visible()
    assert_accessible(page)
