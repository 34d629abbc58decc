"""The duplicate check: a report already recorded, or nearly."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from inspections.models import Force, Inspection
from inspections.report_reader import ParsedReport


def near_miss_message(parsed: ParsedReport) -> str:
    """Why a document the reader calls a near miss (a fire and rescue service, Scottish
    policing, a news item …) gives no police findings: what it recognised, in words."""
    return (
        f"{parsed.recognised()} It is not a report about a police force of England and Wales, "
        "so it owes no response and gives no findings to track."
    )


def report_find_existing(
    *, force: Force, title: str, published_on: date | None, kind: str
) -> Inspection | None:
    """An inspection already recorded for this force with the same title, or with the same
    publication date and kind. A national report recorded once (for any force) also counts."""
    for_force = Inspection.objects.filter(Q(force=force) | Q(applies_to=force)).distinct()
    title = " ".join(title.split())
    found = for_force.filter(title__iexact=title).first()
    if found is None and published_on is not None:
        found = for_force.filter(published_on=published_on, kind=kind).first()
    if found is None and kind in Inspection.NATIONAL_KINDS:
        found = Inspection.objects.filter(force__isnull=True, title__iexact=title).first()
    return found


def duplicate_message(existing: Inspection, force: Force) -> str:
    if existing.force_id is None and not existing.applies_to.filter(pk=force.pk).exists():
        return (
            f"This national report is already recorded: “{existing.title}” "
            f"({existing.published_display()}, record “{existing.slug}”). Add {force} to the "
            "forces it applies to instead of importing it again. Nothing was imported."
        )
    return (
        f"This report is already recorded for {force}: “{existing.title}” "
        f"({existing.published_display()}, record “{existing.slug}”). Nothing was imported."
    )
