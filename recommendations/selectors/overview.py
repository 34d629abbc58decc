"""Read-only summaries for the dashboard, a force's page and a report's page. Each function
runs a fixed number of queries, whatever the number of rows."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear

from inspections.models import Force, Grade, Inspection, Judgment, published_as_stated
from recommendations.freshness import RecordVersion, cached
from recommendations.models import DUE_SOON_DAYS, Finding, FindingStatus, Response, ResponseState

OLDEST_OPEN_SHOWN = 10
RESPONSES_SHOWN = 20


def national_summary(version: RecordVersion) -> dict:
    """The dashboard's national counts: open findings by force and by kind, findings opened and
    closed per year. Each counts every status in the record (300,000 at national scale), so
    they are cached until the record changes (recommendations.freshness). Four queries, none
    when cached for this version of the record.

    Findings opened per year read no status value (which statuses there are, and their reports'
    dates), so they are kept under the version that ignores status values: recording a status,
    which OPCC staff do every week, leaves the costliest of the four counts (three tables
    joined) as it was, and only the three that read status values run again."""
    by_status = cached(
        "dashboard-status-counts",
        version,
        lambda: {
            "by_force": open_findings_by_force(),
            "by_kind": open_findings_by_kind(),
            "closed": findings_closed_per_year(),
        },
    )
    opened = cached(
        "dashboard-opened-per-year", version.ignoring_status_values(), findings_opened_per_year
    )
    closed = by_status["closed"]
    years = sorted(set(opened) | set(closed))
    return {
        "by_force": by_status["by_force"],
        "by_kind": by_status["by_kind"],
        "per_year": [
            {"year": y, "opened": opened.get(y, 0), "closed": closed.get(y, 0)} for y in years
        ],
    }


def open_findings_by_force() -> list[dict]:
    """Open findings per force, most first (national bodies' own are not a force's). One
    query: each force's count read from the partial index of open statuses by force
    (recs_findingstatus_open_force) alone, which at national scale takes a quarter of the time
    of joining 120,000 open statuses to their forces and grouping them by name."""
    open_statuses = (
        FindingStatus.objects.open()
        .filter(force=OuterRef("pk"))
        .order_by()
        .values("force")
        # COUNT(*), not of a column: PostgreSQL then counts within the index alone.
        .annotate(count=Count("*"))
        .values("count")
    )
    forces = (
        Force.objects.annotate(count=Subquery(open_statuses))
        .order_by(F("count").desc(nulls_last=True), "name")
        .values_list("slug", "name", "count")
    )
    return [
        {"force__slug": slug, "force__name": name, "count": count}
        for slug, name, count in forces
        if count
    ]


def open_findings_by_kind() -> list[dict]:
    """Open findings per kind, in the order of the kinds. One query."""
    counts = dict(
        FindingStatus.objects.open()
        .values_list("finding__kind")
        .annotate(count=Count("id"))
        .order_by()
    )
    return [
        {"kind": kind, "label": label, "count": counts[kind]}
        for kind, label in Finding.Kind.choices
        if kind in counts
    ]


def oldest_open_findings(limit: int = OLDEST_OPEN_SHOWN) -> list[FindingStatus]:
    """The findings open longest, oldest first. A finding is open since its current status
    took effect; with no status date recorded, since its report was published (it has been
    open at least that long), so an undated 2016 finding comes before one dated 2019. Each
    row gets `open_since`; unknown dates last. Two queries, the dated statuses in the order of
    their partial index (recs_findingstatus_open_age) and the undated ones by their report's
    date, each cut to `limit` before the two are merged."""
    statuses = FindingStatus.objects.open().with_related()
    dated = list(statuses.filter(status_since__isnull=False).order_by("status_since", "pk")[:limit])
    undated = list(
        statuses.filter(status_since__isnull=True).order_by(
            F("finding__inspection__published_on").asc(nulls_last=True), "pk"
        )[:limit]
    )
    for status in dated:
        status.open_since = status.status_since
    for status in undated:
        status.open_since = status.finding.inspection.published_on
    merged = sorted(
        dated + undated,
        key=lambda s: (s.open_since is None, s.open_since or datetime.date.max, s.pk),
    )
    return merged[:limit]


def findings_opened_per_year() -> dict[int, int]:
    """Per year, the findings opened: statuses opened by reports published that year. It reads
    no status value. One query."""
    return dict(
        FindingStatus.objects.filter(finding__inspection__published_on__isnull=False)
        .annotate(year=ExtractYear("finding__inspection__published_on"))
        .values_list("year")
        .annotate(count=Count("id"))
        .order_by()
    )


def findings_closed_per_year() -> dict[int, int]:
    """Per year, the findings closed: statuses whose current, closed status took effect that
    year. One query."""
    return dict(
        FindingStatus.objects.closed()
        .filter(status_since__isnull=False)
        .annotate(year=ExtractYear("status_since"))
        .values_list("year")
        .annotate(count=Count("id"))
        .order_by()
    )


@dataclass
class ResponsesDue:
    overdue: list[Response]
    overdue_count: int
    due_soon: list[Response]
    due_soon_count: int
    # The tracker's "due soon" window (recommendations.models.DUE_SOON_DAYS), for the wording.
    due_soon_days: int = DUE_SOON_DAYS


def responses_due(today: datetime.date, limit: int = RESPONSES_SHOWN) -> ResponsesDue:
    """Responses the tracker shows as overdue, and as due soon (due today or in the next
    DUE_SOON_DAYS days): the same states (Response.objects.with_state), so the dashboard and
    the tracker count the same responses. Three queries: the two counts together, then each
    list."""
    states = Response.objects.with_state(today)
    overdue, due_soon = Q(state=ResponseState.OVERDUE), Q(state=ResponseState.DUE_SOON)
    counts = states.aggregate(
        overdue=Count("id", filter=overdue), due_soon=Count("id", filter=due_soon)
    )
    ordered = states.with_related().order_by("due_on", "force__name")
    return ResponsesDue(
        overdue=list(ordered.filter(overdue)[:limit]),
        overdue_count=counts["overdue"],
        due_soon=list(ordered.filter(due_soon)[:limit]),
        due_soon_count=counts["due_soon"],
    )


# The GOV.UK tag colour of each grade (inspections/_grade_tag.html, as Python: the force page
# shows hundreds of grades and an include per cell was a third of its rendering time).
GRADE_TAG_CLASSES = {
    Grade.OUTSTANDING: "govuk-tag--green",
    Grade.GOOD: "govuk-tag--turquoise",
    Grade.ADEQUATE: "govuk-tag--blue",
    Grade.REQUIRES_IMPROVEMENT: "govuk-tag--orange",
    Grade.INADEQUATE: "govuk-tag--red",
}
GRADE_LABELS = dict(Grade.choices)


@dataclass
class GradeMatrix:
    """One era's grades for a force: areas down the side, that era's reports across. Reports
    are dicts (pk, title, published_display), rows dicts (area_name, cells), each cell None or
    a dict (grade, label, tag_class, is_carried_forward): only what the page shows."""

    framework_name: str
    inspections: list[dict]
    rows: list[dict]


def grade_matrices(force: Force) -> list[GradeMatrix]:
    """The force's graded judgments, one matrix per framework (era), oldest era first. One
    query, of plain rows with the columns shown: a force has some 800 grades at national
    scale, and model instances (each report's summary included) cost more than the query."""
    judgments = (
        Judgment.objects.filter(inspection__force=force)
        .order_by("area__framework__first_year", "inspection__published_on", "area__position")
        .values_list(
            "grade",
            "is_carried_forward",
            "area_id",
            "area__name",
            "area__position",
            "area__framework_id",
            "area__framework__name",
            "inspection_id",
            "inspection__title",
            "inspection__published_on",
            "inspection__published_precision",
        )
    )
    by_framework: dict[int, dict] = {}
    for (
        grade,
        is_carried_forward,
        area_id,
        area_name,
        area_position,
        framework_id,
        framework_name,
        inspection_id,
        title,
        published_on,
        precision,
    ) in judgments:
        entry = by_framework.setdefault(
            framework_id, {"name": framework_name, "inspections": {}, "areas": {}, "cells": {}}
        )
        if inspection_id not in entry["inspections"]:
            entry["inspections"][inspection_id] = {
                "pk": inspection_id,
                "title": title,
                "published_display": published_as_stated(published_on, precision),
            }
        entry["areas"].setdefault(area_id, (area_position, area_name))
        entry["cells"][(area_id, inspection_id)] = {
            "grade": grade,
            "label": GRADE_LABELS.get(grade, grade),
            "tag_class": GRADE_TAG_CLASSES.get(grade, "govuk-tag--grey"),
            "is_carried_forward": is_carried_forward,
        }
    matrices = []
    for entry in by_framework.values():
        inspections = list(entry["inspections"])
        areas = sorted(entry["areas"].items(), key=lambda item: item[1])
        rows = [
            {
                "area_name": name,
                "cells": [entry["cells"].get((area_id, pk)) for pk in inspections],
            }
            for area_id, (_position, name) in areas
        ]
        matrices.append(GradeMatrix(entry["name"], list(entry["inspections"].values()), rows))
    return matrices


def grade_counts(matrices: list[GradeMatrix]) -> list[dict]:
    """Per report: how many areas got each grade (the chart beside the matrix)."""
    result = []
    for matrix in matrices:
        for column, inspection in enumerate(matrix.inspections):
            counts: dict[str, int] = defaultdict(int)
            for row in matrix.rows:
                cell = row["cells"][column]
                if cell is not None:
                    counts[cell["grade"]] += 1
            result.append({"inspection": inspection, "counts": counts})
    return result


def open_findings_by_area(force: Force, version: RecordVersion) -> list[dict]:
    """Open findings of one force per area (with its framework): it counts the force's
    statuses (8,000 at national scale), so it is kept until the record changes. One query,
    none when cached."""
    return cached(f"open-by-area\0{force.pk}", version, lambda: _open_findings_by_area(force))


def _open_findings_by_area(force: Force) -> list[dict]:
    return list(
        FindingStatus.objects.open()
        .filter(force=force)
        .values("finding__area__name", "finding__area__framework__name", "finding__area_id")
        .annotate(count=Count("id"))
        .order_by("finding__area__framework__first_year", "finding__area__position")
    )


def finding_status_summary(inspection: Inspection) -> dict[int, dict[str, int]]:
    """For each finding of a report: how many forces hold it in each status. One query."""
    summary: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        FindingStatus.objects.filter(finding__inspection=inspection)
        .values_list("finding_id", "status")
        .annotate(count=Count("id"))
        .order_by()
    )
    for finding_id, status, count in rows:
        summary[finding_id][status] = count
    return summary
