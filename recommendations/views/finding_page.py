"""A finding's page: its statuses with their history, who owes it, its lineage."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from recommendations import obligations, selectors
from recommendations.models import Finding, FindingStatus
from recommendations.page_cache import render_page
from recommendations.watch_button import watch_button


@login_required
@permission_required("recommendations.view_finding", raise_exception=True)
@require_safe
def finding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_page(
        request,
        "recommendations/finding_detail.html",
        lambda version: _finding_context(request, pk),
        # The user's own watch button (their state, their CSRF token): never kept.
        per_request=lambda: {"watch_button": watch_button(request, finding=Finding(pk=pk))},
    )


def _may_record_status(request: HttpRequest, status: FindingStatus) -> bool:
    """Whether the admin would let this user record a new status for this force (or national
    body): the admin's own rules, not a second copy of them. The site's (an active staff
    account) and FindingStatusAdmin's: the permission to change statuses, and
    ForceScopedAdminMixin's force scoping (an OPCC editor's forces; administrators every force
    and the national bodies). No queries of its own: the user's permissions and forces are read
    once per request and kept on the user, and the key the page is kept under names them
    (recommendations.page_cache.user_access), so it is never shown to anyone else."""
    model_admin = admin.site.get_model_admin(FindingStatus)
    return admin.site.has_permission(request) and model_admin.has_change_permission(request, status)


def _finding_context(request: HttpRequest, pk: int) -> dict:
    finding = get_object_or_404(selectors.finding_page_queryset(), pk=pk)
    statuses = list(finding.statuses.all())
    for status in statuses:
        status.entries = list(status.history.all())
        status.may_record = _may_record_status(request, status)
    context = {
        "active_section": "findings",
        "finding": finding,
        "statuses": statuses,
        "owed_by": obligations.describe(
            owed_by_forces=finding.owed_by_forces,
            is_for_policing_bodies=finding.is_for_policing_bodies,
            report_force_name=finding.inspection.force.name if finding.inspection.force else None,
            named_force_names=[force.name for force in finding.named_forces.all()],
            national_body_names=[body.name for body in finding.national_bodies.all()],
        ),
        "themes": list(finding.themes.all()),
        "children": list(finding.recommendations.all()),
        "carried_forward_to": list(finding.carried_forward_to.all()),
        "supersedes": list(finding.supersedes.all()),
    }
    return context
