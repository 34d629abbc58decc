from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from inspections import selectors as inspection_selectors
from inspections.charts import horizontal_bar_chart
from inspections.models import NON_GRADES, Force, Grade
from recommendations import selectors
from recommendations.freshness import RecordVersion, cached
from recommendations.models import Finding
from recommendations.page_cache import render_page
from recommendations.saved_view_parts import dashboard_saved_views

FORCE_RESPONSES_SHOWN = 50


@login_required
@permission_required("inspections.view_inspection", raise_exception=True)
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "inspections/dashboard.html",
        _dashboard_context,
        per_request=lambda: dashboard_saved_views(request),
    )


def _dashboard_context(version: RecordVersion) -> dict:
    today = timezone.localdate()
    summary = selectors.national_summary(version)
    by_force, by_kind, per_year = summary["by_force"], summary["by_kind"], summary["per_year"]
    context = {
        "active_section": "dashboard",
        "today": today,
        "by_force": by_force,
        "by_force_chart": horizontal_bar_chart(
            "Open findings by force",
            [row["force__name"] for row in by_force],
            {"Open findings": [row["count"] for row in by_force]},
        ),
        "by_kind": by_kind,
        "by_kind_chart": horizontal_bar_chart(
            "Open findings by kind",
            [row["label"] for row in by_kind],
            {"Open findings": [row["count"] for row in by_kind]},
        ),
        "per_year": per_year,
        "per_year_chart": horizontal_bar_chart(
            "Findings opened and closed per year",
            [str(row["year"]) for row in per_year],
            {
                "Opened": [row["opened"] for row in per_year],
                "Closed": [row["closed"] for row in per_year],
            },
        ),
        "oldest_open": selectors.oldest_open_findings(),
        "responses": selectors.responses_due(today),
    }
    return context


@login_required
@permission_required("inspections.view_inspection", raise_exception=True)
@require_safe
def force_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render_page(
        request, "inspections/force_detail.html", lambda version: _force_context(slug, version)
    )


def _force_context(slug: str, version: RecordVersion) -> dict:
    force = get_object_or_404(Force, slug=slug)
    responses = selectors.force_responses(force=force, limit=FORCE_RESPONSES_SHOWN + 1)
    context = {
        "active_section": "findings",
        "force": force,
        "grades_html": _force_grades_html(force, version),
        "open_by_area": selectors.open_findings_by_area(force, version),
        # The newest reports only (one more is read to know whether there are others): a
        # force owes thousands of responses at national scale; the tracker lists them all.
        "responses": responses[:FORCE_RESPONSES_SHOWN],
        "more_responses": len(responses) > FORCE_RESPONSES_SHOWN,
    }
    return context


def _force_grades_html(force: Force, version: RecordVersion) -> str:
    """The grades section of a force's page (matrices, chart and its table), rendered once and
    kept until the reports or the rest of the record but statuses change: a force has some 800
    grades at national scale, and rendering them was half of the page's time. It shows
    reports, grades, areas and the force's name; the last two change only in the admin, whose
    log is in RecordVersion.others. One query when not cached."""

    def build() -> str:
        matrices = selectors.grade_matrices(force)
        grade_counts = selectors.grade_counts(matrices)
        # Only real grades are charted; "ungraded" and "not yet graded" are in the matrix.
        awarded = {grade for row in grade_counts for grade in row["counts"]}
        grades = [grade for grade in Grade if grade in awarded and grade not in NON_GRADES]
        chart = horizontal_bar_chart(
            f"Grades awarded to {force.name} in each report",
            [row["inspection"]["title"] for row in grade_counts],
            {
                grade.label: [row["counts"].get(grade, 0) for row in grade_counts]
                for grade in grades
            },
        )
        return render_to_string(
            "inspections/_force_grades.html",
            {
                "force": force,
                "matrices": matrices,
                "grade_counts": grade_counts,
                "grades": grades,
                "grades_chart": chart,
            },
        )

    html = cached(f"force-grades\0{force.pk}", (version.reports, version.others), build)
    return mark_safe(html)  # rendered above by the template engine, which escaped every text


@login_required
@permission_required("inspections.view_inspection", raise_exception=True)
@require_safe
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_page(
        request, "inspections/inspection_detail.html", lambda version: _inspection_context(pk)
    )


def _inspection_context(pk: int) -> dict:
    inspection = get_object_or_404(inspection_selectors.report_page_queryset(), pk=pk)
    # Grouped by area in the framework's order, then by kind (causes of concern first), then in
    # report order.
    findings = selectors.report_findings(inspection=inspection)
    summary = selectors.finding_status_summary(inspection)
    groups: dict[str, dict[str, list]] = {}
    for finding in findings:
        finding.status_counts = summary.get(finding.pk, {})
        area = finding.area.name if finding.area else "No area"
        groups.setdefault(area, {}).setdefault(finding.get_kind_display(), []).append(finding)
    context = {
        "active_section": "findings",
        "inspection": inspection,
        "judgments": selectors.report_judgments(inspection=inspection),
        "groups": groups,
        "finding_count": sum(len(f) for kinds in groups.values() for f in kinds.values()),
        "responses": selectors.report_responses(inspection=inspection),
        "kinds": Finding.Kind,
        "statuses_open": ("awaiting_review", "being_progressed"),
    }
    return context
