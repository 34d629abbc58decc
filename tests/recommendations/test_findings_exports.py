"""/findings/export.csv and /findings/export.xlsx: the page's rows in the page's order, the
columns, dates, formula neutralising, invalid parameters and query counts."""

import csv
import datetime
import io
import re
from http import HTTPStatus

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations import views
from tests.factories import FindingFactory, FindingStatusFactory, ForceFactory, InspectionFactory
from tests.recommendations.findings_world import STOP_AND_SEARCH_AFI, build_world

pytestmark = pytest.mark.django_db

HEADER = [
    "Force",
    "Report title",
    "Report kind",
    "Published",
    "Area",
    "Kind",
    "Reference",
    "Text",
    "Themes",
    "Status",
    "Status since",
    "Last note",
    "Carried forward from",
    "Finding ID",
    "Finding link",
]


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def world():
    return build_world()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_sheet(response):
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    return workbook["Findings"]


@pytest.mark.parametrize("url", ["/findings/export.csv", "/findings/export.xlsx"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response["Location"]


def test_csv_is_utf8_with_bom_named_and_has_the_columns_in_order(analyst_client, world):
    response = analyst_client.get("/findings/export.csv")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="findings-')
    assert response["Content-Disposition"].endswith('.csv"')
    rows = csv_rows(response)
    assert rows[0] == HEADER
    assert len(rows) == 1 + 9


def test_csv_rows_are_the_pages_rows_in_the_pages_order(analyst_client, world):
    for query in ("", "sort=age", "sort=force&kind=afi", "force=avon&sort=status"):
        page = analyst_client.get(f"/findings/?{query}")
        expected = [
            (row.inspection.title, row.text, row.row_force_name or "")
            for row in page.context["rows"]
        ]
        rows = csv_rows(analyst_client.get(f"/findings/export.csv?{query}"))[1:]
        assert [(r[1], r[7], r[0]) for r in rows] == expected, query


FINDING_HREF = re.compile(r'<a class="govuk-link" href="(/findings/(\d+)/)">')


def links_on_the_page(html: str) -> list[tuple[str, str]]:
    """(ID, href) of each row's finding link, in the order of the table's rows."""
    tbody = html[html.index("<tbody") : html.index("</tbody>")]
    return [(pk, href) for href, pk in FINDING_HREF.findall(tbody)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_ids_and_links_are_the_findings_on_screen_in_the_same_order(
    analyst_client, world, fmt
):
    for query in ("", "sort=age", "sort=force&kind=afi", "q=spotlight&sort=status", "sort=kind"):
        page = analyst_client.get(f"/findings/?{query}")
        on_screen = links_on_the_page(page.content.decode())
        assert len(on_screen) == len(page.context["rows"]) > 0, query
        response = analyst_client.get(f"/findings/export.{fmt}?{query}")
        if fmt == "csv":
            exported = [(row[13], row[14]) for row in csv_rows(response)[1:]]
        else:
            sheet = xlsx_sheet(response)
            exported = [
                (str(row[13]), row[14]) for row in sheet.iter_rows(min_row=2, values_only=True)
            ]
        assert exported == [(pk, f"http://testserver{href}") for pk, href in on_screen], query


def test_export_links_name_the_host_the_export_was_asked_from(analyst_client, world, settings):
    """A CSV export is kept (peel_tracker.page_cache): one asked for by another host name gets
    its own links, not those kept for the first."""
    settings.ALLOWED_HOSTS = ["testserver", "peel.example.org"]
    url = f"/findings/export.csv?inspection={world.avon18.pk}"
    first = csv_rows(analyst_client.get(url))[1]
    assert first[14] == f"http://testserver/findings/{world.afi_avon18.pk}/"
    again = csv_rows(analyst_client.get(url, headers={"host": "peel.example.org"}, secure=True))
    assert again[1][14] == f"https://peel.example.org/findings/{world.afi_avon18.pk}/"
    assert csv_rows(analyst_client.get(url))[1] == first


def test_csv_row_content_and_iso_dates(analyst_client, world):
    rows = csv_rows(analyst_client.get("/findings/export.csv?force=avon&kind=afi&sort=published"))
    assert rows[1:] == [
        [
            "Avon Constabulary",
            "Avon PEEL 2018/19",
            "PEEL force inspection",
            "2019-05-02",
            "Legitimacy",
            "Area for improvement",
            "",
            STOP_AND_SEARCH_AFI,
            "External scrutiny; Stop and search",
            "Awaiting review",
            "2019-05-02",
            "awaiting_review",
            "",
            str(world.afi_avon18.pk),
            f"http://testserver/findings/{world.afi_avon18.pk}/",
        ],
        [
            "Avon Constabulary",
            "Avon PEEL 2021/22",
            "PEEL force inspection",
            "2022-04",  # known to the month only: ISO 8601 of reduced precision
            "Legitimacy",
            "Area for improvement",
            "",
            STOP_AND_SEARCH_AFI + "\n\nBoth AFIs will remain in place.",
            "External scrutiny; Stop and search",
            "Awaiting review",
            "",  # status date not stated
            "awaiting_review",
            "Avon PEEL 2018/19: Area for improvement: " + STOP_AND_SEARCH_AFI,
            str(world.afi_avon21.pk),
            f"http://testserver/findings/{world.afi_avon21.pk}/",
        ],
    ]


def test_csv_good_practice_and_national_rows(analyst_client, world):
    rows = csv_rows(analyst_client.get(f"/findings/export.csv?inspection={world.national.pk}"))
    by_force = {(r[0], r[5]): r for r in rows[1:]}
    assert set(by_force) == {
        ("Avon Constabulary", "Recommendation"),
        ("Kent Police", "Recommendation"),
        ("", "Promising practice"),
    }
    good = by_force[("", "Promising practice")]
    assert good[3] == "2020-07" and good[9:12] == ["", "", ""]
    assert by_force[("Kent Police", "Recommendation")][10] == "2020-09-01"


@pytest.fixture
def formula_findings(world):
    inspection = InspectionFactory(force=world.avon, framework=world.fw21, title="=HYPERLINK(1)")
    texts = ["=SUM(1)", "-1", "@x", "+1", "\tTabbed", "\rReturn"]
    for position, text in enumerate(texts, start=1):
        finding = FindingFactory(
            inspection=inspection, position=position, area=world.legit21, text=text
        )
        FindingStatusFactory(finding=finding, force=world.avon, last_note="=1+1")
    return inspection, texts


def test_csv_neutralises_formulas(analyst_client, formula_findings):
    inspection, texts = formula_findings
    rows = csv_rows(analyst_client.get(f"/findings/export.csv?inspection={inspection.pk}"))[1:]
    assert [r[7] for r in rows] == ["'" + text for text in texts]
    assert {r[1] for r in rows} == {"'=HYPERLINK(1)"}
    assert {r[11] for r in rows} == {"'=1+1"}


def test_xlsx_has_real_dates_a_frozen_bold_header_and_an_autofilter(analyst_client, world):
    response = analyst_client.get("/findings/export.xlsx?force=avon&kind=afi&sort=published")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="findings-' in response["Content-Disposition"]
    sheet = xlsx_sheet(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:O3"
    first, second = rows[1], rows[2]
    assert first[3].date() == datetime.date(2019, 5, 2)  # a date cell, not text
    assert sheet.cell(row=2, column=4).is_date
    assert sheet.cell(row=2, column=11).is_date and first[10].date() == datetime.date(2019, 5, 2)
    # A month-precision date is stored as its first day; a date cell cannot say less.
    assert second[3].date() == datetime.date(2022, 4, 1)
    assert second[10] is None
    assert first[:3] == ("Avon Constabulary", "Avon PEEL 2018/19", "PEEL force inspection")
    assert second[12] == "Avon PEEL 2018/19: Area for improvement: " + STOP_AND_SEARCH_AFI
    # The finding's ID is a number cell; its link, the page's absolute URL, is text.
    assert first[13:] == (world.afi_avon18.pk, f"http://testserver/findings/{world.afi_avon18.pk}/")
    assert sheet.cell(row=2, column=14).data_type == "n"


def test_xlsx_rows_match_the_csv(analyst_client, world):
    query = "sort=status"
    csv_texts = [r[7] for r in csv_rows(analyst_client.get(f"/findings/export.csv?{query}"))[1:]]
    sheet = xlsx_sheet(analyst_client.get(f"/findings/export.xlsx?{query}"))
    assert [row[7] for row in sheet.iter_rows(min_row=2, values_only=True)] == csv_texts


def test_xlsx_keeps_formula_like_text_exactly_as_string_cells(analyst_client, formula_findings):
    """Issue 19: a string cell never runs, so the XLSX shows the text as the report has it,
    without the CSV's apostrophe."""
    inspection, texts = formula_findings
    sheet = xlsx_sheet(analyst_client.get(f"/findings/export.xlsx?inspection={inspection.pk}"))
    cells = [row[7] for row in sheet.iter_rows(min_row=2)]
    # XlsxWriter escapes a carriage return as _x000D_ (Excel shows it as one); openpyxl reads
    # the escape as written.
    values = [cell.value.replace("_x000D_", "\r") for cell in cells]
    assert values == texts
    assert {cell.data_type for cell in cells} == {"s"}  # strings, never formulas


def test_empty_result_exports_only_the_header(analyst_client, world):
    assert csv_rows(analyst_client.get("/findings/export.csv?q=nothing+matches")) == [HEADER]
    sheet = xlsx_sheet(analyst_client.get("/findings/export.xlsx?q=nothing+matches"))
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [HEADER]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_invalid_parameters_are_a_readable_400(analyst_client, world, fmt):
    response = analyst_client.get(
        f"/findings/export.{fmt}?published_after=2019-13-01&force=atlantis&sort=title"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("No export: these parameters are not valid.")
    assert "- Force: There is no force “atlantis”." in text
    assert "- Published on or after: Enter a real date as year-month-day" in text
    assert "- Sort by: There is no sort order “title”." in text


def test_unknown_parameters_and_page_are_ignored(analyst_client, world):
    rows = csv_rows(analyst_client.get("/findings/export.csv?page=7&utm_source=x&kind=afi"))
    assert len(rows) == 1 + 3


def add_rows(world, count):
    force = ForceFactory()
    inspection = InspectionFactory(force=force, framework=world.fw21)
    for position in range(1, count + 1):
        finding = FindingFactory(inspection=inspection, position=position, area=world.legit21)
        finding.themes.add(world.stop, world.scrutiny)
        FindingStatusFactory(finding=finding, force=force)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_query_count_is_constant(analyst_client, world, django_assert_num_queries, fmt):
    url = f"/findings/export.{fmt}?kind=afi&kind=recommendation"
    # session, user, permissions (own, roles'), the rows (one chunk), their themes (one query per
    # chunk); for a CSV, first the record's version and the user's access (role and forces
    # edited, one query), the key of the kept export (peel_tracker.page_cache)
    queries = 6 + (2 if fmt == "csv" else 0)
    with django_assert_num_queries(queries):
        first = body(analyst_client.get(url))
    add_rows(world, 40)
    with django_assert_num_queries(queries):
        second = body(analyst_client.get(url))
    assert len(second) > len(first)


def test_csv_streams_rows_in_chunks(analyst_client, world, monkeypatch):
    """Memory stays flat: rows are read from the database in chunks while the response is
    sent, each chunk with one query for its themes, never all rows at once."""
    monkeypatch.setattr(views.exports, "EXPORT_CHUNK_ROWS", 10)
    add_rows(world, 45)
    response = analyst_client.get("/findings/export.csv?kind=afi")
    assert response.streaming
    with CaptureQueriesContext(connection) as queries:
        rows = list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert len(rows) == 1 + 48
    themes = [q for q in queries.captured_queries if "finding_themes" in q["sql"]]
    assert len(themes) == 5  # 48 rows in chunks of 10
