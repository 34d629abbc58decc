"""Cursor pagination over the order the page itself uses.

DRF's CursorPagination takes its position from the first ordering field alone (with an offset
for ties), needs plain field names, and compares with `<`/`>`, which never reaches a NULL. The
pages' orders are not like that: the findings list sorts by the report's date with undated
reports last, then by title, report, position, force (a COALESCE of the status's force or body
and the report's force) and status id; a sort may be a CASE (status, kind). So this subclass
keeps DRF's cursor format, links, parameters and response shape, and replaces the position
with a keyset over every term of the queryset's own ORDER BY: each term is annotated on the
rows, the cursor holds the values of the last (or first) row shown, and the next page is the
rows after it in that order, NULLs placed where the order puts them. The pages' orders all end
with a unique tie-break (the findings' status id, the tracker's response id, an entry's id),
so no row repeats or is skipped between pages, even as rows are added or change.

One query per page, no COUNT (a BI tool follows `next` until it is null)."""

import json
from base64 import b64decode, b64encode
from hashlib import sha256

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Expression, F, OrderBy, Q, QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.response import Response

ALIAS = "cursor_key_{}"


def order_terms(queryset: QuerySet) -> list[OrderBy]:
    """The queryset's ORDER BY as OrderBy expressions (a name "-x" becomes F("x").desc())."""
    terms = []
    for term in queryset.query.order_by:
        if isinstance(term, str):
            if term == "?":
                raise ValueError("A random order cannot be paginated by a cursor.")
            name = term.lstrip("-")
            terms.append(F(name).desc() if term.startswith("-") else F(name).asc())
        elif isinstance(term, OrderBy):
            terms.append(term)
        elif isinstance(term, Expression | F):
            terms.append(term.asc())
        else:  # pragma: no cover - Django gives only the kinds above
            raise ValueError(f"Cannot read the order term {term!r}.")
    if not terms:
        raise ValueError("A cursor needs an ordered queryset.")
    return terms


def _nulls_last(term: OrderBy) -> bool:
    """Whether this term puts NULLs after every value: as stated, else the database's way
    (PostgreSQL: NULL is larger than any value; SQLite: smaller)."""
    if term.nulls_last:
        return True
    if term.nulls_first:
        return False
    return connection.features.nulls_order_largest != term.descending


def _after(alias: str, term: OrderBy, value) -> Q | None:
    """The rows strictly after `value` in this term's order (None: none can be)."""
    nulls_last = _nulls_last(term)
    if value is None:
        return None if nulls_last else Q(**{f"{alias}__isnull": False})
    after = Q(**{f"{alias}__lt" if term.descending else f"{alias}__gt": value})
    return after | Q(**{f"{alias}__isnull": True}) if nulls_last else after


def _equal(alias: str, value) -> Q:
    return Q(**{f"{alias}__isnull": True}) if value is None else Q(**{alias: value})


def rows_after(terms: list[OrderBy], values: list) -> Q:
    """Rows after the row whose keys are `values`, in the lexicographic order of the terms:
    (k0 after v0) or (k0 = v0 and k1 after v1) or … ."""
    condition = Q(pk__in=[])  # nothing, if no term can move on
    for index, (term, value) in enumerate(zip(terms, values, strict=True)):
        after = _after(ALIAS.format(index), term, value)
        if after is None:
            continue
        for earlier, earlier_value in enumerate(values[:index]):
            after &= _equal(ALIAS.format(earlier), earlier_value)
        condition |= after
    return condition


def _plain(value):
    """A key value as JSON holds it (dates and times as ISO 8601, which the lookups parse)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


class KeysetCursorPagination(CursorPagination):
    """`cursor` (opaque; from `next` or `previous`) and `page_size` (default 100, at most
    1000). The order is the queryset's, as the page's filters and `sort` left it."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    ordering = None  # the queryset's own (see the module's docstring)

    def paginate_queryset(self, queryset: QuerySet, request, view=None) -> list:
        self.request = request
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        self.cursor = self.decode_cursor(request)
        terms = order_terms(queryset)
        self.order_signature = sha256(repr(terms).encode()).hexdigest()[:12]
        keyed = queryset.annotate(
            **{ALIAS.format(index): term.expression for index, term in enumerate(terms)}
        )
        reverse = self.cursor is not None and self.cursor.reverse
        if reverse:
            # The mirror order (each term flipped, NULLs too): the rows before the cursor.
            keyed = keyed.reverse()
            terms = [term.copy() for term in terms]
            for term in terms:
                term.reverse_ordering()
        try:
            if self.cursor is not None:
                keyed = keyed.filter(rows_after(terms, self._position_values(len(terms))))
            rows = list(keyed[: self.page_size + 1])
        except (ValidationError, ValueError, TypeError) as error:
            raise NotFound(self.invalid_cursor_message) from error
        more = len(rows) > self.page_size
        rows = rows[: self.page_size]
        if reverse:
            rows.reverse()
            self.has_next, self.has_previous = True, more
        else:
            self.has_next, self.has_previous = more, self.cursor is not None
        self.key_count = len(terms)
        self.page = rows
        return rows

    def _position_values(self, count: int) -> list:
        try:
            position = json.loads(b64decode(self.cursor.position.encode()))
            signature, values = position["order"], position["keys"]
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise NotFound(self.invalid_cursor_message) from error
        # A cursor belongs to one order: another `sort` (or another version of the API's
        # order) would read its values against the wrong terms.
        if (
            signature != self.order_signature
            or not isinstance(values, list)
            or len(values) != count
        ):
            raise NotFound(self.invalid_cursor_message)
        return values

    def _link(self, row, *, reverse: bool) -> str:
        values = [_plain(getattr(row, ALIAS.format(index))) for index in range(self.key_count)]
        position = json.dumps({"order": self.order_signature, "keys": values}).encode()
        return self.encode_cursor(
            Cursor(offset=0, reverse=reverse, position=b64encode(position).decode())
        )

    def get_next_link(self) -> str | None:
        if not self.has_next or not self.page:
            return None
        return self._link(self.page[-1], reverse=False)

    def get_previous_link(self) -> str | None:
        if not self.has_previous or not self.page:
            return None
        return self._link(self.page[0], reverse=True)

    def get_paginated_response(self, data) -> Response:
        response = super().get_paginated_response(data)
        # The same links as RFC 8288 headers, for clients of the CSV (which has no envelope).
        links = [
            f'<{url}>; rel="{rel}"'
            for rel, url in (("next", response.data["next"]), ("prev", response.data["previous"]))
            if url
        ]
        if links:
            response["Link"] = ", ".join(links)
        return response
