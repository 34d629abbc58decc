"""What the reader returns: plain dataclasses, no Django. Values use the same strings as the
models (Finding.Kind, Grade, InspectionKind, DatePrecision) so the importer maps them 1:1."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Finding kinds, as recommendations.models.FindingKind stores them.
CAUSE_OF_CONCERN = "cause_of_concern"
RECOMMENDATION = "recommendation"
AFI = "afi"
NOTABLE_PRACTICE = "notable_practice"
INNOVATIVE_PRACTICE = "innovative_practice"
PROMISING_PRACTICE = "promising_practice"
FINDING_KINDS = (
    CAUSE_OF_CONCERN,
    RECOMMENDATION,
    AFI,
    NOTABLE_PRACTICE,
    INNOVATIVE_PRACTICE,
    PROMISING_PRACTICE,
)


# What a document is. A report holds findings of its own; a letter, register entry, PCC
# response, improvement plan or tracker quotes findings of a report; a near miss is not about
# an English or Welsh police force's inspection at all (fire and rescue, Scotland, news).
PEEL_FORCE = "peel_force"
THEMATIC = "thematic"
CAUSE_OF_CONCERN_LETTER = "cause_of_concern_letter"
REVISIT_LETTER = "revisit_letter"
REGISTER_ENTRY = "register_entry"
PCC_RESPONSE = "pcc_response"
IMPROVEMENT_PLAN = "improvement_plan"
TRACKER_LISTING = "tracker_listing"
NEAR_MISS = "near_miss"
DOCUMENT_KINDS = (
    PEEL_FORCE,
    THEMATIC,
    CAUSE_OF_CONCERN_LETTER,
    REVISIT_LETTER,
    REGISTER_ENTRY,
    PCC_RESPONSE,
    IMPROVEMENT_PLAN,
    TRACKER_LISTING,
    NEAR_MISS,
)


# Findings read with less confidence than this are flagged for a person to check.
REVIEW_BELOW = 0.75

# The formats read_report takes, for messages.
SUPPORTED = "plain text or Markdown (.txt, .md), PDF, Word (.docx) or a saved web page (.html)"


class ReportError(ValueError):
    """The file cannot be read as a report. The message is meant for the person importing."""


@dataclass
class ParsedJudgment:
    """A graded judgment: `grade` is a Grade value (outstanding … inadequate, ungraded,
    not_yet_graded, not_inspected)."""

    area: str
    grade: str
    section: str = ""
    is_carried_forward: bool = False
    report: int = 0

    def to_dict(self) -> dict:
        return {"area": self.area, "grade": self.grade}


@dataclass
class ParsedFinding:
    """One finding. `text` is the full text as it should be stored: headline, explanatory
    paragraphs (separated by blank lines) and sub-points as "- " lines under their lead-in.
    `parts` repeats the sub-points on their own. `cause_of_concern` is the index (in
    ParsedReport.findings) of the cause of concern a recommendation answers."""

    kind: str
    text: str
    area: str = ""
    reference: str = ""
    parts: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    deadline: str = ""
    remains_from_earlier: bool = False
    cause_of_concern: int | None = None
    section: str = ""
    report: int = 0
    # Evidence: the first and last line (1-based) of the text the finding was read from, and
    # how sure the reader is (1.0 = under a finding label; lower for lead-ins, inline lists,
    # text cut off, documents that are not an inspectorate's police report).
    lines: tuple[int, int] | None = None
    confidence: float = 1.0

    @property
    def headline(self) -> str:
        return self.text.strip().split("\n", 1)[0]

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "area": self.area or None,
            "reference": self.reference,
            "text": self.text,
            "parts": list(self.parts),
            "addressees": list(self.addressees),
            "deadline": self.deadline,
            "remains_from_earlier": self.remains_from_earlier,
            "cause_of_concern": self.cause_of_concern,
            "section": self.section,
            "lines": list(self.lines) if self.lines else None,
            "confidence": self.confidence,
        }


@dataclass
class ReportInfo:
    """One report a document covers. An OPCC response document may cover several (a
    national report with a force's own report embedded in it)."""

    title: str = ""
    published: date | None = None
    published_precision: str = "day"
    framework: str | None = None
    kind: str | None = None
    finding_count: int = 0


@dataclass
class ParsedReport:
    """The document as read. The top-level title, dates, framework and kind are those of the
    main report: the one that holds the findings (the first, if several or none do)."""

    title: str = ""
    published: date | None = None
    published_precision: str = "day"
    framework: str | None = None
    kind: str | None = None
    force: str | None = None
    judgments: list[ParsedJudgment] = field(default_factory=list)
    findings: list[ParsedFinding] = field(default_factory=list)
    reports: list[ReportInfo] = field(default_factory=list)
    main_report: int = 0
    warnings: list[str] = field(default_factory=list)
    source_format: str = "text"
    # What the document is (DOCUMENT_KINDS) and the evidence for it, in words.
    document_kind: str = ""
    document_reasons: list[str] = field(default_factory=list)
    # For a PCC response, plan or listing: the title of the report it responds to, as named.
    responds_to: str = ""
    # A letter's or response's own date ("Sent on", "Date of this response"), distinct from
    # the date of the report it is about. An inspectorate's letter and a PCC response are
    # published on it.
    letter_date: date | None = None
    # A register entry's status history, as written ("[on]9th February 2017 [status]…").
    status_log: list[str] = field(default_factory=list)
    # The text read, one line per line as ParsedFinding.lines counts them (evidence for the
    # person confirming; not part of to_dict).
    source_lines: list[str] = field(default_factory=list, repr=False)

    def source_excerpt(self, finding: ParsedFinding, limit: int = 1500) -> str:
        """The lines of the text a finding was read from, furniture included."""
        if not finding.lines or not self.source_lines:
            return ""
        start, end = finding.lines
        return "\n".join(self.source_lines[start - 1 : end]).strip()[:limit]

    @property
    def is_empty(self) -> bool:
        return not self.findings and not self.judgments

    def recognised(self) -> str:
        """What the reader made of the document, in words: for a document with no findings,
        the answer instead of a bare refusal."""
        parts = []
        if self.document_reasons:
            parts.append(self.document_reasons[0])
        parts.append(f"Title: “{self.title}”." if self.title else "No title was recognised.")
        if self.published:
            parts.append(f"Dated {self.published.isoformat()}.")
        if self.judgments:
            grades = "; ".join(f"{j.area}: {j.grade.replace('_', ' ')}" for j in self.judgments)
            parts.append(f"{len(self.judgments)} grades ({grades[:300]}).")
        else:
            parts.append("No grades.")
        return " ".join(parts)

    def reports_with_findings(self) -> list[int]:
        return sorted({finding.report for finding in self.findings})

    def to_dict(self) -> dict:
        """The shape `import_report --dry-run --json` prints."""
        return {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_precision": self.published_precision if self.published else None,
            "framework": self.framework,
            "kind": self.kind,
            "force": self.force,
            "judgments": [judgment.to_dict() for judgment in self.judgments],
            "findings": [finding.to_dict() for finding in self.findings],
            "reports": [
                {
                    "title": info.title,
                    "published": info.published.isoformat() if info.published else None,
                    "framework": info.framework,
                    "kind": info.kind,
                    "findings": info.finding_count,
                }
                for info in self.reports
            ],
            "warnings": list(self.warnings),
            "document_kind": self.document_kind,
            "document_reasons": list(self.document_reasons),
            "responds_to": self.responds_to,
            "letter_date": self.letter_date.isoformat() if self.letter_date else None,
        }
