"""Importing a report read by inspections.report_reader: the duplicate check, mapping the
reader's area names onto a framework's areas, lineage proposals (earlier open findings of the
same force with similar text) and the one-transaction write."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
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
from inspections.report_reader import ParsedReport
from inspections.report_reader import vocabulary as vocab
from peel_tracker.text import counted
from recommendations.models import Finding, FindingStatus, Status
from recommendations.obligations import addressing_from_words
from recommendations.services import inspection_open_tracking

# A proposed link is shown from this similarity up; a report that says a finding "remains in
# place" links it on its own (command line) from STRONG_LINK up.
LINK_THRESHOLD = 0.55
STRONG_LINK = 0.85


@dataclass
class ProposedJudgment:
    area: str
    grade: str
    section: str = ""
    is_carried_forward: bool = False


@dataclass
class ProposedFinding:
    kind: str
    text: str
    area: str = ""
    reference: str = ""
    addressees: list[str] = field(default_factory=list)
    deadline: str = ""
    section: str = ""
    remains_from_earlier: bool = False
    # the key (see `key`) of the cause of concern this recommendation answers
    cause_of_concern: int | None = None
    carried_forward_from: Finding | None = None
    key: int = 0
    # Evidence from the reader: the source lines (first, last), their text, its confidence.
    lines: tuple[int, int] | None = None
    source: str = ""
    confidence: float = 1.0


def proposal_from_parsed(
    parsed: ParsedReport,
) -> tuple[list[ProposedJudgment], list[ProposedFinding]]:
    """The main report's judgments and findings as proposals; keys are the reader's indexes."""
    report = parsed.main_report
    judgments = [
        ProposedJudgment(j.area, j.grade, j.section, j.is_carried_forward)
        for j in parsed.judgments
        if j.report == report
    ]
    findings = [
        ProposedFinding(
            kind=f.kind,
            text=f.text,
            area=f.area,
            reference=f.reference,
            addressees=list(f.addressees),
            deadline=f.deadline,
            section=f.section,
            remains_from_earlier=f.remains_from_earlier,
            cause_of_concern=f.cause_of_concern,
            key=index,
            lines=f.lines,
            source=parsed.source_excerpt(f),
            confidence=f.confidence,
        )
        for index, f in enumerate(parsed.findings)
        if f.report == report
    ]
    return judgments, findings


# --- duplicates -----------------------------------------------------------------------------


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


# --- areas ----------------------------------------------------------------------------------


def _area_key(name: str) -> str:
    return vocab.plain(name)


def area_find(*, framework: Framework, name: str, areas: list[Area] | None = None) -> Area | None:
    """The framework's area with this name, or whose name the reader knows as an alias of it."""
    if not name:
        return None
    areas = list(framework.areas.all()) if areas is None else areas
    by_key = {_area_key(area.name): area for area in areas}
    canonical = vocab.canonical_area(framework.slug, name)
    for candidate in (name, canonical):
        if candidate and _area_key(candidate) in by_key:
            return by_key[_area_key(candidate)]
    return None


def areas_missing(*, framework: Framework | None, names: list[str]) -> list[str]:
    """Area names the framework does not have yet (they would be created), in first-seen order."""
    if framework is None:
        return []
    areas = list(framework.areas.all())
    missing: list[str] = []
    for name in names:
        if (
            name
            and area_find(framework=framework, name=name, areas=areas) is None
            and _area_key(name) not in {_area_key(m) for m in missing}
        ):
            missing.append(name)
    return missing


def _area_get_or_create(framework: Framework, name: str, cache: dict[str, Area]) -> Area:
    key = _area_key(name)
    if key not in cache:
        area = area_find(framework=framework, name=name)
        if area is None:
            position = (framework.areas.aggregate(top=Max("position"))["top"] or 0) + 1
            area = Area(
                framework=framework,
                name=name.strip()[:200],
                kind=Area.Kind.QUESTION if name.strip().endswith("?") else Area.Kind.AREA,
                position=position,
            )
            area.full_clean()
            area.save()
        cache[key] = area
    return cache[key]


# --- lineage --------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        "a an and are as at be by for from has have in into is it its of on or that the their this"
        " to was were which with will so can more all any also than them they our we",
    )
)
_BOILERPLATE = re.compile(
    r"^(?:the\s+(?:force|constabulary)|forces|[a-z]+\s+(?:constabulary|police))\s+"
    r"(?:should|must|needs?\s+to|is\s+to)\s+(?:(?:ensure|make\s+sure)\s+(?:that\s+)?)?",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    headline = text.strip().split("\n\n", 1)[0]
    headline = _BOILERPLATE.sub("", headline.strip())
    tokens = []
    for word in re.findall(r"[a-z0-9]+", vocab.plain(headline)):
        if word in _STOPWORDS or len(word) < 2:
            continue
        tokens.append(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return tokens


def similarity(first: str, second: str) -> float:
    """How alike two findings' headlines are, 0–1: a token-set comparison (order and
    repetition ignored, the boilerplate 'The force should ensure' removed), tempered by the
    share of words they have in common so that a short text inside a long one is not a match."""
    a, b = set(_tokens(first)), set(_tokens(second))
    if not a or not b:
        return 0.0
    common = sorted(a & b)
    joined = " ".join(common)
    only_a = " ".join(sorted(a - b))
    only_b = " ".join(sorted(b - a))
    left = f"{joined} {only_a}".strip()
    right = f"{joined} {only_b}".strip()
    token_set = max(
        SequenceMatcher(None, joined, left).ratio() if joined else 0.0,
        SequenceMatcher(None, joined, right).ratio() if joined else 0.0,
        SequenceMatcher(None, left, right).ratio(),
    )
    overlap = len(a & b) / len(a | b)
    return round(0.5 * token_set + 0.5 * overlap, 3)


def lineage_eligible(*, force: Force, published_on: date | None) -> list[Finding]:
    """The force's findings that were open before `published_on`, from reports published
    before it (all, when it is not known, and reports whose own date is not known): open now,
    or carried forward since by a report not published before that date (so a report can be
    recorded after a later one)."""
    statuses = (
        FindingStatus.objects.filter(
            Q(status__in=FindingStatus.OPEN_STATUSES) | Q(status=Status.CARRIED_FORWARD),
            force=force,
        )
        .select_related("finding__inspection")
        .prefetch_related("finding__carried_forward_to__inspection")
        .order_by("finding__inspection__published_on", "finding__position")
    )
    findings = []
    for status in statuses:
        finding = status.finding
        earlier = finding.inspection.published_on
        if not (published_on is None or earlier is None or earlier < published_on):
            continue
        if status.status == Status.CARRIED_FORWARD:
            successors = [
                later.inspection.published_on for later in finding.carried_forward_to.all()
            ]
            if published_on is None or not any(
                day is None or day >= published_on for day in successors
            ):
                continue
        findings.append(finding)
    return findings


def lineage_proposals(
    *, texts: list[str], eligible: list[Finding], limit: int = 3
) -> list[list[tuple[Finding, float]]]:
    """For each text, up to `limit` earlier findings that read alike, best first."""
    proposals = []
    for text in texts:
        scored = [(finding, similarity(text, finding.text)) for finding in eligible]
        scored = [pair for pair in scored if pair[1] >= LINK_THRESHOLD]
        scored.sort(key=lambda pair: -pair[1])
        proposals.append(scored[:limit])
    return proposals


# --- the import -----------------------------------------------------------------------------


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
        area = _area_get_or_create(framework, proposed.area, area_cache)
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
    created: dict[int, Finding] = {}
    for position, proposed in enumerate(findings, start=1):
        area = (
            _area_get_or_create(framework, proposed.area, area_cache)
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
        addressing = addressing_from_words(finding.addressees, national_bodies=national_bodies)
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
        created[proposed.key] = finding

    inspection_open_tracking(inspection=inspection, user=user)
    return inspection
