"""Pages and CSV exports of the record, kept until the record changes: peel_tracker.page_cache
(the generic mechanism) given the record's version (recommendations.freshness) and the user's
access (inspections.access: the forces they may edit, which decides the edit links shown)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from inspections.access import editable_force_ids
from peel_tracker import page_cache
from recommendations.freshness import RecordVersion, record_version


def user_access(request: HttpRequest) -> str:
    """The forces the user may edit ("every force" for administrators)."""
    forces = editable_force_ids(request.user)
    return "every force" if forces is None else ",".join(map(str, sorted(forces)))


def render_page(
    request: HttpRequest, template_name: str, build_context: Callable[[RecordVersion], dict]
) -> HttpResponse:
    """peel_tracker.page_cache.render_page for this record and this user's access."""
    return page_cache.render_page(
        request, template_name, build_context, version=record_version, access=user_access
    )


def cached_export(
    request: HttpRequest, name: str, make_response: Callable[[], HttpResponse]
) -> HttpResponse:
    """peel_tracker.page_cache.cached_export for this record and this user's access."""
    return page_cache.cached_export(
        request, name, make_response, version=record_version, access=user_access
    )
