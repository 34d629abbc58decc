"""The import itself: a reviewed report written in one transaction."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from inspections.models import (
    Area,
    Force,
    Framework,
    Grade,
    Inspection,
    Judgment,
    NationalBody,
    document_name,
)
from inspections.report_reader.forces import forces_named
from peel_tracker.text import counted
from recommendations.imports.services.areas import area_get_or_create
from recommendations.imports.services.duplicates import duplicate_message, report_find_existing
from recommendations.imports.services.lineage import lineage_eligible
from recommendations.imports.services.proposals import ProposedFinding, ProposedJudgment
from recommendations.models import Finding
from recommendations.obligations import addressing_from_words
from recommendations.services import inspection_open_tracking


def _unique_slug(base: str) -> str:
    base = slugify(base)[:110].strip("-") or "report"
    slug, number = base, 2
    while Inspection.objects.filter(slug=slug).exists():
        slug = f"{base[:105]}-{number}"
        number += 1
    return slug


def _authored(instance, user: User | None) -> None:
    """Name `user` as the author of the instance's next change-history entry. In a request
    django-simple-history takes the signed-in user; from the command line (import_report
    --user) only this attribute names one. None leaves the request's user in place."""
    if user is not None:
        instance._history_user = user


@transaction.atomic
def report_import(
    *,
    force: Force,
    title: str,
    kind: str,
    framework: Framework | None,
    published_on: date | None,
    published_precision: str = "day",
    source_document: str = "",
    judgments: list[ProposedJudgment],
    findings: list[ProposedFinding],
    user: User | None = None,
) -> Inspection:
    """Create the inspection, its judgments and findings in one transaction, then open the
    statuses and responses it owes. A national kind (PEEL spotlight, thematic, joint thematic)
    is recorded as national and applies to `force`; any other kind is about `force`. Areas the
    framework does not have yet are added to it. Refuses a report already recorded for the
    force, grades without a framework or outside its scale, links to findings that are not the
    force's own earlier ones."""
    title = " ".join(title.split())
    existing = report_find_existing(force=force, title=title, published_on=published_on, kind=kind)
    if existing is not None:
        raise ValidationError(duplicate_message(existing, force))
    if not findings and not judgments:
        raise ValidationError("There is nothing to import: no findings and no grades.")
    if judgments and framework is None:
        raise ValidationError(
            f"The report has {counted(len(judgments), 'graded judgment')} but no grading "
            "framework: "
            "choose the PEEL framework the grades belong to."
        )
    # A national kind applies to the force it is imported for; any other kind (including
    # "Other", when the reader could not tell) is about that force.
    single = kind not in Inspection.NATIONAL_KINDS
    exact_day = published_precision == Inspection.DatePrecision.DAY
    inspection = Inspection(
        slug=_unique_slug(f"{force.slug} {title}" if single else title),
        title=title[:300],
        kind=kind,
        framework=framework,
        published_on=published_on,
        published_precision=published_precision,
        force=force if single else None,
        source_document=document_name(source_document)[:200],
    )
    _authored(inspection, user)
    inspection.full_clean()
    inspection.save()
    if not single:
        inspection.applies_to.add(force)

    area_cache: dict[str, Area] = {}
    seen_areas: set[int] = set()
    for proposed in judgments:
        area = area_get_or_create(framework, proposed.area, area_cache)
        if area.pk in seen_areas:
            raise ValidationError(f"Two grades for “{area.name}”: keep one.")
        seen_areas.add(area.pk)
        judgment = Judgment(
            inspection=inspection,
            area=area,
            grade=proposed.grade,
            is_carried_forward=proposed.is_carried_forward,
            # A grade is as of the report's publication; a carried-forward one as of an
            # earlier report the text does not date.
            as_of_on=None if proposed.is_carried_forward or not exact_day else published_on,
            source_section=proposed.section[:300],
        )
        if proposed.grade not in Grade.values:
            raise ValidationError(f"“{proposed.grade}” is not a grade.")
        _authored(judgment, user)
        judgment.full_clean()
        judgment.save()

    eligible = None
    national_bodies = list(NationalBody.objects.all())
    forces = list(Force.objects.all())  # a finding may name any force, the report's or another
    created: dict[int, Finding] = {}
    for position, proposed in enumerate(findings, start=1):
        area = (
            area_get_or_create(framework, proposed.area, area_cache)
            if framework is not None and proposed.area
            else None
        )
        cause = (
            created.get(proposed.cause_of_concern)
            if proposed.cause_of_concern is not None
            else None
        )
        if cause is not None and (
            proposed.kind != Finding.Kind.RECOMMENDATION
            or cause.kind != Finding.Kind.CAUSE_OF_CONCERN
        ):
            cause = None
        earlier = proposed.carried_forward_from
        if earlier is not None:
            if eligible is None:
                eligible = {f.pk for f in lineage_eligible(force=force, published_on=published_on)}
            if earlier.pk not in eligible:
                raise ValidationError(
                    f"Finding {position} cannot be linked to “{earlier}”: only open findings of "
                    f"{force} from earlier reports can be carried forward."
                )
        finding = Finding(
            inspection=inspection,
            position=position,
            kind=proposed.kind,
            area=area,
            reference=proposed.reference[:40],
            text=proposed.text.strip(),
            cause_of_concern=cause,
            addressees=list(proposed.addressees),
            deadline_text=proposed.deadline[:120],
            carried_forward_from=earlier,
            source_document=document_name(source_document)[:200],
            source_section=proposed.section[:300],
        )
        addressing = addressing_from_words(
            finding.addressees,
            national_bodies=national_bodies,
            forces=forces,
            report_forces=[force],
            force_aliases=force_aliases(finding.addressees, forces),
        )
        finding.owed_by_forces = addressing.owed_by_forces
        finding.is_for_policing_bodies = addressing.is_for_policing_bodies
        try:
            finding.full_clean()
        except ValidationError as error:
            messages = "; ".join(m for ms in error.message_dict.values() for m in ms)
            raise ValidationError(f"Finding {position}: {messages}") from error
        _authored(finding, user)
        finding.save()
        finding.national_bodies.set(addressing.national_bodies)
        finding.named_forces.set(addressing.named_forces)
        created[proposed.key] = finding

    inspection_open_tracking(inspection=inspection, user=user)
    return inspection


def force_aliases(addressees: list[str], forces: list[Force]) -> dict[str, Force]:
    """Each addressee that names a force by another word ("the Met", "MPS", "GMP"), as the
    report reader recognises them, with the force it names."""
    by_name = {force.name: force for force in forces}
    aliases = {}
    for phrase in addressees:
        named = [by_name[name] for name in forces_named(phrase) if name in by_name]
        if len(set(named)) == 1:
            aliases[phrase] = named[0]
    return aliases
