"""CSV from the API (`?format=csv`): one line per row of `results`, the columns in the
serializer's order, so the header is there even with no rows. Nested objects are flattened
(`area.name`), lists of plain values joined with "; ", lists of objects (a report's
judgments) written as JSON text. Text that a spreadsheet would run as a formula is neutralised
as in the CSV exports (peel_tracker.exports.neutralise).

djangorestframework-csv does this too, but its last release is from 2023 and it does not guard
against formulas; this is the small part of it the API needs."""

import csv
import datetime
import io
import json
from collections.abc import Iterable

from rest_framework.renderers import BaseRenderer

from peel_tracker.exports import BYTE_ORDER_MARK, neutralise


def flatten(row: dict, prefix: str = "") -> dict:
    """A row's values under dotted column names."""
    flat = {}
    for name, value in row.items():
        column = f"{prefix}{name}"
        if isinstance(value, dict):
            flat |= flatten(value, f"{column}.")
        else:
            flat[column] = value
    return flat


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            return neutralise(json.dumps(value, ensure_ascii=False, default=str))
        return neutralise("; ".join(str(item) for item in value))
    return neutralise(value)


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        renderer_context = renderer_context or {}
        if isinstance(data, dict) and "results" in data:
            rows: Iterable = data["results"]
        elif isinstance(data, list):
            rows = data
        elif data is None:
            rows = []
        else:
            rows = [data]
        flat_rows = [flatten(row) for row in rows]
        header = list(renderer_context.get("csv_header") or [])
        for row in flat_rows:
            header += [column for column in row if column not in header]
        out = io.StringIO()
        # A byte order mark, as the CSV exports: Excel then reads the file as UTF-8.
        out.write(BYTE_ORDER_MARK)
        writer = csv.writer(out)
        writer.writerow(header)
        for row in flat_rows:
            writer.writerow([_cell(row.get(column)) for column in header])
        return out.getvalue().encode(self.charset)
