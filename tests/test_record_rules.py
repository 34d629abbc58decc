"""The record's rules on the real data: the body in office owes the response, grades follow the
framework, a carried-forward AFI is one open item, and every fixture fact names its source."""

import csv
import datetime
import io
import json
import random
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from inspections.models import Area, Force, Inspection, Judgment, PolicingBody, owing_body
from recommendations.models import FindingStatus, Response
from recommendations.selectors import overview
from tests.factories import InspectionFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def real_data(db):
    call_command("load_real_data", verbosity=0)


# --- local policing bodies through time ---------------------------------------------------------


def test_greater_manchesters_body_changes_from_the_pcc_to_the_mayor_on_8_may_2017(real_data):
    manchester = Force.objects.get(slug="greater-manchester")
    before = owing_body(manchester.pk, datetime.date(2017, 5, 7))
    after = owing_body(manchester.pk, datetime.date(2017, 5, 8))
    assert before.kind == PolicingBody.Kind.PCC
    assert after.kind == PolicingBody.Kind.MAYOR
    assert before.source_url and after.source_url


def test_a_2016_response_in_greater_manchester_is_owed_by_the_pcc(real_data):
    manchester = Force.objects.get(slug="greater-manchester")
    response = Response.objects.create(
        inspection=InspectionFactory(force=manchester, published_on=datetime.date(2016, 7, 1)),
        force=manchester,
    )
    assert response.policing_body.kind == PolicingBody.Kind.PCC
    assert response.body_name == response.policing_body.name
    assert "Mayor" not in response.body_name


def test_every_force_has_one_body_in_office_on_any_day_since_2013(real_data):
    for day in (datetime.date(2013, 1, 1), datetime.date(2019, 5, 2), datetime.date(2024, 6, 1)):
        in_office = PolicingBody.objects.in_office_on(day)
        assert in_office.count() == Force.objects.count() == 43


def test_police_authorities_until_21_november_2012(real_data):
    kent = Force.objects.get(slug="kent")
    assert owing_body(kent.pk, datetime.date(2012, 11, 21)).kind == "police_authority"
    assert owing_body(kent.pk, datetime.date(2012, 11, 22)).kind == "pcc"


# --- grades follow the framework ------------------------------------------------------------


def test_an_ungraded_area_refuses_a_grade(real_data):
    inspection = InspectionFactory(
        force=Force.objects.get(slug="cumbria"),
        framework_id=Area.objects.get(framework__slug="peel-2015", name="Leadership").framework_id,
    )
    leadership = Area.objects.get(framework__slug="peel-2015", name="Leadership")
    with pytest.raises(ValidationError) as error:
        Judgment(inspection=inspection, area=leadership, grade="good").full_clean()
    assert error.value.message_dict["grade"] == [
        "“Leadership” was not graded in PEEL 2015: record it as “Ungraded”, “Not yet graded” "
        "or “Not inspected”."
    ]
    Judgment(inspection=inspection, area=leadership, grade="ungraded").full_clean()


def test_a_grade_outside_the_scale_names_the_scale(real_data):
    inspection = Inspection.objects.get(slug="cumbria-peel-2018-19")
    area = Area.objects.get(framework__slug="peel-2018-19", name="Efficiency")
    with pytest.raises(ValidationError) as error:
        Judgment(inspection=inspection, area=area, grade="adequate").clean()
    assert "four tiers" in error.value.message_dict["grade"][0]


def test_judgments_carry_the_date_they_are_as_of(real_data):
    grades = Judgment.objects.filter(inspection__slug="cumbria-peel-2018-19")
    assert {j.as_of_on for j in grades} == {datetime.date(2019, 5, 2)}


# --- lineage counted once -------------------------------------------------------------------


def test_a_carried_forward_afi_is_one_open_item_on_dashboard_list_and_csv(
    client, analyst, real_data
):
    client.force_login(analyst)
    # Cumbria's open items: 17 (2015) + 5 (2018/19) + 11 (2021/22) AFIs, less the two 2018/19
    # ones the 2021/22 report carries forward.
    assert FindingStatus.objects.open().filter(force__slug="cumbria").count() == 31

    # The dashboard's table and chart are drawn from these counts.
    by_force = {row["force__slug"]: row["count"] for row in overview.open_findings_by_force()}
    assert by_force == {"cumbria": 31}
    dashboard = client.get("/")
    assert "Each open item is counted once" in dashboard.content.decode()

    listing = client.get(reverse("recommendations:list"), {"status": "open"})
    assert listing.context["page_obj"].paginator.count == 31

    export = client.get(reverse("recommendations:export_csv"), {"status": "open"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert len(rows) - 1 == 31
    stop_and_search = [row for row in rows if "external scrutiny of its use of stop" in row[7]]
    assert len(stop_and_search) == 1
    assert stop_and_search[0][1].startswith("PEEL 2021/22")


# --- every fixture fact names its source ------------------------------------------------------

SOURCED = {
    # model: the fields of which at least one must name the source
    "inspections.framework": ("source_url",),
    "inspections.area": ("source_url",),
    "inspections.policingbody": ("source_url",),
    "inspections.nationalbody": ("source_url",),
    "inspections.inspection": ("source_url",),
    "inspections.judgment": ("source_section",),
    "recommendations.finding": ("source_section",),
}
PUBLIC_SOURCE_PREFIXES = ("https://", "http://", "shared/seeds/", "shared/data/")


def fixture_records() -> list[tuple[str, dict]]:
    records = []
    for path in sorted(FIXTURES.glob("*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            records.append((path.name, row))
    return records


def test_every_fixture_record_names_its_source():
    missing = [
        (name, row["model"], row["fields"].get("slug") or row["fields"].get("name"))
        for name, row in fixture_records()
        if row["model"] in SOURCED
        and not any(row["fields"].get(field) for field in SOURCED[row["model"]])
    ]
    assert missing == []


def test_every_report_names_its_inspectorate_page_and_document():
    reports = [
        row["fields"] for _, row in fixture_records() if row["model"] == "inspections.inspection"
    ]
    for report in reports:
        assert "justiceinspectorates.gov.uk" in report["source_url"], report["slug"]
        # The seed's file name (in shared/seeds/), never a path (issue 16).
        assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", report["source_document"]), report["slug"]


def test_twenty_random_facts_name_a_public_source():
    sourced = [row for _, row in fixture_records() if row["model"] in SOURCED]
    for row in random.Random(20).sample(sourced, 20):
        fields = row["fields"]
        url = fields.get("source_url") or ""
        if url:
            assert url.startswith("https://") and "." in url.split("/")[2], row
        else:
            # Findings and judgments are sourced by their report's document and section.
            assert fields["source_section"], row


def test_fixture_diverging_under_pressure_is_dated_as_the_inspectorate_dates_it():
    [report] = [
        row["fields"]
        for _, row in fixture_records()
        if row["model"] == "inspections.inspection"
        and row["fields"]["slug"] == "diverging-under-pressure"
    ]
    assert (report["published_on"], report["published_precision"]) == ("2020-02-06", "day")


def test_no_fixture_stores_a_folder_path_as_a_source_document():
    """Issue 16: a finding's page showed "../shared/seeds/…" as its source."""
    paths = [
        (row["model"], row["fields"]["source_document"])
        for _, row in fixture_records()
        if re.search(r"[\\/]", row["fields"].get("source_document", ""))
    ]
    assert paths == []


INSPECTORATE_PAGE = re.compile(
    r"https://(hmicfrs\.justiceinspectorates\.gov\.uk/|www\.justiceinspectorates\.gov\.uk/hmicfrs/)"
)


def test_every_framework_and_area_names_an_inspectorate_page():
    """Frameworks and their areas are the inspectorate's: each names the HMICFRS (or, before
    2017, HMIC) page on the inspectorate's own site that it was read from."""
    outside = [
        (
            row["model"],
            row["fields"].get("slug") or row["fields"]["name"],
            row["fields"]["source_url"],
        )
        for _, row in fixture_records()
        if row["model"] in {"inspections.framework", "inspections.area"}
        and not INSPECTORATE_PAGE.match(row["fields"]["source_url"])
    ]
    assert outside == []
