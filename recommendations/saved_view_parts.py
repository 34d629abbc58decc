"""What pages show of saved views that is one person's alone: the dashboard's list of their
views, and on the findings list or the tracker the name of the saved view they opened. Both
are rendered for each request and put into the page after its cache (peel_tracker.page_cache,
`per_request`): a page is kept per access (forces and permissions), and two people with the same
access see different saved views."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from recommendations import selectors
from recommendations.watch_button import watch_button

DASHBOARD_SHOWN = 10


def dashboard_saved_views(request: HttpRequest) -> dict[str, str]:
    """The person's own views and those shared with them, the first DASHBOARD_SHOWN A to Z (one
    more is read to know whether there are others). One query, whatever their number."""
    views = list(selectors.saved_views_visible(user=request.user)[: DASHBOARD_SHOWN + 1])
    html = render_to_string(
        "recommendations/_saved_views_dashboard.html",
        {"views": views[:DASHBOARD_SHOWN], "more": len(views) > DASHBOARD_SHOWN},
        request,
    )
    return {"saved_views": html}


def opened_saved_view(request: HttpRequest, page: str) -> dict[str, str]:
    """For the findings list or the tracker: when opened from a saved view (`view=<id>`, which
    the view's address adds), its name, owner and addresses, and whether the filters shown are
    still the view's, and the person's button to watch it. Nothing if the person may not open
    that view. Two queries when `view` is given, none otherwise."""
    pk = request.GET.get("view", "")
    view = selectors.saved_view_visible(pk=pk, user=request.user) if pk else None
    if view is None or view.page != page:
        return {"saved_view": ""}
    current = selectors.normalised_query(page=page, params=request.GET)
    html = render_to_string(
        "recommendations/_saved_view_banner.html",
        {
            "view": view,
            "is_owner": view.is_owned_by(request.user),
            "changed": current != view.query,
            "current_query": current,
            "watch_button": watch_button(request, saved_view=view),
        },
        request,
    )
    return {"saved_view": html}
