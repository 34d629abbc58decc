"""The tracker's exports: the page's filters and order, ISO dates in CSV and date cells in XLSX,
UTF-8 with a byte-order mark, formula-neutralised text, a frozen header with an autofilter, and
a readable 400 for bad parameters."""

import csv
import datetime
import io
from http import HTTPStatus

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from peel_tracker.exports import FORMULA_PREFIXES
from recommendations.models import Finding, Response
from recommendations.tracker import EXPORT_COLUMNS
from tests.factories import (
    FindingExplanationFactory,
    FindingFactory,
    ForceFactory,
    InspectionFactory,
    ResponseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CSV_URL = reverse("tracker:export_csv")
XLSX_URL = reverse("tracker:export_xlsx")
HEADERS = [column.header for column in EXPORT_COLUMNS]


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def record():
    """Three responses: a late one with counts, an unpublished one whose report is known only
    by month, and one of another force; plus a report title that looks like a formula."""
    cumbria = ForceFactory(slug="cumbria", name="Cumbria Constabulary")
    late = ResponseFactory(
        inspection__force=cumbria,
        inspection__title="Integrated PEEL Assessment 2018/19: Cumbria",
        inspection__published_on=datetime.date(2019, 5, 2),
        inspection__source_url="https://hmicfrs.example/cumbria-2019",
        chief_officer_comments_requested_by=datetime.date(2019, 6, 7),
        chief_officer_comments_received_on=datetime.date(2019, 6, 6),
        is_published=True,
        published_on=datetime.date(2019, 6, 28),
        published_url="https://opcc.example/response",
    )
    recommendation = FindingFactory(inspection=late.inspection, recommendation=True)
    FindingFactory(inspection=late.inspection, recommendation=True)
    FindingFactory.create_batch(2, inspection=late.inspection, kind=Finding.Kind.AFI)
    FindingExplanationFactory(response=late, finding=recommendation)
    month_only = ResponseFactory(
        inspection__force=cumbria,
        inspection__title='=HYPERLINK("http://evil.example")',
        inspection__published_on=datetime.date(2022, 4, 1),
        inspection__published_precision="month",
    )
    other = ResponseFactory(inspection__published_on=datetime.date(2021, 2, 25))
    return late, month_only, other


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def read_xlsx(response):
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content))["Responses"]


def test_csv_has_the_columns_iso_dates_and_counts(analyst_client, record):
    response = analyst_client.get(CSV_URL, {"force": "cumbria"})

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="response-tracker-')
    header, late, month_only = read_csv(response)
    assert header == HEADERS
    assert late == [
        "Cumbria Constabulary",
        "Integrated PEEL Assessment 2018/19: Cumbria",
        "PEEL force inspection",
        "2019-05-02",
        "2 May 2019",
        "2019-06-26",
        "2019-06-07",
        "2019-06-06",
        "2019-06-28",
        "",
        "2",  # days late: lateness can be analysed from the file
        "Published late",
        "2",
        "1",
        "2",
        "Incomplete",
        "",
        "https://hmicfrs.example/cumbria-2019",
        "https://opcc.example/response",
        "56-day deadline (s.55(5A))",
        "2019-06-26",
        "Cumbria Constabulary Police and Crime Commissioner",
        "",  # days early: it was late
    ]
    # A report known only by its month has no date cell (its stored 1st is not a real date);
    # its deadline is a window, April 2022 + 55 days: due by 24 June 2022 at the latest, and
    # 26 May 2022 at the earliest. The formula-like title is neutralised.
    assert month_only[1] == '\'=HYPERLINK("http://evil.example")'
    assert month_only[3:6] == ["", "April 2022", "2022-06-24"]
    assert month_only[11] == "Overdue"
    assert month_only[-4:-2] == ["56-day deadline (s.55(5A))", "2022-05-26"]


def test_csv_rows_and_order_are_the_pages(analyst_client, record):
    params = {"sort": "-due"}
    page = analyst_client.get(reverse("tracker:list"), params)
    export = analyst_client.get(CSV_URL, params)

    on_page = [(r.force.name, r.inspection.title) for r in page.context["page"].object_list]
    exported = [(row[0], row[1].removeprefix("'")) for row in read_csv(export)[1:]]
    assert exported == on_page
    assert len(exported) == 3


def test_csv_filters_by_state_like_the_page(analyst_client, record):
    late, _, _ = record

    rows = read_csv(analyst_client.get(CSV_URL, {"state": "published_late"}))

    assert [row[1] for row in rows[1:]] == [late.inspection.title]


def test_days_left_and_overdue_are_numbers(analyst_client):
    today = timezone.localdate()
    ResponseFactory(inspection__published_on=today - datetime.timedelta(days=50))
    ResponseFactory(inspection__published_on=today - datetime.timedelta(days=58))

    rows = read_csv(analyst_client.get(CSV_URL))

    assert [(row[9], row[10], row[11]) for row in rows[1:]] == [
        ("", "3", "Overdue"),
        ("5", "", "Due soon"),
    ]


def test_xlsx_has_date_cells_frozen_header_and_autofilter(analyst_client, record):
    response = analyst_client.get(XLSX_URL, {"force": "cumbria"})

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = read_xlsx(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(HEADERS))}3"
    late = rows[1]
    assert late[3].date() == datetime.date(2019, 5, 2)
    assert late[5].date() == datetime.date(2019, 6, 26)
    assert late[8].date() == datetime.date(2019, 6, 28)
    assert late[11] == "Published late"
    assert late[12:15] == (2, 1, 2)
    assert rows[2][1] == '=HYPERLINK("http://evil.example")'  # a string cell: shown, never run
    assert sheet.cell(row=3, column=2).data_type == "s"
    assert rows[2][3] is None


def test_xlsx_rows_are_the_csv_rows(analyst_client, record):
    csv_rows = read_csv(analyst_client.get(CSV_URL))
    xlsx_rows = list(read_xlsx(analyst_client.get(XLSX_URL)).iter_rows(values_only=True))

    # The same text, less the CSV's formula guard (an XLSX string cell needs none).
    def unguarded(text: str) -> str:
        guarded = text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES)
        return text[1:] if guarded else text

    assert [(r[0], r[1]) for r in xlsx_rows] == [(r[0], unguarded(r[1])) for r in csv_rows]


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_bad_parameters_are_a_readable_400(analyst_client, url):
    response = analyst_client.get(url, {"force": "atlantis", "year": "soon"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "The export could not be made: these parameters are not valid.\n"
        "- “atlantis” is not a force.\n"
        "- No report was published in “soon”.\n"
        "Correct them, or choose the filters on the tracker page (/tracker/) and use its "
        "download links.\n"
    )


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_exports_need_a_role(client, url):
    assert client.get(url).status_code == HTTPStatus.FOUND
    client.force_login(UserFactory())
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN


def test_export_of_a_national_report_has_a_row_per_force(analyst_client):
    report = InspectionFactory(national=True, published_on=datetime.date(2020, 7, 1))
    for force in ForceFactory.create_batch(3):
        ResponseFactory(inspection=report, force=force)

    rows = read_csv(analyst_client.get(CSV_URL, {"kind": "peel_national"}))

    assert len(rows) == 4
    assert {row[5] for row in rows[1:]} == {"2020-08-25"}


def test_empty_export_still_has_its_header(analyst_client):
    assert read_csv(analyst_client.get(CSV_URL)) == [HEADERS]
    sheet = read_xlsx(analyst_client.get(XLSX_URL))
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [HEADERS]
    assert Response.objects.count() == 0


def test_days_early_and_late_are_in_the_export_as_on_the_screen(analyst_client):
    """Issue 16: how early or late a published response was can be analysed from the file."""
    published = datetime.date(2023, 3, 1)
    due = datetime.date(2023, 4, 25)
    for title, days_after_due in [("Early", -3), ("Last day", 0), ("Late", 1)]:
        ResponseFactory(
            inspection__title=title,
            inspection__published_on=published,
            is_published=True,
            published_on=due + datetime.timedelta(days=days_after_due),
        )

    screen = analyst_client.get(reverse("tracker:list")).getvalue().decode()
    for shown in ("3 days early", "On the last day", "1 day late"):
        assert shown in screen
    header, *lines = read_csv(analyst_client.get(CSV_URL))
    rows = {
        row["Report"]: (row["Days early"], row["Days overdue"], row["State"])
        for row in (dict(zip(header, line, strict=True)) for line in lines)
    }
    assert rows == {
        "Early": ("3", "", "Published on time"),
        "Last day": ("0", "", "Published on time"),
        "Late": ("", "1", "Published late"),
    }
