"""The 56-day tracker in Chromium: an OPCC editor sees a response due soon, records the chief
officer's comments and the explanations in the admin, publishes it and sees it published on
time; the real Cumbria record shows the 2018/19 deadline. The tracker passes axe-core and the
Content-Security-Policy."""

import csv
import datetime
import importlib
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import Page, expect

from inspections.access import ANALYST_GROUP, OPCC_EDITOR_GROUP
from recommendations.models import Finding, Response
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import FindingFactory, ForceFactory, ResponseFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROLES = importlib.import_module("recommendations.migrations.0002_roles").ROLE_PERMISSIONS


def role(name: str) -> Group:
    """The role as its migration made it. A transactional test's flush removes the groups the
    migrations created (the permissions themselves come back after each flush)."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.set(Permission.objects.filter(codename__in=ROLES[name]))
    return group


def row_of(page: Page, title: str):
    return page.locator("tbody tr", has_text=title)


def test_editor_publishes_a_due_soon_response_and_sees_it_on_time(page: Page):
    force = ForceFactory(slug="northshire", name="Northshire Police")
    editor = UserFactory(username="northshire-editor", is_staff=True)
    editor.groups.add(role(OPCC_EDITOR_GROUP))
    force.editors.add(editor)
    today = timezone.localdate()
    response = ResponseFactory(
        inspection__force=force,
        inspection__title="PEEL 2023-25: Northshire Police",
        inspection__published_on=today - datetime.timedelta(days=50),
    )
    FindingFactory(
        inspection=response.inspection,
        position=1,
        recommendation=True,
        reference="R1",
        text="Within three months, the force should answer 999 calls faster.",
    )
    FindingFactory(
        inspection=response.inspection,
        position=2,
        kind=Finding.Kind.AFI,
        text="The force needs to improve how it records crime.",
    )

    log_in(page, "northshire-editor")
    page.get_by_role("link", name="56-day tracker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("56-day response tracker")
    row = row_of(page, "PEEL 2023-25: Northshire Police")
    expect(row).to_contain_text("Due soon")
    expect(row).to_contain_text("5 days left")
    expect(row).to_contain_text("Incomplete")
    assert_accessible(page)

    row.get_by_role("link", name="Change response").click()
    expect(page.get_by_role("heading", name="Change response")).to_be_visible()
    page.locator("#id_chief_officer_comments_requested_by").fill(
        (today - datetime.timedelta(days=30)).isoformat()
    )
    page.locator("#id_chief_officer_comments_received_on").fill(
        (today - datetime.timedelta(days=2)).isoformat()
    )
    page.locator("#id_chief_officer_comments").fill(
        "The Chief Constable accepts the recommendation."
    )
    page.locator("#id_body_comments").fill("The Commissioner will monitor progress monthly.")
    # One box per recommendation and AFI, each already pointing at its finding.
    page.locator("#id_explanations-0-text").fill("A new call-handling system went live.")
    page.locator("#id_explanations-1-text").fill("A crime-recording audit has begun.")
    page.locator("#id_is_published").check()
    page.locator("#id_published_on").fill(today.isoformat())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto("/tracker/?force=northshire")
    row = row_of(page, "PEEL 2023-25: Northshire Police")
    expect(row.locator(".govuk-tag").first).to_have_text("Published on time")
    expect(row).to_contain_text(f"{today:%-d %B %Y}")
    expect(row).not_to_contain_text("Incomplete")
    saved = Response.objects.with_state(today).get(pk=response.pk)
    assert saved.state == Response.State.PUBLISHED_ON_TIME
    assert saved.explanations.count() == 2
    assert_accessible(page)


def test_real_cumbria_record_shows_the_2018_19_deadline(page: Page, real_data):
    analyst = UserFactory(username="analyst1", is_staff=True)
    analyst.groups.add(role(ANALYST_GROUP))

    log_in(page, "analyst1")
    page.goto("/tracker/")
    page.get_by_text("Force", exact=True).first.click()  # open the "Force" details
    page.get_by_label("Cumbria Constabulary").check()
    page.get_by_role("button", name="Apply filters").click()

    assert "force=cumbria" in page.url
    expect(
        page.get_by_role("link", name="Remove filter: Force: Cumbria Constabulary")
    ).to_be_visible()
    row = row_of(
        page, "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Cumbria Constabulary"
    )
    expect(row).to_contain_text("2 May 2019")
    expect(row).to_contain_text("26 June 2019")
    expect(row).to_contain_text("Published (date not recorded)")
    # Owed by the body in office in May 2019: the PCC (a PFCC only from April 2023).
    expect(row).to_contain_text("Owed by Police and Crime Commissioner for Cumbria")
    # The national spotlight, dated as the inspectorate dates it: due 1 April 2020.
    spotlight = row_of(page, "Diverging under pressure")
    expect(spotlight).to_contain_text("6 February 2020")
    expect(spotlight).to_contain_text("1 April 2020")
    assert_accessible(page)


def test_invalid_filters_page_is_accessible(page: Page, real_data):
    analyst = UserFactory(username="analyst1", is_staff=True)
    analyst.groups.add(role(ANALYST_GROUP))

    log_in(page, "analyst1")
    page.goto("/tracker/?force=atlantis&published_after=2020-13-45")

    expect(page.get_by_role("alert")).to_contain_text("There is a problem with the filters")
    page.get_by_role("link", name="“atlantis” is not a force.").click()
    expect(page.locator("#id_force_0")).to_be_focused()
    expect(page.get_by_role("table")).to_have_count(0)
    assert_accessible(page)


def test_small_screens_get_a_scroll_hint_and_print_shows_only_the_results(page: Page, real_data):
    analyst = UserFactory(username="analyst1", is_staff=True)
    analyst.groups.add(role(ANALYST_GROUP))
    log_in(page, "analyst1")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tracker/")
    expect(page.get_by_text("Scroll the table sideways to see every column.")).to_be_visible()
    page.goto("/findings/")
    page.get_by_role("link", name="Skip the filters to the results").click()
    assert page.url.endswith("#results")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/tracker/")
    expect(page.get_by_text("Scroll the table sideways to see every column.")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Menu")).to_be_hidden()
    expect(page.get_by_text("Download these responses")).to_be_hidden()
    expect(page.locator("tbody tr").first).to_be_visible()


def test_analyst_sorts_the_tracker_by_its_headings_and_downloads_that_order(page: Page):
    analyst = UserFactory(username="analyst1", is_staff=True)
    analyst.groups.add(role(ANALYST_GROUP))
    today = timezone.localdate()
    for name, days_left in [("Alpha Police", 9), ("Zulu Police", 2), ("Mike Police", 30)]:
        ResponseFactory(
            inspection__force=ForceFactory(name=name),
            inspection__title=f"PEEL 2023-25: {name}",
            inspection__published_on=today - datetime.timedelta(days=55 - days_left),
        )
    ResponseFactory(inspection__published_on=None)  # no deadline: always last by due date

    log_in(page, "analyst1")
    page.goto("/tracker/?state=due_soon&state=open&state=deadline_unknown&page=1")
    due = page.get_by_role("columnheader", name="Due")
    expect(due).to_have_attribute("aria-sort", "ascending")  # soonest deadline first

    def forces() -> list[str]:
        return [name.split("\n")[0] for name in page.locator("tbody th").all_inner_texts()]

    assert forces()[:3] == ["Zulu Police", "Alpha Police", "Mike Police"]
    page.get_by_role("link", name="Due – sort by: Due date (latest first)").click()
    page.wait_for_load_state()
    assert "state=due_soon&state=open&state=deadline_unknown&sort=-due" in page.url
    assert "page=" not in page.url
    expect(due).to_have_attribute("aria-sort", "descending")
    assert forces()[:3] == ["Mike Police", "Alpha Police", "Zulu Police"]
    assert_accessible(page)

    page.get_by_role("link", name="Force – sort by: Force (A to Z)").click()
    page.wait_for_load_state()
    expect(page.get_by_role("columnheader", name="Force")).to_have_attribute(
        "aria-sort", "ascending"
    )
    expect(due).not_to_have_attribute("aria-sort", "descending")
    shown = forces()
    assert shown == sorted(shown)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    text = download_info.value.path().read_text(encoding="utf-8-sig")
    assert [row[0] for row in list(csv.reader(io.StringIO(text)))[1:]] == shown


def test_every_page_passes_axe_on_a_small_screen(page: Page, real_data):
    """At 390 px the wide tables scroll sideways: each such table is a named region a keyboard
    can reach (axe-core: scrollable-region-focusable), on every public page."""
    analyst = UserFactory(username="analyst1", is_staff=True)
    analyst.groups.add(role(ANALYST_GROUP))
    log_in(page, "analyst1")
    page.set_viewport_size({"width": 390, "height": 844})
    finding = Finding.objects.order_by("pk").first()
    urls = [
        "/",
        "/forces/cumbria/",
        f"/inspections/{finding.inspection_id}/",
        "/findings/",
        f"/findings/{finding.pk}/",
        "/tracker/",
    ]
    for url in urls:
        page.goto(url)
        assert_accessible(page)
    scrolling = page.locator(".app-table-wrapper[role=region]")
    assert scrolling.count() >= 1
