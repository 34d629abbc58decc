"""Reads of saved views: those a person may open, one by its id (or nothing, so the page can
404 without saying it exists), and a page's query string as a view stores it, with the page's
own verdict on it."""

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.text import Truncator

from recommendations.filters.query import finding_query_pairs, tracker_query_pairs
from recommendations.models import SavedView
from recommendations.selectors.findings import finding_filter
from recommendations.selectors.tracker import tracker_filter

# The permission each page asks (its permission_required): a saved view of a page is opened,
# exported and read through the API only by those who may open the page.
PAGE_PERMISSIONS = {
    SavedView.Page.FINDINGS: "recommendations.view_finding",
    SavedView.Page.TRACKER: "recommendations.view_response",
}


def saved_views_visible(*, user: User | AnonymousUser) -> QuerySet[SavedView]:
    """The views a person may open (SavedView.objects.visible_to), A to Z, with their owner
    and force for the lists. One query, whatever their number."""
    return SavedView.objects.visible_to(user).select_related("owner", "force")


def saved_view_visible(*, pk: int | str, user: User | AnonymousUser) -> SavedView | None:
    """The view with this id if the person may open it, else None (whether it exists or not).
    One query."""
    if not str(pk).isdigit() or len(str(pk)) > 18:  # no id is that long; the database agrees
        return None
    return saved_views_visible(user=user).filter(pk=pk).first()


def normalised_query(*, page: str, params: QueryDict) -> str:
    """The page's query string as a view stores it: its filters and sort in the page's own
    order, each value once, without `page` and parameters the page does not read. The page
    gives exactly the same rows for it as for `params`."""
    pairs = (
        finding_query_pairs(params)
        if page == SavedView.Page.FINDINGS
        else tracker_query_pairs(params)
    )
    return urlencode(pairs)


def page_filterset(*, page: str, params: QueryDict, today: date):
    """The page's own FilterSet for these parameters (its rows, its validation)."""
    if page == SavedView.Page.FINDINGS:
        return finding_filter(params)
    return tracker_filter(params, today=today)


def query_problems(*, page: str, params: QueryDict, today: date) -> list[str]:
    """What the page would say is wrong with these parameters, as sentences (empty if the page
    shows its rows for them)."""
    filterset = page_filterset(page=page, params=params, today=today)
    if filterset.is_valid():
        return []
    problems = []
    for name, messages in filterset.errors.items():
        field = filterset.form.fields.get(name)
        label = f"{field.label}: " if field is not None and field.label else ""
        # A message may echo a very long value back: cut to a readable length.
        problems.extend(Truncator(f"{label}{message}").chars(200) for message in messages)
    return problems
