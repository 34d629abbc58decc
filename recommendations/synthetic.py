"""A deterministic synthetic national record for scale work: all 43 forces, PEEL rounds per era
with each era's own areas and grade scale, national thematics applying to every force, per-force
statuses with histories of 1 to 8 entries, and responses mostly on time, some late.

Every report it makes has is_synthetic=True and a "synthetic-" slug; nothing here is written to
fixtures. Rows are written with bulk_create in batches, so scale 10 takes minutes, not hours.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction

from inspections.deadlines import statutory_response_due_on
from inspections.models import NON_GRADES, Area, Force, Framework, Inspection, Judgment
from recommendations.models import (
    Finding,
    FindingExplanation,
    FindingStatus,
    Response,
    Status,
    StatusChange,
    Theme,
)

BATCH = 5000
# PEEL rounds: (framework slug, publication year, month). Annual rounds 2014-2017, then the
# integrated, 2021/22 and 2023-25 assessments.
PEEL_ROUNDS = [
    ("peel-2014", 2014, 11),
    ("peel-2015", 2016, 2),
    ("peel-2016", 2017, 3),
    ("peel-2017", 2018, 3),
    ("peel-2018-19", 2019, 5),
    ("peel-2021-22", 2022, 4),
    ("peel-2023-25", 2024, 6),
]
THEMATICS_PER_YEAR = 20  # "dozens of national thematics a year", at scale 1
FIRST_YEAR = 2014
TOPICS = [
    "external scrutiny of stop and search",
    "external scrutiny of use of force",
    "the recording of ethnicity after stop and search",
    "call handling and abandonment rates for non-emergency calls",
    "the supervision of investigations",
    "the retrieval of digital evidence",
    "safeguarding of vulnerable people",
    "the management of registered sex offenders",
    "counter-corruption capability",
    "neighbourhood policing abstractions",
    "compliance with the Victims' Code of Practice",
    "the understanding of future demand",
    "the response to missing children",
    "domestic abuse risk assessment",
    "workforce wellbeing",
]
VERBS = ["should improve", "must make sure it improves", "needs to review", "should strengthen"]
ADDRESSEES = [["all forces"], ["chief constables"], ["all forces", "College of Policing"]]


@dataclass
class Counts:
    inspections: int = 0
    judgments: int = 0
    findings: int = 0
    statuses: int = 0
    history: int = 0
    responses: int = 0
    extra: dict = field(default_factory=dict)


def _in_batches(model, objects: list, counts_attr: str, counts: Counts) -> list:
    created = []
    for start in range(0, len(objects), BATCH):
        created.extend(model.objects.bulk_create(objects[start : start + BATCH]))
    setattr(counts, counts_attr, getattr(counts, counts_attr) + len(objects))
    return created


class Generator:
    def __init__(self, *, scale: float, seed: int, today: datetime.date) -> None:
        self.scale = scale
        self.random = random.Random(seed)
        self.today = today
        self.counts = Counts()

    # -- text -------------------------------------------------------------------------------
    def _text(self, kind: str, topic: str) -> str:
        lead = {
            "afi": f"The force {self.random.choice(VERBS)} {topic}.",
            "cause_of_concern": f"The force's approach to {topic} is a cause of concern.",
            "recommendation": f"Within six months, the force should plan to improve {topic}.",
        }[kind]
        return f"{lead}\n\nSynthetic finding generated for scale testing (not a real report)."

    # -- statuses and history ----------------------------------------------------------------
    def _history(self, published: datetime.date) -> list[tuple[str, datetime.date, str]]:
        """1 to 8 entries from publication to today; older findings are more often closed."""
        age_days = max((self.today - published).days, 1)
        entries = [(Status.AWAITING_REVIEW, published, "New finding: awaiting review.")]
        length = self.random.randint(1, 8)
        when = published
        for step in range(1, length):
            when = min(self.today, when + datetime.timedelta(self.random.randint(14, 200)))
            last = step == length - 1
            if last and self.random.random() < min(0.9, age_days / 2500):
                status = self.random.choice(
                    [Status.COMPLETE, Status.COMPLETE, Status.COMPLETE, Status.NO_FURTHER_ACTION]
                )
                note = "Closed: evidence reviewed at the assurance board."
            else:
                status = Status.BEING_PROGRESSED
                note = f"Update {step}: action plan progressing."
            entries.append((status, when, note))
        return entries

    def _open_statuses(self, pairs: list[tuple[Finding, Force, datetime.date]]) -> None:
        statuses, histories = [], []
        for finding, force, published in pairs:
            history = self._history(published)
            status, since, note = history[-1]
            statuses.append(
                FindingStatus(
                    finding=finding, force=force, status=status, status_since=since, last_note=note
                )
            )
            histories.append(history)
        created = _in_batches(FindingStatus, statuses, "statuses", self.counts)
        entries = [
            StatusChange(finding_status=fs, status=s, effective_on=d, note=n)
            for fs, history in zip(created, histories, strict=True)
            for s, d, n in history
        ]
        _in_batches(StatusChange, entries, "history", self.counts)

    # -- responses ---------------------------------------------------------------------------
    def _response(self, inspection: Inspection, force: Force) -> Response:
        response = Response(inspection=inspection, force=force)
        response.copy_report_dates(look_up_body=False)
        # Before 2 May 2017 no statutory deadline applied: time those as if one had.
        due = response.due_on or statutory_response_due_on(inspection.published_on)
        response.chief_officer_comments_requested_by = due - datetime.timedelta(days=21)
        roll = self.random.random()
        if due >= self.today and roll < 0.7:
            return response  # not yet published, not yet due
        if roll < 0.85:  # mostly on time
            published = inspection.published_on + datetime.timedelta(self.random.randint(20, 55))
        elif roll < 0.97:  # some late
            published = due + datetime.timedelta(self.random.randint(1, 60))
        else:  # a few never published
            return response
        if published <= self.today:
            response.is_published = True
            response.published_on = published
            response.chief_officer_comments_received_on = published - datetime.timedelta(7)
        return response

    # -- reports -----------------------------------------------------------------------------
    def _inspection(self, **fields) -> Inspection:
        self.counts.inspections += 1
        return Inspection(is_synthetic=True, source_document="synthetic", **fields)

    def run(self) -> Counts:
        forces = list(Force.objects.order_by("slug"))
        frameworks = {f.slug: f for f in Framework.objects.all()}
        areas_by_framework: dict[int, list[Area]] = {}
        for area in Area.objects.order_by("position"):
            areas_by_framework.setdefault(area.framework_id, []).append(area)
        themes = list(Theme.objects.all())
        if not forces or not frameworks:
            raise ValueError("Load the forces and frameworks first (manage.py load_real_data).")

        inspections = self._peel_reports(forces, frameworks) + self._thematic_reports()
        inspections = Inspection.objects.bulk_create(inspections, batch_size=BATCH)
        national = [i for i in inspections if i.force_id is None]
        Through = Inspection.applies_to.through
        links = [Through(inspection_id=i.pk, force_id=f.pk) for i in national for f in forces]
        for start in range(0, len(links), BATCH):
            Through.objects.bulk_create(links[start : start + BATCH])

        judgments, findings = [], []
        for inspection in inspections:
            if inspection.framework_id is None:
                findings += self._thematic_findings(inspection)
                continue
            areas = areas_by_framework.get(inspection.framework_id, [])
            judgments += self._judgments(inspection, areas)
            findings += self._peel_findings(inspection, areas)
        _in_batches(Judgment, judgments, "judgments", self.counts)
        findings = _in_batches(Finding, findings, "findings", self.counts)
        findings += _in_batches(Finding, self._recommendations(findings), "findings", self.counts)

        if themes:
            ThemeLink = Finding.themes.through
            theme_links = [
                ThemeLink(finding_id=f.pk, theme_id=self.random.choice(themes).pk) for f in findings
            ]
            for start in range(0, len(theme_links), BATCH):
                ThemeLink.objects.bulk_create(theme_links[start : start + BATCH])

        by_inspection: dict[int, Inspection] = {i.pk: i for i in inspections}
        pairs = []
        for finding in findings:
            inspection = by_inspection[finding.inspection_id]
            for force in [inspection.force] if inspection.force_id else forces:
                pairs.append((finding, force, inspection.published_on))
        for start in range(0, len(pairs), BATCH):
            self._open_statuses(pairs[start : start + BATCH])

        responses = [
            self._response(inspection, force)
            for inspection in inspections
            for force in ([inspection.force] if inspection.force_id else forces)
        ]
        responses = _in_batches(Response, responses, "responses", self.counts)
        self._explain(responses, findings)
        _refresh_planner_statistics()
        return self.counts

    def _peel_reports(self, forces: list[Force], frameworks: dict) -> list[Inspection]:
        """Force PEEL reports, once per era per force (scale > 1 adds revisit reports)."""
        inspections = []
        for slug, year, month in PEEL_ROUNDS:
            framework = frameworks.get(slug)
            if framework is None:
                continue
            for force in forces:
                for copy in range(max(1, round(self.scale))):
                    published = datetime.date(year, month, self.random.randint(1, 28))
                    if published > self.today:
                        continue
                    inspections.append(
                        self._inspection(
                            slug=f"synthetic-{slug}-{force.slug}-{copy}",
                            title=f"{framework.name}: {force.name}"
                            + (f" (revisit {copy})" if copy else ""),
                            kind=Inspection.Kind.PEEL_FORCE,
                            framework=framework,
                            force=force,
                            published_on=published,
                        )
                    )
        return inspections

    def _thematic_reports(self) -> list[Inspection]:
        """National thematics, applying to every force."""
        inspections = []
        for year in range(FIRST_YEAR, self.today.year + 1):
            for number in range(round(THEMATICS_PER_YEAR * self.scale)):
                published = datetime.date(
                    year, self.random.randint(1, 12), self.random.randint(1, 28)
                )
                if published > self.today:
                    continue
                inspections.append(
                    self._inspection(
                        slug=f"synthetic-thematic-{year}-{number}",
                        title=f"Thematic {year}/{number + 1}: {self.random.choice(TOPICS)}",
                        kind=Inspection.Kind.THEMATIC,
                        published_on=published,
                    )
                )
        return inspections

    # -- findings ----------------------------------------------------------------------------
    def _thematic_findings(self, inspection: Inspection) -> list[Finding]:
        findings = []
        count = self.random.randint(1, 4)
        for n in range(count):
            findings.append(
                Finding(
                    inspection=inspection,
                    position=n + 1,
                    kind=Finding.Kind.RECOMMENDATION,
                    reference=f"Recommendation {n + 1}",
                    text=self._text("recommendation", self.random.choice(TOPICS)),
                    addressees=self.random.choice(ADDRESSEES),
                    deadline_text=f"By {inspection.published_on.year + 1}",
                    source_document="synthetic",
                )
            )
        return findings

    def _judgments(self, inspection: Inspection, areas: list[Area]) -> list[Judgment]:
        scale = inspection.framework.allowed_grades()
        graded = [g for g in scale if g not in NON_GRADES]
        judgments = []
        for area in areas:
            grade = self.random.choice(graded) if area.is_graded else "ungraded"
            judgments.append(Judgment(inspection=inspection, area=area, grade=grade))
        return judgments

    def _peel_findings(self, inspection: Inspection, areas: list[Area]) -> list[Finding]:
        findings = []
        position = 0
        for _ in range(self.random.randint(10, 15)):
            position += 1
            findings.append(
                Finding(
                    inspection=inspection,
                    position=position,
                    kind=Finding.Kind.AFI,
                    area=self.random.choice(areas) if areas else None,
                    text=self._text("afi", self.random.choice(TOPICS)),
                    source_document="synthetic",
                )
            )
        if self.random.random() < 0.3:  # some reports have a cause of concern
            position += 1
            findings.append(
                Finding(
                    inspection=inspection,
                    position=position,
                    kind=Finding.Kind.CAUSE_OF_CONCERN,
                    area=self.random.choice(areas) if areas else None,
                    text=self._text("cause_of_concern", self.random.choice(TOPICS)),
                    source_document="synthetic",
                )
            )
        return findings

    def _recommendations(self, findings: list[Finding]) -> list[Finding]:
        """Causes of concern get 1 to 5 recommendations each."""
        recommendations = []
        for cause in (f for f in findings if f.kind == Finding.Kind.CAUSE_OF_CONCERN):
            for n in range(self.random.randint(1, 5)):
                recommendations.append(
                    Finding(
                        inspection=cause.inspection,
                        position=cause.position + n + 1,
                        kind=Finding.Kind.RECOMMENDATION,
                        area=cause.area,
                        cause_of_concern=cause,
                        reference=f"Recommendation {n + 1}",
                        text=self._text("recommendation", self.random.choice(TOPICS)),
                        source_document="synthetic",
                    )
                )
        return recommendations

    def _explain(self, responses: list[Response], findings: list[Finding]) -> None:
        """Published responses explain every recommendation they owe (s.55(5B))."""
        recommendations: dict[int, list[Finding]] = {}
        for finding in findings:
            if finding.kind == Finding.Kind.RECOMMENDATION:
                recommendations.setdefault(finding.inspection_id, []).append(finding)
        explanations = [
            FindingExplanation(
                response=response, finding=finding, text="Synthetic explanation of the action."
            )
            for response in responses
            if response.is_published
            for finding in recommendations.get(response.inspection_id, [])
        ]
        for start in range(0, len(explanations), BATCH):
            FindingExplanation.objects.bulk_create(explanations[start : start + BATCH])
        self.counts.extra["explanations"] = len(explanations)


def generate_national_dataset(
    *, scale: float, seed: int, today: datetime.date, progress: Callable | None = None
) -> Counts:
    """Write the synthetic dataset in one transaction; refuses if one is already there."""
    if Inspection.objects.filter(is_synthetic=True).exists():
        raise ValueError(
            "This database already holds a synthetic dataset; generate into a fresh database."
        )
    with transaction.atomic():
        return Generator(scale=scale, seed=seed, today=today).run()


def _refresh_planner_statistics() -> None:
    """The tables have just grown by orders of magnitude, often inside one transaction that
    autovacuum cannot see yet: without fresh statistics PostgreSQL plans joins over them as if
    they were nearly empty (a query of the synthetic-data tests once ran for over ten minutes).
    ANALYZE counts the rows this transaction inserted."""
    if connection.vendor != "postgresql":
        return
    models = [
        Inspection,
        Inspection.applies_to.through,
        Judgment,
        Finding,
        Finding.themes.through,
        FindingStatus,
        StatusChange,
        Response,
        FindingExplanation,
    ]
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
