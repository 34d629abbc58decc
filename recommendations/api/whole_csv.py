"""Every row of a findings query in one streamed CSV: /api/v1/findings/export.csv.

A BI tool refreshing a whole table would otherwise walk `/api/v1/findings/?format=csv` page by
page. Each of those pages runs the whole query again (the list's order cannot be read from an
index, so the rows are sorted again for every page) and passes each row through the
serializer: walking 317,000 rows in pages of 1,000 read about 5,000 rows a second, against
147,000 for one hand-written SQL query (benchmarks/bench.py, PostgreSQL, scale 10).

This reads the same rows (the findings list's FilterSet: the same query string gives the same
rows in the same order) through one cursor, as the pages' exports do
(peel_tracker.exports.streamed_values), and writes the columns of `?format=csv` with the
values the serializer and the CSV renderer would give them, from the rows' plain values:
FINDING_COLUMNS is FindingRowSerializer's CSV header, and tests/api/test_whole_csv.py checks
that this file equals the pages of `?format=csv` joined, byte for byte. peel_tracker.exports
guards text against formulas and writes dates in ISO 8601, as the renderer does; booleans are
written true/false and lists joined with "; " here, as the renderer writes them.

One query for the rows (a server-side cursor on PostgreSQL) and one per CHUNK_ROWS rows for
their themes; memory stays flat however many rows there are."""

import json
from collections.abc import Callable, Iterator
from itertools import islice

from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from peel_tracker.exports import FORMULA_PREFIXES, Column, streamed_values
from recommendations import selectors
from recommendations.api.serializers import STATUS_LABELS, published_as_iso
from recommendations.models import Finding
from recommendations.models.findings import numbered_label

CHUNK_ROWS = 2000
KIND_LABELS = dict(Finding.Kind.choices)

# FindingRowSerializer's fields, in its order (a test compares them).
FINDING_COLUMNS = (
    "report_id",
    "report_title",
    "report_kind",
    "report_published_on",
    "report_published_precision",
    "report_published",
    "finding_id",
    "status_id",
    "label",
    "kind",
    "kind_label",
    "reference",
    "text",
    "area_id",
    "area_name",
    "force_slug",
    "force_name",
    "status",
    "status_label",
    "status_since",
    "last_note",
    "themes",
    "addressees",
    "owed_by_forces",
    "is_for_policing_bodies",
    "carried_forward_from_id",
    "superseded_by_id",
    "url",
)
# What is read for them: plain values, no model instances.
FINDING_VALUES = (
    "pk",
    "inspection_id",
    "inspection__title",
    "inspection__kind",
    "inspection__published_on",
    "inspection__published_precision",
    "row_status_pk",
    "kind",
    "reference",
    "text",
    "area_id",
    "area__name",
    "row_force_slug",
    "row_force_name",
    "row_status",
    "row_status_since",
    "row_last_note",
    "addressees_json",
    "owed_by_forces",
    "is_for_policing_bodies",
    "carried_forward_from_id",
    "superseded_by_id",
)


def finding_csv_columns() -> list[Column]:
    return [Column(name) for name in FINDING_COLUMNS]


def _guard(text: str | None) -> str | None:
    """peel_tracker.exports.neutralise for a text column (or None)."""
    return "'" + text if text and text.startswith(FORMULA_PREFIXES) else text


def _joined_list(raw: str | None) -> str:
    """A JSON list of words as the serializer's ListField of CharField, then the renderer,
    write it: each item as text, joined with "; ", guarded."""
    return _guard("; ".join(map(str, json.loads(raw)))) if raw else ""


def finding_csv_rows(queryset: QuerySet, *, finding_url: Callable[[int], str]) -> Iterator[tuple]:
    """The rows of `queryset` (finding rows, as selectors.finding_rows) as FINDING_COLUMNS,
    streamed and guarded (csv_response(guarded=True)), with one query per CHUNK_ROWS rows for
    their themes. Only the columns that hold free text are guarded: the others are numbers,
    dates, ISO dates of reduced precision or the choices' fixed values and labels."""
    # The addressees read as their JSON text and decoded once per distinct list: decoding a
    # JSON value for every row was a fifth of the time, and a few lists recur everywhere.
    rows = queryset.annotate(addressees_json=Cast("addressees", output_field=TextField()))
    values = streamed_values(rows, FINDING_VALUES, CHUNK_ROWS)
    addressees_of: dict[str | None, str] = {}
    while chunk := list(islice(values, CHUNK_ROWS)):
        themes = selectors.finding_theme_lists({row[0] for row in chunk})
        last_pk = None
        for (
            pk,
            report_id,
            title,
            report_kind,
            published_on,
            precision,
            status_pk,
            kind,
            reference,
            text,
            area_id,
            area_name,
            force_slug,
            force_name,
            status,
            status_since,
            last_note,
            addressees,
            owed_by_forces,
            for_bodies,
            earlier_id,
            superseded_id,
        ) in chunk:
            if pk != last_pk:
                # A finding's rows (one per force) come together in every order the list
                # offers but the sorts by force, status and age: what is the finding's is
                # worked out once for them.
                last_pk = pk
                kind_label = KIND_LABELS[kind]
                joined = addressees_of.get(addressees)
                if joined is None:
                    joined = addressees_of[addressees] = _joined_list(addressees)
                head = (
                    report_id,
                    _guard(title),
                    report_kind,
                    published_on,
                    precision,
                    published_as_iso(published_on, precision),
                    pk,
                )
                middle = (
                    _guard(numbered_label(kind_label, reference)),
                    kind,
                    kind_label,
                    _guard(reference),
                    _guard(text),
                    area_id,
                    _guard(area_name),
                )
                tail = (
                    _guard("; ".join(themes.get(pk, ()))),
                    joined,
                    owed_by_forces,
                    "true" if for_bodies else "false",
                    earlier_id,
                    superseded_id,
                    finding_url(pk),
                )
            yield (
                *head,
                status_pk,
                *middle,
                # _guard written out: these three are looked at on every row.
                "'" + force_slug
                if force_slug and force_slug.startswith(FORMULA_PREFIXES)
                else force_slug,
                "'" + force_name
                if force_name and force_name.startswith(FORMULA_PREFIXES)
                else force_name,
                status,
                STATUS_LABELS.get(status),
                status_since,
                "'" + last_note
                if last_note and last_note.startswith(FORMULA_PREFIXES)
                else last_note,
                *tail,
            )
