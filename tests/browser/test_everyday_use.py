"""Issue 16 in Chromium, one test per numbered item an OPCC officer or analyst hit in a week of
real work (items 7, 8 and 9 have their own tests in test_tracker.py and beside them): national
reports, an imported report of kind Other, a refused stale edit, ISO date inputs, adding a
finding inline, and the tracker export's days late. The admin pages pass axe-core too."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from inspections.access import OPCC_EDITOR_GROUP
from inspections.models import Force, Inspection
from recommendations.models import Finding, FindingStatus
from tests.browser.conftest import assert_accessible, log_in
from tests.browser.test_tracker import role
from tests.factories import (
    FindingFactory,
    FindingStatusFactory,
    ForceFactory,
    InspectionFactory,
    ResponseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

ADD_REPORT = "/admin/inspections/inspection/add/"


def administrator(username: str = "administrator1") -> None:
    UserFactory(username=username, is_staff=True, is_superuser=True)


def editor_of(force: Force, username: str) -> None:
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(role(OPCC_EDITOR_GROUP))
    force.editors.add(user)


def test_1_a_national_report_for_nobody_is_refused_and_every_force_is_one_tick(page: Page):
    forces = [ForceFactory() for _ in range(3)]
    administrator()
    log_in(page, "administrator1")
    page.goto(ADD_REPORT)
    page.locator("#id_title").fill("Police response to violence against women and girls")
    page.locator("#id_kind").select_option(label="Thematic")
    page.locator("#id_published_on").fill("2021-09-17")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_text("A national report must apply to at least one force")).to_be_visible()
    assert not Inspection.objects.exists()
    assert_accessible(page)

    page.get_by_label("Applies to every force").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    inspection = Inspection.objects.get()
    assert set(inspection.applies_to.all()) == set(forces)
    assert {response.force for response in inspection.responses.all()} == set(forces)


def test_2_an_imported_report_of_kind_other_is_about_its_force(page: Page, tmp_path: Path):
    call_command("loaddata", "forces", "frameworks", verbosity=0)
    administrator()
    letter = tmp_path / "letter.md"
    letter.write_text(
        "# A letter about custody in Cumbria\n\n"
        "## Recommendations\n\n1. The force should review its custody staffing.\n"
    )
    log_in(page, "administrator1")
    page.goto("/admin/inspections/inspection/import/")
    page.get_by_label("Force").select_option(label="Cumbria Constabulary")
    page.get_by_label("Report file").set_input_files(str(letter))
    page.get_by_label("Kind of report").select_option(label="Other")
    page.get_by_label("Publication date").fill("2024-03-01")
    page.get_by_role("button", name="Read the report").click()
    page.get_by_role("button", name="Confirm and save").click()
    expect(page.locator(".messagelist")).to_contain_text("Imported")

    inspection = Inspection.objects.get()
    assert (inspection.force.slug, inspection.is_national) == ("cumbria", False)
    page.goto(f"/inspections/{inspection.pk}/")
    expect(page.get_by_role("main")).not_to_contain_text("national")
    with page.expect_download() as download:
        page.goto(f"/admin/recommendations/response/{inspection.responses.get().pk}/change/")
        page.get_by_role("link", name="Draft response (.docx)").click()
    assert download.value.suggested_filename.endswith(".docx")


def _record_status(page: Page, status: str, note: str) -> None:
    page.locator("#id_new_status").select_option(label=status)
    page.locator("#id_note").fill(note)
    page.get_by_role("button", name="Save", exact=True).click()


def test_3_after_a_refused_stale_status_the_history_is_the_history_as_it_now_is(
    browser: Browser, live_server
):
    force = ForceFactory(slug="northshire", name="Northshire Police")
    editor_of(force, "editor-a")
    editor_of(force, "editor-b")
    status = FindingStatusFactory(finding__inspection__force=force, force=force)
    url = f"/admin/recommendations/findingstatus/{status.pk}/change/"
    pages = []
    for username in ("editor-a", "editor-b"):
        page = browser.new_context(base_url=live_server.url).new_page()
        log_in(page, username)
        page.goto(url)
        pages.append(page)
    first, second = pages

    _record_status(first, "Being progressed", "Plan agreed with the force.")
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")
    _record_status(second, "Complete", "Closed by the board.")

    expect(second.locator(".errornote")).to_be_visible()
    history = second.locator("#history-group tbody tr.has_original")
    expect(history).to_have_count(2)
    # The newest entry, the other editor's, is first, its cells its own.
    expect(history.first).to_contain_text("Plan agreed with the force.")
    expect(history.first).to_contain_text("editor-a")
    expect(history.nth(1)).not_to_contain_text("Plan agreed with the force.")
    assert FindingStatus.objects.get(pk=status.pk).status == "being_progressed"
    for page in pages:
        page.context.close()


def test_4_date_inputs_show_the_date_they_hold(page: Page):
    force = ForceFactory(slug="northshire", name="Northshire Police")
    editor_of(force, "editor-a")
    status = FindingStatusFactory(finding__inspection__force=force, force=force)
    log_in(page, "editor-a")
    page.goto(f"/admin/recommendations/findingstatus/{status.pk}/change/")
    # A date input holds ISO dates: anything else the browser shows as blank.
    took_effect = page.get_by_label("Took effect on")
    assert took_effect.get_attribute("type") == "date"
    assert took_effect.input_value() == timezone.localdate().isoformat()
    assert_accessible(page)


def test_5_a_finding_added_inline_needs_no_position_and_takes_addressees_as_lines(page: Page):
    force = ForceFactory(slug="northshire", name="Northshire Police")
    editor_of(force, "editor-a")
    inspection = InspectionFactory(force=force, kind="thematic", title="Custody: a thematic")
    FindingFactory(inspection=inspection, position=1, text="The force should review custody.")
    log_in(page, "editor-a")
    page.goto(f"/admin/inspections/inspection/{inspection.pk}/change/")
    addressees = page.locator("#id_findings-0-addressees")
    assert addressees.input_value() == ""  # an empty box, not "[]"
    page.get_by_role("button", name="Add another Finding").click()
    page.locator("#id_findings-1-kind").select_option(label="Recommendation")
    page.locator("#id_findings-1-text").fill(
        "By June 2025, chief constables should audit custody records."
    )
    page.locator("#id_findings-1-addressees").fill("chief constables\nthe Home Office")
    assert page.locator("#id_findings-1-position").input_value() == ""
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert_accessible(page)
    finding = Finding.objects.get(inspection=inspection, text__startswith="By June 2025")
    assert (finding.position, finding.addressees) == (2, ["chief constables", "the Home Office"])


def test_6_the_tracker_export_carries_the_days_late_the_screen_shows(page: Page):
    force = ForceFactory(slug="northshire", name="Northshire Police")
    editor_of(force, "editor-a")
    published = datetime.date(2023, 3, 1)
    due = datetime.date(2023, 4, 25)  # day 56, publication day counted as day 1
    ResponseFactory(
        inspection__force=force,
        inspection__title="PEEL 2021/22: Northshire Police",
        inspection__published_on=published,
        is_published=True,
        published_on=due + datetime.timedelta(days=1),
    )
    log_in(page, "editor-a")
    page.goto("/tracker/?force=northshire")
    row = page.locator("tbody tr", has_text="PEEL 2021/22: Northshire Police")
    expect(row).to_contain_text("1 day late")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").first.click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    assert [(r["Report"], r["Days overdue"], r["State"]) for r in rows] == [
        ("PEEL 2021/22: Northshire Police", "1", "Published late")
    ]
