"""Pages and CSV exports of the record, kept until the record changes: peel_tracker.page_cache
(the generic mechanism) given the record's version (recommendations.freshness) and the user's
access (inspections.access: the forces they may edit, and their permissions, which decide the
edit links shown)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from inspections.access import scope_key
from peel_tracker import page_cache
from recommendations.freshness import RecordVersion, record_version


def user_access(request: HttpRequest) -> str:
    """What decides the edit links a page shows: the forces the user may edit ("every force"
    for administrators), and what the admin lets them do (an active staff account, their model
    permissions): the finding page links to the admin's status form only for those the admin
    would let record one (recommendations.views._may_record_status). No queries beyond the
    forces': the views check a permission first, which reads and keeps them all."""
    user = request.user
    return "\0".join(
        (
            scope_key(user),
            "staff" if user.is_active and user.is_staff else "",
            "superuser" if user.is_superuser else ",".join(sorted(user.get_all_permissions())),
        )
    )


def render_page(
    request: HttpRequest,
    template_name: str,
    build_context: Callable[[RecordVersion], dict],
    *,
    fresh: Callable[[HttpRequest], dict[str, str]] | None = None,
) -> HttpResponse:
    """peel_tracker.page_cache.render_page for this record and this user's access; `fresh`
    gives what is this user's alone (their saved views), put in after the cache."""
    return page_cache.render_page(
        request,
        template_name,
        build_context,
        version=record_version,
        access=user_access,
        fresh=fresh,
    )


def cached_export(
    request: HttpRequest, name: str, make_response: Callable[[], HttpResponse]
) -> HttpResponse:
    """peel_tracker.page_cache.cached_export for this record and this user's access."""
    return page_cache.cached_export(
        request, name, make_response, version=record_version, access=user_access
    )
