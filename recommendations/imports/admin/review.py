"""Step 2: the proposal shown for review, as forms staff correct."""

from __future__ import annotations

import json

from django.contrib.admin import ModelAdmin
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html

from inspections import selectors as inspections_selectors
from inspections.models import Framework, Inspection, document_name
from inspections.report_reader import ParsedReport
from recommendations.imports.forms import (
    FindingFormSet,
    JudgmentFormSet,
    ReportDetailsForm,
    UploadForm,
    area_choices,
    grade_choices,
)
from recommendations.imports.services import (
    STRONG_LINK,
    area_find,
    areas_missing,
    duplicate_message,
    lineage_eligible,
    lineage_proposals,
    proposal_from_parsed,
    report_find_existing,
)
from recommendations.models import Finding

PREFIXES = {"details": "report", "judgments": "judgments", "findings": "findings"}


def propose_import(request, form: UploadForm, parsed: ParsedReport, source: str) -> dict | None:
    data = form.cleaned_data
    if not parsed.findings:
        form.add_error(
            None,
            "No findings were found (no cause of concern, recommendation, area for improvement "
            "or good practice the reader recognises). Check that this is an inspection report "
            f"or a response to one. What the reader recognised: {parsed.recognised()}",
        )
        return None
    with_findings = parsed.reports_with_findings()
    if len(with_findings) > 1:
        titles = "; ".join(f"“{parsed.reports[n].title}”" for n in with_findings)
        form.add_error(
            None,
            f"This document holds findings of several reports ({titles}): import each on its own.",
        )
        return None
    force = data["force"]
    framework = data["framework"] or (inspections_selectors.framework_by_slug(parsed.framework))
    title = data["title"] or parsed.title or source
    if data["published_on"]:
        published, precision = data["published_on"], "day"
    else:
        published, precision = parsed.published, parsed.published_precision
    kind = data["kind"] or parsed.kind or ("peel_force" if framework else "other")
    allowed_kinds = [value for value, _ in form.fields["kind"].choices if value]
    if kind not in allowed_kinds:
        form.add_error(
            "kind",
            f"The report reads as a {dict(Inspection.Kind.choices)[kind].lower()}: national "
            "reports are recorded by an administrator. Choose another kind if this is your "
            "force's own report.",
        )
        return None
    existing = report_find_existing(force=force, title=title, published_on=published, kind=kind)
    if existing is not None:
        form.add_error(None, duplicate_html(existing, force))
        return None

    judgments, findings = proposal_from_parsed(parsed)
    names = [j.area for j in judgments] + [f.area for f in findings]
    new_areas = areas_missing(framework=framework, names=names)
    eligible = lineage_eligible(force=force, published_on=published)
    trackable = [f.kind in Finding.TRACKABLE_KINDS for f in findings]
    proposals = lineage_proposals(
        texts=[f.text if ok else "" for f, ok in zip(findings, trackable, strict=True)],
        eligible=eligible,
    )
    labels = {}
    finding_rows = []
    for finding, candidates in zip(findings, proposals, strict=True):
        for earlier, score in candidates:
            labels[earlier.pk] = f"{candidate_label(earlier)} (similarity {score:.2f})"
        linked = (
            candidates[0][0].pk
            if finding.remains_from_earlier and candidates and candidates[0][1] >= STRONG_LINK
            else None
        )
        meta = {
            "key": finding.key,
            "cause_of_concern": finding.cause_of_concern,
            "section": finding.section,
            "remains_from_earlier": finding.remains_from_earlier,
            "candidates": [earlier.pk for earlier, _ in candidates],
            "lines": list(finding.lines) if finding.lines else None,
            "source": finding.source,
            "confidence": finding.confidence,
        }
        finding_rows.append(
            {
                "meta": json.dumps(meta),
                "kind": finding.kind,
                "area": _area_value(framework, finding.area),
                "reference": finding.reference,
                "text": finding.text,
                "addressees": list(finding.addressees),
                "deadline": finding.deadline,
                "carried_forward_from": linked,
            }
        )
    judgment_rows = [
        {
            "area": _area_value(framework, j.area),
            "grade": j.grade,
            "section": j.section,
            "is_carried_forward": j.is_carried_forward,
        }
        for j in judgments
    ]
    details = {
        "force": force.pk,
        "framework": framework.pk if framework else None,
        "title": title,
        "kind": kind,
        "published_on": published,
        "published_precision": precision,
        "source_document": document_name(source)[:200],
        "new_areas": json.dumps(new_areas),
    }
    return {
        "details": ReportDetailsForm(
            initial=details, user=request.user, prefix=PREFIXES["details"]
        ),
        "framework": framework,
        "new_areas": new_areas,
        "judgment_rows": judgment_rows,
        "finding_rows": finding_rows,
        "labels": labels,
        "eligible_ids": {f.pk for f in eligible},
        "parsed": parsed,
    }


def _area_value(framework: Framework | None, name: str) -> str:
    if framework is None or not name:
        return ""
    area = area_find(framework=framework, name=name)
    return area.name if area is not None else name


def candidate_label(finding: Finding) -> str:
    inspection = finding.inspection
    return f"{inspection.title} ({inspection.published_display()}): {finding.headline}"


def duplicate_html(existing: Inspection, force) -> str:
    url = reverse("admin:inspections_inspection_change", args=[existing.pk])
    return format_html(
        '{} <a href="{}">Open the existing record</a>.', duplicate_message(existing, force), url
    )


def review_forms(
    request,
    *,
    details,
    framework,
    new_areas,
    judgment_rows=None,
    finding_rows=None,
    labels,
    eligible_ids,
    data=None,
):
    areas = area_choices(framework, new_areas)
    judgments = JudgmentFormSet(
        data,
        initial=judgment_rows,
        prefix=PREFIXES["judgments"],
        form_kwargs={"areas": areas, "grades": grade_choices(framework)},
    )
    findings = FindingFormSet(
        data,
        initial=finding_rows,
        prefix=PREFIXES["findings"],
        form_kwargs={"areas": areas, "candidate_labels": labels, "eligible_ids": eligible_ids},
    )
    return judgments, findings


def render_review(
    request,
    model_admin,
    *,
    details,
    framework,
    new_areas,
    labels,
    eligible_ids,
    judgment_rows=None,
    finding_rows=None,
    parsed=None,
    data=None,
    errors=None,
):
    judgments, findings = review_forms(
        request,
        details=details,
        framework=framework,
        new_areas=new_areas,
        judgment_rows=judgment_rows,
        finding_rows=finding_rows,
        labels=labels,
        eligible_ids=eligible_ids,
        data=data,
    )
    return review_response(
        request, model_admin, details, framework, new_areas, judgments, findings, parsed, errors
    )


def review_response(
    request,
    model_admin,
    details,
    framework,
    new_areas,
    judgments,
    findings,
    parsed=None,
    errors=None,
):
    context = {
        **admin_page_context(request, model_admin, "Check the proposal and confirm"),
        "details": details,
        "force": inspections_selectors.force_by_pk(details["force"].value()),
        "framework": framework,
        "new_areas": new_areas,
        "judgments": judgments,
        "findings": findings,
        "parsed": parsed,
        "errors": errors or [],
    }
    return render(request, "admin/inspections/import_review.html", context)


def admin_page_context(request: HttpRequest, model_admin: ModelAdmin, title: str) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
    }
