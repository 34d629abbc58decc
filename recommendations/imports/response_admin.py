"""The admin's "Import a report" page, for a PCC response: not a new report. Step 1 shows which
recorded report it answers and each quoted finding beside the recorded one it matches, with the
document's answer in an editable box; step 2 saves the answers as the explanations of the
force's response (recommendations.imports.responses), nothing else."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from inspections.access import can_edit_force
from inspections.models import Force, Inspection
from inspections.report_reader import ParsedReport
from peel_tracker.text import counted, plural
from recommendations import selectors
from recommendations.imports.forms import UploadForm
from recommendations.imports.responses import (
    QuotedFinding,
    ResponseProposal,
    response_explanations_import,
    response_proposal_from_parsed,
)

TEMPLATE = "admin/inspections/import_response.html"


def response_review(
    request: HttpRequest, form: UploadForm, parsed: ParsedReport, context: dict
) -> HttpResponse | None:
    """The review page, or None with the reason added to the upload form (no recorded report,
    nothing to attach, nothing matched)."""
    proposal = response_proposal_from_parsed(
        parsed=parsed, force=form.cleaned_data["force"], title=form.cleaned_data["title"] or None
    )
    problem = proposal.refusal()
    if problem:
        form.add_error(None, f"{proposal.summary()} {problem}")
        return None
    return _render(request, context, proposal)


def _render(request: HttpRequest, context: dict, proposal: ResponseProposal, errors=()):
    return render(
        request,
        TEMPLATE,
        {
            **context,
            "proposal": proposal,
            "may_save": can_edit_force(request.user, proposal.force.pk),
            "errors": list(errors),
        },
    )


def response_confirm(request: HttpRequest, model_admin: ModelAdmin, context: dict) -> HttpResponse:
    """Save the answers kept on the review page as the response's explanations."""
    force = get_object_or_404(Force, pk=request.POST.get("force") or None)
    report = get_object_or_404(Inspection, pk=request.POST.get("report") or None)
    ids, texts = request.POST.getlist("finding"), request.POST.getlist("explanation")
    findings = selectors.findings_by_id(ids)
    quoted = [
        QuotedFinding(
            kind=findings[int(value)].kind,
            text=findings[int(value)].text,
            finding=findings[int(value)],
            score=1.0,
            explanation=text,
        )
        for value, text in zip(ids, texts, strict=False)
        if value.isdigit() and int(value) in findings
    ]
    proposal = ResponseProposal(
        force=force,
        responds_to=report.title,
        recognised="",
        report=report,
        response=selectors.force_response(inspection=report, force=force),
        quoted=quoted,
    )
    try:
        saved = response_explanations_import(proposal=proposal, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        problems = error.messages if isinstance(error, ValidationError) else [str(error)]
        return _render(request, context, proposal, problems)
    model_admin.message_user(
        request,
        f"Saved {counted(len(saved.created), 'explanation')} on {proposal.response}; "
        f"{counted(saved.already_explained, 'finding')} "
        f"{plural(saved.already_explained, 'was', 'were')} already explained. No findings were "
        "created and the response was not marked published.",
        messages.SUCCESS,
    )
    return HttpResponseRedirect(
        reverse("admin:recommendations_response_change", args=[proposal.response.pk])
    )
