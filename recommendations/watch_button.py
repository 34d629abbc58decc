"""One person's button to watch or stop watching a finding or a saved view, rendered for each
request (it carries their CSRF token and their state): the finding page and a saved view's
banner put it in after the page cache (render_page's `per_request`)."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from recommendations import selectors
from recommendations.models import Finding, SavedView


def watch_button(
    request: HttpRequest, *, finding: Finding | None = None, saved_view: SavedView | None = None
) -> str:
    """The user's own watch button for a finding or a saved view, as HTML (it carries their
    CSRF token: never kept in the page cache; the finding page passes it as a per-request
    part). The saved views' pages can show it the same way, or include
    recommendations/_watch_button.html with this context. One query."""
    if finding is not None:
        args, subject, kind = [finding.pk], "finding", "finding"
        watching = selectors.is_watching(user=request.user, finding_id=finding.pk)
    else:
        args, subject, kind = [saved_view.pk], "saved view", "view"
        watching = selectors.is_watching(user=request.user, saved_view_id=saved_view.pk)
    return render_to_string(
        "recommendations/_watch_button.html",
        {
            "watching": watching,
            "subject": subject,
            "action": reverse(f"watching:{kind}_{'unwatch' if watching else 'watch'}", args=args),
            "next": request.get_full_path(),
        },
        request,
    )
