"""The findings list in Chromium, for an analyst: searching by a report's title, sorting by a
column heading, and downloading exactly the rows shown, each with its finding's ID and link.
The pages pass axe-core and the Content-Security-Policy."""

import csv
import datetime
import io

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


def finding_links(page: Page) -> list[tuple[str, str]]:
    """(ID, absolute URL) of each row's finding link, in the table's order."""
    hrefs = page.locator("tbody tr td:first-child > a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return [(href.rstrip("/").rsplit("/", 1)[1], href) for href in hrefs]


def download_csv(page: Page) -> list[list[str]]:
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    text = download_info.value.path().read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_carries_each_findings_id_and_link_in_the_pages_order(
    page: Page, analyst_user, live_server
):
    log_in(page, "analyst1")
    page.goto("/findings/?force=avon&sort=status")
    expect(page.get_by_role("heading", name="8 results")).to_be_visible()
    on_screen = finding_links(page)
    assert len(on_screen) == 8
    assert all(url.startswith(f"{live_server.url}/findings/") for _, url in on_screen)

    header, *rows = download_csv(page)
    assert header[-2:] == ["Finding ID", "Finding link"]
    assert [(row[-2], row[-1]) for row in rows] == on_screen
    # The link is a real one: it opens that finding's page.
    finding_id, url = on_screen[0]
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        next(row[7] for row in rows if row[-2] == finding_id).split("\n")[0]
    )


def test_analyst_sorts_by_clicking_headings_and_downloads_that_order(page: Page, analyst_user):
    log_in(page, "analyst1")
    page.goto("/findings/?kind=afi&kind=recommendation&page=1")
    report = page.get_by_role("columnheader", name="Report")
    expect(report).to_have_attribute("aria-sort", "descending")  # newest report first

    page.get_by_role("link", name="Force – sort by: Force (A to Z)").click()
    page.wait_for_load_state()
    assert "kind=afi&kind=recommendation&sort=force" in page.url and "page=" not in page.url
    expect(page.get_by_role("columnheader", name="Force")).to_have_attribute(
        "aria-sort", "ascending"
    )
    expect(report).not_to_have_attribute("aria-sort", "descending")
    forces = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert forces == sorted(forces, key=lambda name: (name == "National report", name))
    assert_accessible(page)

    # The report heading reverses on a second click.
    page.get_by_role("link", name="Report – sort by: Newest report first").click()
    page.wait_for_load_state()
    expect(report).to_have_attribute("aria-sort", "descending")
    page.get_by_role("link", name="Report – sort by: Oldest report first").click()
    page.wait_for_load_state()
    expect(report).to_have_attribute("aria-sort", "ascending")
    assert page.url.endswith("?kind=afi&kind=recommendation&sort=published")
    on_screen = finding_links(page)
    # The undated report's finding comes last either way.
    expect(page.locator("tbody tr").last).to_contain_text("Wiltshire PEEL 2015")

    header, *rows = download_csv(page)
    assert [(row[-2], row[-1]) for row in rows] == on_screen


def choose_custody_report(page: Page) -> None:
    """From the findings list filtered by Avon: the report search lists the custody report,
    whose link filters the list by it (the force filter kept)."""
    choices = page.locator("#report-choices")
    expect(choices.get_by_role("link", name=CUSTODY_REPORT)).to_be_visible()
    expect(choices.get_by_role("link", name="Avon PEEL 2021/22")).to_have_count(0)
    choices.get_by_role("link", name=CUSTODY_REPORT).click()
    page.wait_for_load_state()
    assert "force=avon" in page.url and "report_q" not in page.url
    expect(page.get_by_role("heading", name="2 results")).to_be_visible()
    expect(page.locator("#chosen-report")).to_contain_text(CUSTODY_REPORT)


def test_analyst_chooses_a_report_by_typing_words_of_its_title(page: Page, analyst_user, world):
    """With the page's script: the reports matching the words appear as they are typed."""
    log_in(page, "analyst1")
    page.goto("/findings/?force=avon")
    search = page.get_by_label("Find a report by words of its title")
    search.press_sequentially("custody det", delay=30)
    expect(page.locator("#report-choices")).to_contain_text("1 report whose title contains")
    assert "report_q" not in page.url  # nothing was submitted
    assert_accessible(page)
    choose_custody_report(page)
    assert f"inspection={world.custody.pk}" in page.url
    # Applying another filter keeps the report; its link removes it.
    page.get_by_label("Status").select_option("open")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert f"inspection={world.custody.pk}" in page.url
    page.locator("#chosen-report").get_by_role("link", name="Remove the report filter").click()
    page.wait_for_load_state()
    assert "inspection=" not in page.url and "status=open" in page.url
    assert_accessible(page)


def test_without_a_script_applying_the_filters_lists_the_matching_reports(
    browser, live_server, analyst_user, world
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, "analyst1")
        page.goto("/findings/?force=avon")
        page.get_by_label("Find a report by words of its title").fill("CUSTODY detention")
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_load_state()
        assert "report_q=CUSTODY+detention" in page.url
        choose_custody_report(page)
    finally:
        context.close()
