"""Spreadsheet exports that stream: CSV row by row, XLSX through XlsxWriter's constant-memory mode
into a temporary file. Memory stays flat however many rows there are.

In the CSV, every text cell that a spreadsheet would read as a formula (starting with =, +, -,
@, a tab or a carriage return) is prefixed with an apostrophe so it shows as text and never runs
(OWASP's advice on CSV injection). The XLSX needs no guard: its text cells are written as
strings, which a spreadsheet shows as they are and never runs, so they keep their exact text."""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from itertools import islice
from typing import Literal

import xlsxwriter
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse, StreamingHttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
CHUNK_ROWS = 500
# Values the csv module already writes as we want them (str(date) is its ISO form).
PLAIN_CSV_TYPES = (int, datetime.date)


@dataclass(frozen=True)
class Column:
    header: str
    kind: Literal["text", "date", "number"] = "text"
    width: int = 20


def neutralise(value: object) -> object:
    """Make a text value safe to open in a spreadsheet; other values pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(value)


def streamed_values(queryset: QuerySet, fields: Sequence[str], chunk_size: int) -> Iterator[tuple]:
    """queryset.values_list(*fields), read from one cursor chunk_size rows at a time while the
    response is sent (plain values: building model instances was most of an export's time at
    national scale). In a transaction, so that PostgreSQL streams the cursor rather than first
    copying every row for a cursor that outlives a transaction (WITH HOLD, what Django declares
    in autocommit)."""
    with transaction.atomic(savepoint=False):
        yield from queryset.values_list(*fields).iterator(chunk_size=chunk_size)


def _guarded(rows: Iterable[Sequence]) -> Iterator[list]:
    """Each row with its text guarded (neutralise) and other values made writable. The csv
    module writes None as an empty cell and a date as its ISO form already, so only text
    needs a look (for formulas) and other values go through _csv_cell: this runs for every
    cell of every row."""
    for row in rows:
        yield [
            ("'" + value if value.startswith(FORMULA_PREFIXES) else value)
            if type(value) is str
            else value
            if value is None or type(value) in PLAIN_CSV_TYPES
            else _csv_cell(value)
            for value in row
        ]


def _csv_chunks(columns: Sequence[Column], rows: Iterable[Sequence]) -> Iterator[str]:
    """The CSV text in pieces of CHUNK_ROWS rows. The writer's lines are collected in a list
    and joined: cheaper than a StringIO emptied for every piece."""
    lines: list[str] = []
    writer = csv.writer(_Lines(lines))
    writer.writerow([c.header for c in columns])
    yield BYTE_ORDER_MARK + lines.pop()
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK_ROWS)):
        writer.writerows(chunk)
        yield "".join(lines)
        lines.clear()


class _Lines:
    """A file for csv.writer that keeps what is written in a list."""

    def __init__(self, lines: list[str]) -> None:
        self.write = lines.append


def csv_response(
    *,
    filename: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    guarded: bool = False,
) -> StreamingHttpResponse:
    """UTF-8 CSV with a byte-order mark (so Excel reads the encoding), ISO dates. Text is
    guarded against formulas (neutralise) unless the rows say they are already (`guarded`: a
    writer that knows which of its columns can hold free text guards only those)."""
    rows = rows if guarded else _guarded(rows)
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in _csv_chunks(columns, rows)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_xlsx(
    target, *, columns: Sequence[Column], rows: Iterable[Sequence], sheet_name: str
) -> int:
    """Write rows to an XLSX file (path or file object) in constant memory: real date cells,
    a frozen bold header row and an autofilter over the data. Returns the number of rows."""
    workbook = xlsxwriter.Workbook(
        target, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = workbook.add_worksheet(sheet_name[:31])
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "d mmm yyyy"})
    wrap = workbook.add_format({"text_wrap": False})
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width)
        sheet.write_string(0, index, column.header, bold)
    sheet.freeze_panes(1, 0)
    kinds = [column.kind for column in columns]
    count = 0
    for count, row in enumerate(rows, start=1):
        for index, (kind, value) in enumerate(zip(kinds, row, strict=True)):
            # An empty cell is left unwritten (a blank cell without a format writes nothing).
            if value is None or value == "":
                continue
            if kind == "date":
                sheet.write_datetime(count, index, value, date_format)
            elif kind == "number":
                sheet.write_number(count, index, value)
            else:
                # A string cell, never a formula (strings_to_formulas is off): no guard needed.
                sheet.write_string(count, index, value if type(value) is str else str(value), wrap)
    sheet.autofilter(0, 0, max(count, 1), len(columns) - 1)
    workbook.close()
    return count


def xlsx_response(
    *, filename: str, columns: Sequence[Column], rows: Iterable[Sequence], sheet_name: str
) -> FileResponse:
    """Build the workbook in a temporary file (deleted when the response closes) and stream
    it."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes (and so deletes) it
    write_xlsx(spool, columns=columns, rows=rows, sheet_name=sheet_name)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def parameters_refused(lines: Sequence[str]) -> HttpResponse:
    """A list's export asked for with parameters that are not valid: 400, saying why in plain
    text, one line each."""
    return HttpResponse(
        "\n".join(lines) + "\n",
        status=HTTPStatus.BAD_REQUEST,
        content_type="text/plain; charset=utf-8",
    )


def list_export(
    filterset,
    fmt: Literal["csv", "xlsx"],
    *,
    name: str,
    day: datetime.date,
    columns: Sequence[Column],
    rows: Callable[[QuerySet], Iterable[Sequence]],
    sheet_name: str,
    refusal: Callable[[object], Sequence[str]],
    guarded: bool = False,
) -> HttpResponse:
    """A list page's export (the findings list, the tracker): the rows of its filterset (the
    page's own query string, so exactly the rows on screen) as `<name>-<day>.csv` or `.xlsx`,
    or, when the parameters are not valid, parameters_refused with the lines `refusal` gives
    for the filterset. `guarded`: the CSV rows come guarded against formulas (csv_response)."""
    if not filterset.is_valid():
        return parameters_refused(refusal(filterset))
    filename = f"{name}-{day:%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        return csv_response(
            filename=filename, columns=columns, rows=rows(filterset.qs), guarded=guarded
        )
    return xlsx_response(
        filename=filename, columns=columns, rows=rows(filterset.qs), sheet_name=sheet_name
    )
