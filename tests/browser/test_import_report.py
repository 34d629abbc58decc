"""Importing a real report through the admin in a browser: upload seed 002, correct one
proposed finding, confirm, and find the findings in the admin."""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from inspections.models import Inspection
from tests.browser.conftest import assert_accessible, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SEED_002 = (
    Path(__file__).resolve().parents[1] / "report_reader" / "data" / "002_3d1b060b47e8b9b9.txt"
)
CORRECTED = "The force must record ethnicity accurately after every stop and search."


def test_administrator_imports_the_2021_22_report_and_finds_its_findings(page):
    call_command("loaddata", "forces", "frameworks", verbosity=0)
    UserFactory(username="administrator1", is_staff=True, is_superuser=True)
    log_in(page, "administrator1")

    page.goto("/admin/inspections/inspection/")
    page.get_by_role("link", name="Import a report").click()
    page.get_by_label("Force").select_option(label="Cumbria Constabulary")
    page.get_by_label("Report file").set_input_files(str(SEED_002))
    page.get_by_role("button", name="Read the report").click()

    expect(page.get_by_role("heading", name="Check the proposal and confirm")).to_be_visible()
    expect(page.get_by_role("heading", name="Findings (17 found)")).to_be_visible()
    assert Inspection.objects.count() == 0  # nothing saved before confirmation
    assert_accessible(page)
    first = page.locator("#finding-1")
    first.get_by_label("Text").fill(CORRECTED)
    assert first.get_by_label("Area").input_value() == "Treatment of the public"
    page.get_by_role("button", name="Confirm and save").click()

    expect(
        page.get_by_text("Imported “PEEL 2021/22: An inspection of Cumbria Constabulary”")
    ).to_be_visible()
    page.goto("/admin/recommendations/finding/?q=ethnicity+accurately+after+every")
    expect(page.get_by_role("link", name=CORRECTED)).to_be_visible()
    page.goto("/admin/recommendations/finding/?q=Pathways+Programme")
    expect(
        page.get_by_role(
            "link", name="The force is reducing reoffending through its Pathways Programme"
        )
    ).to_be_visible()
    inspection = Inspection.objects.get()
    assert inspection.findings.count() == 17
    assert inspection.findings.get(position=1).text == CORRECTED
