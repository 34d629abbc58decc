"""A read report as proposals: the judgments and findings the review page shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from inspections.report_reader import ParsedReport
from recommendations.models import Finding


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
