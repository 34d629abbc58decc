"""Reads of a force's page and a report's page that show findings and responses (their
summaries are in recommendations.selectors.overview; the report itself: inspections.selectors)."""

from django.db.models import QuerySet

from inspections.models import Force, Inspection, Judgment
from recommendations.models import Finding, Response


def force_responses(*, force: Force, limit: int) -> list[Response]:
    """The responses a force owes for its newest reports, at most `limit`, with the columns
    the force's page shows (a report's summary is long and not shown). One query."""
    return list(
        Response.objects.filter(force=force)
        .select_related("inspection")
        .only(
            "inspection_id",
            "force_id",
            "report_published_on",
            "regime",
            "due_earliest_on",
            "due_on",
            "is_published",
            "published_on",
            "published_url",
            "inspection__title",
            "inspection__kind",
            "inspection__published_on",
            "inspection__published_precision",
        )
        .order_by("-report_published_on", "inspection__title")[:limit]
    )


def report_findings(*, inspection: Inspection) -> list[Finding]:
    """A report's findings with their areas, by area in the framework's order (no area last),
    then by kind (causes of concern first), then in report order. One query."""
    kind_order = {kind: index for index, kind in enumerate(Finding.Kind.values)}
    return sorted(
        inspection.findings.select_related("area"),
        key=lambda f: (
            f.area.position if f.area else 10_000,
            f.area_id or 0,
            kind_order[f.kind],
            f.position,
        ),
    )


def explainable_findings(*, inspection_id: int | None) -> QuerySet[Finding]:
    """The findings of a report that a response may explain (causes of concern,
    recommendations, AFIs), in report order (lazy)."""
    return Finding.objects.filter(
        inspection_id=inspection_id, kind__in=Finding.TRACKABLE_KINDS
    ).order_by("position")


def response_unexplained_findings(*, response: Response) -> list[Finding]:
    """The report's recommendations and AFIs with no explanation in this response, in report
    order. One query."""
    return list(
        Finding.objects.filter(
            inspection_id=response.inspection_id,
            kind__in=[Finding.Kind.RECOMMENDATION, Finding.Kind.AFI],
        )
        .exclude(explanations__response=response)
        .order_by("position")
    )


def report_judgments(*, inspection: Inspection) -> QuerySet[Judgment]:
    """A report's grades with their areas, in the framework's order (lazy: one query when
    read)."""
    return inspection.judgments.select_related("area").order_by("area__position")


def report_responses(*, inspection: Inspection) -> QuerySet[Response]:
    """The responses a report is owed, forces A to Z (lazy: one query when read)."""
    return (
        Response.objects.filter(inspection=inspection)
        .select_related("force")
        .order_by("force__name")
    )


def findings_by_id(ids: list) -> dict[int, Finding]:
    """The findings with these primary keys, by key (ids that are not whole numbers are
    ignored: they come from a posted form). One query."""
    return Finding.objects.in_bulk([int(value) for value in ids if str(value).isdigit()])


def force_response(*, inspection: Inspection, force: Force) -> Response | None:
    """A force's response to a report, if its row exists. One query."""
    return Response.objects.filter(inspection=inspection, force=force).first()
