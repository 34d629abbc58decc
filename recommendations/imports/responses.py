"""A PCC response read by inspections.report_reader, proposed as what it is: the local policing
body's answer to a report already recorded, its quoted findings matched to the recorded ones.
Never new findings and never a new report: confirming it writes explanations (s.55(5B)) on the
force's response row, and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from inspections.access import can_edit_force
from inspections.models import Force, Inspection, document_name
from inspections.report_reader import ParsedFinding, ParsedReport
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.model import PCC_RESPONSE
from peel_tracker.text import counted
from recommendations.imports.services import LINK_THRESHOLD, similarity
from recommendations.models import Finding, FindingExplanation, Response

# A quoted finding is the recorded one when their headlines are at least this alike (the
# lineage threshold, recommendations.imports.services.LINK_THRESHOLD): a response quotes the
# report's words, usually verbatim, so a true match scores near 1 and unrelated findings of the
# same report stay well below it.
MATCH_THRESHOLD = LINK_THRESHOLD
# An explanation longer than this is cut: the person confirming reads it first.
EXPLANATION_LIMIT = 5000

# "Response:", "PCC response –", "Commissioner's comments:" at the start of an answer.
_ANSWER_LABEL_RE = re.compile(
    r"^(?:[\w'’ ]{0,40}\b)?(?:response|comments?|update|action)\s*[:–—-]\s*", re.IGNORECASE
)


@dataclass
class QuotedFinding:
    """One finding the response quotes: the recorded finding it matches (or None), how alike
    they read, and the body's explanation as the document gives it (empty if it gives none)."""

    kind: str
    text: str
    lines: tuple[int, int] | None = None
    finding: Finding | None = None
    score: float = 0.0
    explanation: str = ""


@dataclass
class ResponseProposal:
    """What a PCC response document is, as a proposal; nothing is written to make it."""

    force: Force
    responds_to: str
    recognised: str
    report: Inspection | None = None
    response: Response | None = None
    quoted: list[QuotedFinding] = field(default_factory=list)
    source_document: str = ""

    @property
    def matched(self) -> list[QuotedFinding]:
        return [quoted for quoted in self.quoted if quoted.finding is not None]

    def summary(self) -> str:
        """'A response by … to “…” (recorded: yes); quoted findings matched: 3 of 4.'"""
        body = self.response.body_name if self.response else self.force.local_policing_body
        named = f"“{self.responds_to}”" if self.responds_to else "a report it does not name"
        recorded = "yes" if self.report else "no"
        return (
            f"A response by {body} to {named} (recorded: {recorded}); quoted findings "
            f"matched: {len(self.matched)} of {len(self.quoted)}."
        )

    def refusal(self) -> str:
        """Why the proposal cannot be confirmed, in words, or "" when it can."""
        if self.report is None:
            named = (
                f"names the report “{self.responds_to}”, which is not recorded for {self.force}"
                if self.responds_to
                else "does not name the report it answers"
            )
            return (
                f"This document is a PCC response: it {named}. What the reader recognised: "
                f"{self.recognised} Record the report first (import the report itself, or add "
                "it in the admin), then import this response again; a response is never "
                "recorded as a new report or as new findings. Nothing was saved."
            )
        if self.response is None:
            return (
                f"{self.force} owes no response to “{self.report.title}” in the record, so there "
                "is nothing to attach the explanations to. Nothing was saved."
            )
        if not self.quoted:
            return (
                f"The document quotes no finding the reader recognises, so there is nothing to "
                f"save on {self.force}'s response to “{self.report.title}”. What the reader "
                f"recognised: {self.recognised} Nothing was saved."
            )
        if not self.matched:
            return (
                f"None of the {counted(len(self.quoted), 'finding')} the document quotes matches "
                "a recorded "
                f"finding of “{self.report.title}”. Nothing was saved."
            )
        return ""


def _title_key(title: str) -> str:
    # Case, spacing, quotes, dashes and punctuation do not tell two titles apart.
    return vocab.plain(title)


def report_find_answered(*, force: Force, title: str) -> Inspection | None:
    """The recorded report with this title (case and spacing ignored) that applies to the force:
    its own, or a national one that applies to it."""
    key = _title_key(title)
    if not key:
        return None
    reports = (
        Inspection.objects.filter(Q(force=force) | Q(force__isnull=True, applies_to=force))
        .distinct()
        .order_by("-published_on", "pk")
    )
    return next((report for report in reports if _title_key(report.title) == key), None)


def _explanation(parsed: ParsedReport, index: int, answers_follow: bool) -> str:
    """The document's text after a quoted finding: the paragraphs the reader kept with the
    finding after its first, then the lines up to the next finding (its label left out). The
    last finding takes the lines up to the end only when earlier ones had answers of their own;
    otherwise a closing commentary would be read as its answer."""
    finding = parsed.findings[index]
    paragraphs = [p.strip() for p in finding.text.strip().split("\n\n")[1:]]
    if finding.lines and parsed.source_lines:
        later = [f.lines[0] for f in parsed.findings[index + 1 :] if f.lines]
        if later or answers_follow:
            end = min(later) - 1 if later else len(parsed.source_lines)
            following = "\n".join(parsed.source_lines[finding.lines[1] : end])
            paragraphs += [p.strip() for p in following.split("\n\n")]
    kept = []
    for paragraph in paragraphs:
        label = vocab.match_label(paragraph) if paragraph else None
        answer = _ANSWER_LABEL_RE.sub("", paragraph, count=1).strip()
        if answer and (label is None or label.inline):
            kept.append(answer)
    return "\n\n".join(kept)[:EXPLANATION_LIMIT].strip()


def _match(quoted: list[QuotedFinding], recorded: list[Finding]) -> None:
    """Each quoted finding to the recorded finding it reads most like, at or above
    MATCH_THRESHOLD, best pairs first, each recorded finding used once."""
    pairs = sorted(
        (
            (similarity(item.text, finding.text), number, finding)
            for number, item in enumerate(quoted)
            for finding in recorded
        ),
        key=lambda pair: (-pair[0], pair[1], pair[2].position),
    )
    used: set[int] = set()
    for score, number, finding in pairs:
        item = quoted[number]
        if score < MATCH_THRESHOLD or item.finding is not None or finding.pk in used:
            continue
        item.finding, item.score = finding, score
        used.add(finding.pk)


def response_proposal_from_parsed(
    *, parsed: ParsedReport, force: Force, title: str | None = None, source_document: str = ""
) -> ResponseProposal:
    """Propose a document the reader calls a PCC response as the force's response to the
    recorded report it names (`title` overrides the name the reader found): the report, the
    force's response row, and each quoted finding with its recorded match and the document's
    answer to it. Reads only. The report is None when none is recorded; `refusal()` says so."""
    if parsed.document_kind != PCC_RESPONSE:
        # recognised() is sentences of its own, each ending in a full stop.
        raise ValidationError(
            "This document is not a PCC response: import it as a report instead. What the "
            f"reader recognised: {parsed.recognised()}"
        )
    responds_to = " ".join((title or parsed.responds_to).split())
    report = report_find_answered(force=force, title=responds_to) if responds_to else None
    response = Response.objects.filter(inspection=report, force=force).first() if report else None
    findings: list[tuple[int, ParsedFinding]] = [
        (index, finding)
        for index, finding in enumerate(parsed.findings)
        if finding.report == parsed.main_report
    ]
    quoted: list[QuotedFinding] = []
    answers_follow = False
    for index, finding in findings:
        explanation = _explanation(parsed, index, answers_follow)
        answers_follow = answers_follow or bool(explanation)
        quoted.append(
            QuotedFinding(
                kind=finding.kind,
                text=finding.text.strip().split("\n\n", 1)[0],
                lines=finding.lines,
                explanation=explanation,
            )
        )
    if report is not None:
        _match(quoted, list(report.findings.order_by("position")))
    return ResponseProposal(
        force=force,
        responds_to=responds_to,
        recognised=parsed.recognised(),
        report=report,
        response=response,
        quoted=quoted,
        source_document=document_name(source_document),
    )


@dataclass
class ExplanationsSaved:
    created: list[FindingExplanation]
    already_explained: int = 0
    without_text: int = 0


@transaction.atomic
def response_explanations_import(*, proposal: ResponseProposal, user: User) -> ExplanationsSaved:
    """Write an explanation on the force's response for each matched finding the document
    answers, skipping findings the response already explains (so a second run writes nothing)
    and matches the document gives no text for. Never creates findings or reports and never
    marks the response published. Refuses users who do not edit the force, and a proposal with
    no recorded report, no response row, or a match outside the report (all before writing)."""
    if not can_edit_force(user, proposal.force.pk):
        raise PermissionDenied("You can only change the responses of forces you edit.")
    problem = proposal.refusal()
    if problem:
        raise ValidationError(problem)
    report, response = proposal.report, proposal.response
    if response.inspection_id != report.pk or response.force_id != proposal.force.pk:
        raise ValidationError(
            f"The response row is not {proposal.force}'s response to “{report.title}”. "
            "Nothing was saved."
        )
    strays = [q.finding for q in proposal.matched if q.finding.inspection_id != report.pk]
    if strays:
        raise ValidationError(
            f"“{strays[0]}” is not a finding of “{report.title}”: a response explains only its "
            "report's findings. Nothing was saved."
        )
    explained = set(response.explanations.values_list("finding_id", flat=True))
    saved = ExplanationsSaved(created=[])
    for quoted in proposal.matched:
        if quoted.finding.pk in explained:
            saved.already_explained += 1
            continue
        if not quoted.explanation.strip():
            saved.without_text += 1
            continue
        explanation = FindingExplanation(
            response=response, finding=quoted.finding, text=quoted.explanation.strip()
        )
        explanation._history_user = user
        explanation.full_clean()
        explanation.save()
        explained.add(quoted.finding.pk)
        saved.created.append(explanation)
    return saved
