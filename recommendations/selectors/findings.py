"""Reads of findings: the findings list's rows (for its page and its exports), the themes its
filter offers, a finding's page, and the themes of the exported rows.

Rows. A finding is tracked per force (FindingStatus), so the list shows one row per finding
and force: the finding with that force's current status. Good practice (notable, innovative,
promising) has no status rows, yet analysts must be able to find it, so the rows are findings
LEFT JOINed to their statuses (recommendations.filters explains the filters on them)."""

from django.db.models import F, Prefetch, QuerySet
from django.http import QueryDict

from recommendations.filters import FindingFilter, rows_with_statuses
from recommendations.models import Finding, FindingStatus, StatusChange, Theme


def finding_rows() -> QuerySet[Finding]:
    """Every finding once per force status (or once, without status, if it has none), with
    the status columns annotated as row_status, row_status_since, row_last_note,
    row_status_pk, row_force_pk and, for display, row_force_name / row_force_slug (the status's
    force or national body, else the report's force; empty for a national report's good
    practice). Sorted newest report first. One query; no per-row queries for the report, its
    force or the area. (Built in recommendations.filters, whose force filter builds them with
    the statuses of the chosen forces alone.)"""
    return rows_with_statuses()


def finding_filter(params: QueryDict) -> FindingFilter:
    """The findings list's rows filtered and sorted by the query string: the page and both
    exports read these same rows."""
    return FindingFilter(params, queryset=finding_rows())


def finding_theme_lists(finding_ids: set[int]) -> dict[int, list[str]]:
    """The names of each finding's themes, in alphabetical order (findings without a theme
    are left out). One query."""
    names: dict[int, list[str]] = {}
    for finding_id, name in (
        Finding.themes.through.objects.filter(finding_id__in=finding_ids)
        .order_by("theme__name")
        .values_list("finding_id", "theme__name")
    ):
        names.setdefault(finding_id, []).append(name)
    return names


def finding_theme_names(finding_ids: set[int]) -> dict[int, str]:
    """The themes of each finding as "A; B", in alphabetical order. One query."""
    return {
        finding_id: "; ".join(found)
        for finding_id, found in finding_theme_lists(finding_ids).items()
    }


def themes_by_name() -> list[Theme]:
    """Every theme, A to Z. One query."""
    return list(Theme.objects.order_by("name"))


def finding_page_queryset() -> QuerySet[Finding]:
    """Findings with everything a finding's page shows: its report, area, theme, lineage
    (earlier and later findings in report order), addressees, and its statuses (forces A to
    Z, national bodies after them) each with its history newest first, as recorded
    (Meta.ordering): the date an entry took effect may be earlier than entries recorded before
    it. A fixed number of queries for one finding."""
    related_finding = Finding.objects.select_related("inspection").order_by(
        "inspection__published_on", "position"
    )
    return Finding.objects.select_related(
        "inspection",
        "inspection__force",
        "inspection__framework",
        "area",
        "cause_of_concern",
        "carried_forward_from__inspection",
        "superseded_by__inspection",
    ).prefetch_related(
        "themes",
        Prefetch("recommendations", queryset=Finding.objects.order_by("position")),
        Prefetch("carried_forward_to", queryset=related_finding),
        Prefetch("supersedes", queryset=related_finding),
        "named_forces",
        "national_bodies",
        Prefetch(
            "statuses",
            queryset=FindingStatus.objects.select_related("force", "national_body").order_by(
                F("force__name").asc(nulls_last=True), "national_body__name"
            ),
        ),
        # A national finding's page shows some 200 entries: of their authors only the names
        # (a user's row is mostly what a page never shows: password hash, flags, dates).
        Prefetch(
            "statuses__history",
            queryset=StatusChange.objects.select_related("recorded_by").only(
                *(field.attname for field in StatusChange._meta.concrete_fields),
                "recorded_by__username",
                "recorded_by__first_name",
                "recorded_by__last_name",
            ),
        ),
    )


def finding_visible(*, finding_id: int, user) -> bool:
    """Whether the finding exists and the user may see it (Finding.objects.visible_to: every
    finding is public to every role today, but the rule is the queryset's). One query."""
    return Finding.objects.visible_to(user).filter(pk=finding_id).exists()


def finding_history_rows(*, finding_id: int) -> QuerySet[StatusChange]:
    """Every entry of a finding's status history, holder by holder as its page lists them
    (forces A to Z, national bodies after them), each holder's entries newest first as
    recorded; the entry's id breaks ties, so the order is total. With the holder and the author
    (one query, no per-row queries)."""
    return (
        StatusChange.objects.filter(finding_status__finding_id=finding_id)
        .select_related("finding_status__force", "finding_status__national_body", "recorded_by")
        .order_by(
            F("finding_status__force__name").asc(nulls_last=True),
            F("finding_status__national_body__name").asc(nulls_last=True),
            "finding_status_id",
            F("recorded_at").desc(),
            F("id").desc(),
        )
    )
