"""The admin's lists (changelists) answer any query string without a server error.

Django's admin turns a query string it cannot use into its "?e=1" error page (a redirect, then
"Database error" with a link back), through IncorrectLookupParameters. Three kinds of
hostile query string escaped that and gave HTTP 500 (found by tests/test_fuzz_queries.py):

- a date hierarchy year at the edge of or past what a date can hold: `?due_on__year=9999`
  (the year after it does not exist) or `?due_on__year=99999999999999999999` (OverflowError).
  Django ticket #37357, fixed after 5.2;
- on SQLite, an integer past 64 bits for a relation: `?framework=99999999999999999999` (the
  driver cannot bind it: OverflowError when the list is counted). Django answers this for
  integer fields (ticket #27397) but not for foreign keys. PostgreSQL compares it and finds
  nothing;
- on PostgreSQL, a NUL character in any filter or in the search: `?status__exact=a%00b`,
  `?q=a%00b` (DataError: "PostgreSQL text fields cannot contain NUL (0x00) bytes"). No stored
  text holds one (Django's forms refuse them), so such a list could show nothing anyway.

Every ModelAdmin registered includes ChangeListMixin (tests/test_fuzz_queries.py checks it), so
each of them answers the error page instead (tests/test_admin_lists.py).
"""

import datetime

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList as DjangoChangeList
from django.http import HttpRequest, QueryDict


def _check_date_hierarchy(query: QueryDict, field: str) -> None:
    """The day, month or year the date hierarchy asks for, and the one after it (the list
    shows one up to the start of the next), as Django's ChangeList.get_filters works them out,
    with the errors it lets through (ValueError for the next one, OverflowError) refused."""
    year = query.get(f"{field}__year")
    if year is None:
        return
    month, day = query.get(f"{field}__month"), query.get(f"{field}__day")
    try:
        start = datetime.date(
            int(year), int(month if month is not None else 1), int(day if day is not None else 1)
        )
        if day:
            start + datetime.timedelta(days=1)
        elif month:
            start + datetime.timedelta(days=32)
        else:
            start.replace(year=start.year + 1)
    except (ValueError, OverflowError) as error:
        raise IncorrectLookupParameters(error) from error


class ChangeList(DjangoChangeList):
    def get_filters(self, request: HttpRequest):
        # Every parameter, the search included: get_filters runs before the search is applied.
        if any("\x00" in text for name, values in request.GET.lists() for text in (name, *values)):
            raise IncorrectLookupParameters("A NUL character cannot be searched or filtered for.")
        if self.date_hierarchy:
            _check_date_hierarchy(request.GET, self.date_hierarchy)
        return super().get_filters(request)

    def get_results(self, request: HttpRequest) -> None:
        try:
            super().get_results(request)
        except OverflowError as error:
            # SQLite's driver refusing an integer past 64 bits: a value no row can have.
            raise IncorrectLookupParameters(error) from error


class ChangeListMixin:
    """For every ModelAdmin: its list uses the ChangeList above."""

    def get_changelist(self, request: HttpRequest, **kwargs) -> type[DjangoChangeList]:
        return ChangeList
