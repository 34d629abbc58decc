"""Reads of forces, frameworks and reports that the pages, filters and admin forms call (the
pages that show findings are in recommendations/; their reads in recommendations/selectors/)."""

from django.db.models import F, Prefetch, QuerySet

from inspections.models import Area, Force, Framework, Inspection, Judgment, PolicingBody


def forces_by_name() -> list[Force]:
    """Every force (slug and name only), A to Z. One query."""
    return list(Force.objects.only("slug", "name").order_by("name"))


def force_regions() -> QuerySet:
    """The regions the forces are in, A to Z, each once (lazy: one query when read)."""
    return Force.objects.order_by("region").values_list("region", flat=True).distinct()


def areas_by_framework() -> dict[str, list[Area]]:
    """Every area under its framework's name, the frameworks oldest first. One query."""
    grouped: dict[str, list[Area]] = {}
    for area in Area.objects.select_related("framework").order_by(
        "framework__first_year", "framework__name", "position", "name"
    ):
        grouped.setdefault(area.framework.name, []).append(area)
    return grouped


def reports_titled(words: list[str], *, limit: int) -> list[tuple]:
    """(pk, title, published_on, published_precision) of the reports whose title contains
    every one of `words` (any case), newest first, at most `limit`. One query."""
    reports = Inspection.objects.all()
    for word in words:
        reports = reports.filter(title__icontains=word)
    return list(
        reports.order_by(F("published_on").desc(nulls_last=True), "title", "pk").values_list(
            "pk", "title", "published_on", "published_precision"
        )[:limit]
    )


def report_page_queryset() -> QuerySet[Inspection]:
    """Reports with their force and framework, for a report's page."""
    return Inspection.objects.with_related()


def framework_by_slug(slug: str | None) -> Framework | None:
    """The framework a reader named (its slug), if it is recorded. One query, none without."""
    return Framework.objects.filter(slug=slug).first() if slug else None


def force_by_pk(pk: object) -> Force | None:
    """The force a form's raw value names, if any. One query, none without a value."""
    return Force.objects.filter(pk=pk).first() if pk else None


def reports_with_judgments() -> QuerySet[Inspection]:
    """Reports, newest first (no date last; then by title, then id, so the order is total), with
    their force, framework, the forces a national report applies to, and their grades in the
    framework's order (a fixed number of queries for any number of reports)."""
    return (
        Inspection.objects.with_related()
        .prefetch_related(
            Prefetch("applies_to", queryset=Force.objects.only("slug").order_by("slug")),
            Prefetch(
                "judgments",
                queryset=Judgment.objects.select_related("area").order_by(
                    "area__position", "area__name", "pk"
                ),
            ),
        )
        .order_by(F("published_on").desc(nulls_last=True), "title", "pk")
    )


def forces_with_bodies() -> QuerySet[Force]:
    """Forces A to Z with their local policing bodies through time, earliest first (a body
    whose start is before the record first). Two queries for any number of forces."""
    return Force.objects.prefetch_related(
        Prefetch(
            "policing_bodies",
            queryset=PolicingBody.objects.order_by(F("starts_on").asc(nulls_first=True), "pk"),
        )
    ).order_by("name", "pk")
