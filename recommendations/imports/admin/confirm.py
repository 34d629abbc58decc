"""The confirmation: the reviewed proposal checked and saved in one transaction."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from peel_tracker.text import counted
from recommendations import selectors
from recommendations.imports.admin.review import (
    PREFIXES,
    candidate_label,
    duplicate_html,
    review_forms,
    review_response,
)
from recommendations.imports.forms import ReportDetailsForm
from recommendations.imports.services import (
    ProposedFinding,
    ProposedJudgment,
    lineage_eligible,
    report_find_existing,
    report_import,
)


def confirm_import(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    details = ReportDetailsForm(request.POST, user=request.user, prefix=PREFIXES["details"])
    new_areas = details.new_area_names()
    if not details.is_valid():
        framework = None
        eligible_ids: set[int] = set()
        labels: dict[int, str] = {}
    else:
        framework = details.cleaned_data["framework"]
        eligible = lineage_eligible(
            force=details.cleaned_data["force"], published_on=details.cleaned_data["published_on"]
        )
        eligible_ids = {f.pk for f in eligible}
        labels = {f.pk: candidate_label(f) for f in eligible}
    judgments, findings = review_forms(
        request,
        details=details,
        framework=framework,
        new_areas=new_areas,
        labels=labels,
        eligible_ids=eligible_ids,
        data=request.POST,
    )
    if not (details.is_valid() and judgments.is_valid() and findings.is_valid()):
        return review_response(
            request, model_admin, details, framework, new_areas, judgments, findings
        )

    proposed_judgments = [
        ProposedJudgment(
            area=form.cleaned_data["area"],
            grade=form.cleaned_data["grade"],
            section=form.cleaned_data.get("section") or "",
            is_carried_forward=bool(form.cleaned_data.get("is_carried_forward")),
        )
        for form in judgments.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE")
    ]
    kept = [
        form
        for form in findings.forms
        if form.has_changed() and not form.cleaned_data.get("DELETE")
    ]
    earlier = selectors.findings_by_id(
        [
            form.cleaned_data["carried_forward_from"]
            for form in kept
            if form.cleaned_data.get("carried_forward_from")
        ]
    )
    proposed_findings = []
    for number, form in enumerate(kept):
        data = form.cleaned_data
        meta = form.meta_values()
        key = meta["key"] if meta["key"] is not None else -1 - number
        proposed_findings.append(
            ProposedFinding(
                kind=data["kind"],
                text=data["text"],
                area=data.get("area") or "",
                reference=data.get("reference") or "",
                addressees=data.get("addressees") or [],
                deadline=data.get("deadline") or "",
                section=meta["section"],
                remains_from_earlier=meta["remains_from_earlier"],
                cause_of_concern=meta["cause_of_concern"],
                carried_forward_from=earlier.get(data.get("carried_forward_from")),
                key=key,
            )
        )
    cleaned = details.cleaned_data
    try:
        inspection = report_import(
            force=cleaned["force"],
            title=cleaned["title"],
            kind=cleaned["kind"],
            framework=framework,
            published_on=cleaned["published_on"],
            published_precision=cleaned["published_precision"],
            source_document=cleaned["source_document"],
            judgments=proposed_judgments,
            findings=proposed_findings,
            user=request.user,
        )
    except ValidationError as error:
        existing = report_find_existing(
            force=cleaned["force"],
            title=cleaned["title"],
            published_on=cleaned["published_on"],
            kind=cleaned["kind"],
        )
        problems = [duplicate_html(existing, cleaned["force"])] if existing else error.messages
        return review_response(
            request,
            model_admin,
            details,
            framework,
            new_areas,
            judgments,
            findings,
            errors=problems,
        )
    model_admin.message_user(
        request,
        f"Imported “{inspection.title}”: {counted(len(proposed_judgments), 'grade')} and "
        f"{counted(len(proposed_findings), 'finding')}; their statuses and the response owed "
        "are open.",
        messages.SUCCESS,
    )
    return HttpResponseRedirect(
        reverse("admin:inspections_inspection_change", args=[inspection.pk])
    )
