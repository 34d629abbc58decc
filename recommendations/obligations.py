"""Who owes a finding: obligations follow the addressees (DOMAIN.md, "Obligations follow
addressees"; docs/domain-rules.md).

- A finding addressed to "the force", "all forces", "forces" or "chief constables" is owed by
  each force the report applies to (a single-force report's findings are its force's).
- One addressed to police and crime commissioners / local policing bodies is owed by each of
  those forces' bodies; its progress is tracked on the force's row (one row per force holds the
  force's and its body's progress).
- One addressed to the Home Office, the NPCC, the College of Policing or another national body
  is owed by that body alone: tracked against the body, never fanned out to forces.
- A force named by its name ("Kent Police and the Home Office should …") is the report's own
  force when the report applies to it, owing the finding as "the force" would; a force the
  report does not apply to owes it as a named force (with the report's forces too when the
  words also name "the force" or "forces").
- A finding that names only words the product does not recognise stays the report's own (as
  one with no addressee stated); an editor corrects it in the admin.
"""

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from inspections.models import Force, NationalBody
from recommendations.models import Finding, FindingKind, ForceScope

# Lower-case words for forces and for their bodies as reports write them.
FORCE_WORDS = (
    "the force",
    "force",
    "forces",
    "all forces",
    "police forces",
    "all police forces",
    "chief constables",
    "chief constable",
    "chief officers",
    "all chief constables",
    "the chief constable",
)
BODY_WORDS = (
    "pccs",
    "pcc",
    "police and crime commissioners",
    "police and crime commissioner",
    "police, fire and crime commissioners",
    "local policing bodies",
    "local policing body",
    "the police and crime commissioner",
)
# What may be left between addressees once they are taken out: "forces and PCCs", "the Home
# Office, the NPCC & the College of Policing".
_JOINERS = re.compile(r"^(?:[\s,;/&]|\band\b|\bthe\b|\ball\b)*$")


def normalise(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split()).strip(" .;:")


@dataclass
class Addressing:
    """Structured addressees, as stored on a Finding."""

    owed_by_forces: str = ForceScope.NONE
    is_for_policing_bodies: bool = False
    national_bodies: list[NationalBody] = field(default_factory=list)
    named_forces: list[Force] = field(default_factory=list)  # with ForceScope.NAMED
    unrecognised: list[str] = field(default_factory=list)


def _body_lookup(bodies: Iterable[NationalBody]) -> dict[str, NationalBody]:
    lookup = {}
    for body in bodies:
        for name in (body.name, body.slug.replace("-", " "), *body.aliases):
            lookup[normalise(name)] = body
            lookup[normalise(name).removeprefix("the ")] = body
    return lookup


def _force_lookup(forces: Iterable[Force]) -> dict[str, Force]:
    """A force's name as reports write it: "Kent Police", "Cumbria Constabulary", "Kent
    Police Service" (never its place alone: "Kent County Council" is no force)."""
    lookup = {}
    for force in forces:
        name = normalise(force.name)
        place = re.sub(r"\s+(?:police(?:\s+service)?|constabulary)$", "", name)
        for written in (name, *(f"{place} {word}" for word in _FORCE_NOUNS)):
            lookup[written] = force
    return lookup


_FORCE_NOUNS = ("police", "constabulary", "police service")


def addressing_from_words(
    phrases: Sequence[str],
    *,
    national_bodies: Iterable[NationalBody],
    forces: Iterable[Force] = (),
    report_forces: Iterable[Force] = (),
    force_aliases: Mapping[str, Force] | None = None,
) -> Addressing:
    """Read the addressees as worded into structured addressees. No words at all means the
    finding is the report's own (its force's, or the forces it applies to). Known names are
    found longest first, so "police and crime commissioners" is one addressee and "forces and
    PCCs" two. `forces` are the forces whose names are recognised (none: a force's name is
    an unrecognised word), `report_forces` those the report applies to, `force_aliases` other
    words for a force ("the Met") as the report reader recognised them."""
    if not phrases:
        return Addressing(owed_by_forces=ForceScope.REPORT)
    lookup = _body_lookup(national_bodies)
    force_lookup = _force_lookup(forces)
    force_lookup |= {normalise(alias): force for alias, force in (force_aliases or {}).items()}
    known = dict.fromkeys(FORCE_WORDS, "force")
    known |= dict.fromkeys(BODY_WORDS, "body")
    known |= dict.fromkeys(lookup, "national")
    known |= dict.fromkeys(force_lookup, "named")
    # "Kent Police and Crime Commissioner" is the body, not the force: no word ends where
    # "and crime" goes on (the body's own words then match from "police").
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(known, key=len, reverse=True)) + r")\b"
        r"(?!,?\s+(?:fire\s+)?and\s+crime\b)"
    )
    result = Addressing()
    for phrase in phrases:
        text = normalise(phrase)
        for match in pattern.finditer(text):
            word = match.group(1)
            if known[word] == "force":
                result.owed_by_forces = ForceScope.REPORT
            elif known[word] == "body":
                result.is_for_policing_bodies = True
            elif known[word] == "named":
                if force_lookup[word] not in result.named_forces:
                    result.named_forces.append(force_lookup[word])
            elif lookup[word] not in result.national_bodies:
                result.national_bodies.append(lookup[word])
        if not _JOINERS.match(pattern.sub(" ", text)):
            result.unrecognised.append(phrase)
    _scope_named_forces(result, list(report_forces))
    if result.owed_by_forces == ForceScope.NONE and not (
        result.is_for_policing_bodies or result.national_bodies
    ):
        # Nothing but words the product does not know ("the constabulary"): the finding stays
        # the report's own, as with no words at all, and the editor can narrow it.
        result.owed_by_forces = ForceScope.REPORT
    return result


def _scope_named_forces(result: Addressing, report_forces: list[Force]) -> None:
    """Forces named by name: the report's own owe it as "the force" does; any other makes
    the finding owed by the forces named (and by the report's, if the words name them too)."""
    if not result.named_forces:
        return
    report_ids = {force.pk for force in report_forces}
    if all(force.pk in report_ids for force in result.named_forces):
        result.owed_by_forces = ForceScope.REPORT
        result.named_forces = []
        return
    if result.owed_by_forces == ForceScope.REPORT:
        result.named_forces += [f for f in report_forces if f not in result.named_forces]
    result.owed_by_forces = ForceScope.NAMED


def forces_owing(
    *,
    owed_by_forces: str,
    is_for_policing_bodies: bool,
    report_force_ids: Iterable[int],
    named_force_ids: Iterable[int] = (),
) -> set[int]:
    """The ids of the forces that owe a finding (each for itself or its body): the rule that
    decides which force status rows exist."""
    report = set(report_force_ids)
    owing = set()
    if owed_by_forces == ForceScope.REPORT:
        owing |= report
    elif owed_by_forces == ForceScope.NAMED:
        owing |= set(named_force_ids)
    if is_for_policing_bodies:
        owing |= report
    return owing


def owed_by_force_q(force) -> Q:
    """A filter on findings of a report that applies to `force` (an id, or an OuterRef to
    one): those that force or its body owes. The same rule as forces_owing(), in SQL, so a
    response's counts do not depend on the tracking rows having been opened."""
    named = Finding.named_forces.through.objects.filter(
        finding_id=OuterRef("pk"),
        force_id=OuterRef(force) if isinstance(force, OuterRef) else force,
    )
    return (
        Q(owed_by_forces=ForceScope.REPORT)
        | Q(is_for_policing_bodies=True)
        | Q(Exists(named), owed_by_forces=ForceScope.NAMED)
    )


@dataclass(frozen=True)
class OwedCounts:
    """How many recommendations and AFIs of each report each force owes: owed_by_force_q's
    rule, counted for many responses at once (owed_counts)."""

    # report id → (recommendations, AFIs) every force the report applies to owes.
    by_report: dict[int, tuple[int, int]]
    # (report id, force id) → (recommendations, AFIs) owed by the forces they name.
    by_named_force: dict[tuple[int, int], tuple[int, int]]

    def owed(self, inspection_id: int, force_id: int) -> tuple[int, int]:
        recommendations, afis = self.by_report.get(inspection_id, (0, 0))
        if not self.by_named_force:  # the usual case: no finding names its forces
            return recommendations, afis
        named_recommendations, named_afis = self.by_named_force.get(
            (inspection_id, force_id), (0, 0)
        )
        return recommendations + named_recommendations, afis + named_afis


def owed_counts(inspection_ids: QuerySet | Iterable[int]) -> OwedCounts:
    """The counts behind OwedCounts for the given reports, in two grouped queries whatever the
    number of responses. The tracker's exports read these rather than counting twice per row in
    the database (with_finding_counts): correlated counts per row were most of an export's
    database time. A finding owed by policing bodies is owed by each force the report applies
    to, so only the findings that named forces owe without their bodies are counted by force."""
    findings = Finding.objects.filter(
        inspection_id__in=inspection_ids, kind__in=(FindingKind.RECOMMENDATION, FindingKind.AFI)
    ).order_by()
    by_report = (
        findings.filter(Q(owed_by_forces=ForceScope.REPORT) | Q(is_for_policing_bodies=True))
        .values_list("inspection_id", "kind")
        .annotate(count=Count("pk"))
    )
    by_named_force = (
        Finding.named_forces.through.objects.filter(
            finding__in=findings.filter(
                owed_by_forces=ForceScope.NAMED, is_for_policing_bodies=False
            ).values("pk")
        )
        .values_list("finding__inspection_id", "force_id", "finding__kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return OwedCounts(
        by_report=_paired((report, kind, count) for report, kind, count in by_report),
        by_named_force=_paired(
            ((report, force), kind, count) for report, force, kind, count in by_named_force
        ),
    )


def _paired(counts: Iterable[tuple[Hashable, str, int]]) -> dict:
    """(key, kind, count) rows → {key: (recommendations, AFIs)}."""
    paired: dict = {}
    for key, kind, count in counts:
        recommendations, afis = paired.get(key, (0, 0))
        if kind == FindingKind.RECOMMENDATION:
            recommendations += count
        else:
            afis += count
        paired[key] = (recommendations, afis)
    return paired


def describe(
    *,
    owed_by_forces: str,
    is_for_policing_bodies: bool,
    report_force_name: str | None,
    named_force_names: Sequence[str],
    national_body_names: Sequence[str],
) -> str:
    """Who owes a finding, in words: "Cumbria Constabulary", "Each force the report applies
    to and their local policing bodies; Home Office"."""
    parts = []
    if owed_by_forces == ForceScope.REPORT:
        parts.append(report_force_name or "Each force the report applies to")
    elif owed_by_forces == ForceScope.NAMED:
        parts.append(", ".join(named_force_names) or "No force named")
    if is_for_policing_bodies:
        parts.append("their local policing bodies" if parts else "The local policing bodies")
    forces = " and ".join(parts)
    owners = [part for part in (forces, ", ".join(national_body_names)) if part]
    return "; ".join(owners) or "Nobody: no addressee is recorded"
