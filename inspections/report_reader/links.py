"""Links pass: findings a later report says remain in place (carried forward), duplicates of a
summary that lists the findings again, and each recommendation's cause of concern kept
through both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspections.report_reader import directives, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import ITEM, PARA
from inspections.report_reader.line_shapes import address_line
from inspections.report_reader.paragraphs import speaks_of_open_findings


@dataclass
class Narrative:
    """A subheading outside any list of findings, and the paragraphs under it: read for
    findings the report says remain in place."""

    headline: str
    area: str
    section: str
    paragraphs: list[str] = field(default_factory=list)
    remains: str = ""
    lines: tuple[int, int] | None = None


# "The force hasn't done enough to address this cause of concern, and it therefore remains
# open.": a verdict on a finding stated above, with no words of its own.
# A tally of findings: "Nine areas for improvement; four have been closed by HMICFRS and five
# remain open." (a listing's status line): counts, not a finding.
_TALLY_RE = re.compile(
    r"(?i)\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|both)"
    r"\s+(?:of\s+them\s+|of\s+these\s+)?(?:remain|remains|are|have\s+been|has\s+been)\s+"
    r"(?:open|closed|outstanding|complete)\b"
)
_THIS_FINDING_RE = re.compile(
    r"(?i)\b(?:this|that)\s+(?:cause\s+of\s+concern|recommendation|area\s+for\s+improvement"
    r"|AFI)\b[^.]*\b(?:remains?|is\s+still|has\s+been)\b"
)
_GRADES_KEPT_RE = re.compile(r"(?i)\b(?:judge?ments?|grades?|gradings?)\b")
# The inspectorate describing its practice in general, as a glossary does: "if we identify a
# serious shortcoming …, we will report it as a cause of concern". A finding names what was
# found in one force; it does not say what "we" do whenever something is found.
_DEFINITION_RE = re.compile(
    r"(?is)\b(?:if|when(?:ever)?)\s+(?:we|our\s+inspectors?)\s+(?:identify|find|discover|see)\b"
    r".{0,300}?\b(?:we|it)\s+(?:will|would|normally|always)\s+(?:\w+\s+)?"
    r"(?:report|call|treat|describe|make|record)\b"
)


# A sentence under a finding label that announces how many there are, pointing elsewhere
# ("We also identified eight areas for improvement. These are listed in Section 7."): the
# report speaking of its findings, not one of them.
_ANNOUNCES_RE = re.compile(
    r"(?i)^(?:(?:we|the\s+report|this\s+report|inspectors)\s+(?:also\s+)?(?:have\s+)?"
    r"(?:identified|made|make|found|set\s+out|raised)\s+(?:\d{1,2}|[a-z]+)\s+(?:further\s+|other\s+)?"
    r"(?:areas?\s+for\s+improvement|recommendations?|causes?\s+of\s+concern)\b[^:]*$"
    # or says whom the rest are for ("The remaining recommendations are for the Home Office")
    r"|(?:the\s+)?(?:remaining|other|these|those|all|both)\s+(?:\w+\s+)?(?:recommendations"
    r"|areas\s+for\s+improvement|causes\s+of\s+concern)\s+(?:are|were|apply|relate)\b)"
)


class LinksPass:
    """Carried-forward findings: mixed into the parser."""

    def _flush_narrative(self) -> None:
        narrative, self.narrative = self.narrative, None
        if narrative is None or not narrative.remains:
            return
        kept = next(
            (
                s
                for s in re.split(r"(?<=[.!?])\s+", narrative.remains)
                if vocab.REMAINS_RE.search(s)
            ),
            narrative.remains,
        )
        listed = any(
            p.startswith("- ") and directives.is_directive(p[2:]) for p in narrative.paragraphs
        )
        if _GRADES_KEPT_RE.search(kept) and not vocab.FINDING_WORD_RE.search(kept) and not listed:
            # "Some of our judgments … have been carried over", "The judgment of good is
            # carried forward …": grades, not findings (unless an earlier finding is listed).
            return
        words_match = vocab.FINDING_WORD_RE.search(narrative.remains) or next(
            (
                match
                for match in (vocab.FINDING_WORD_RE.search(p) for p in narrative.paragraphs)
                if match
            ),
            None,
        )
        if words_match is None:
            return
        kind = (
            model.AFI
            if words_match.group("afi")
            else model.RECOMMENDATION
            if words_match.group("rec")
            else model.CAUSE_OF_CONCERN
        )
        explanation = "\n\n".join(narrative.paragraphs)
        listed = [
            p[2:]
            for p in narrative.paragraphs
            if p.startswith("- ") and directives.is_directive(p[2:])
        ]
        if listed:
            # "One area for improvement remained from that inspection." and the AFI as a bullet.
            headlines = listed
            explanation = "\n\n".join(
                p
                for p in narrative.paragraphs
                if p not in (narrative.remains, *listed) and not p.startswith("- ")
            )
        elif narrative.headline and directives.is_directive(narrative.headline):
            headlines = _split_coordinated(
                narrative.headline, vocab.remains_count(narrative.remains)
            )
        else:
            sentences = re.split(r"(?<=[.!?])\s+", narrative.remains)
            headlines = [
                next((s for s in sentences if vocab.REMAINS_RE.search(s)), narrative.remains)
            ]
            if re.match(
                r"(?i)(?:this|that|these|those|it|both)\b|(?:afis?|areas?\s+for\s+improvement"
                r"|recommendations?|causes?\s+of\s+concern)\s+\d+[a-z]?\s+(?:has|have|is|are|was"
                r"|were|remains?|will)\b",
                headlines[0].strip(),
            ):
                # "This cause of concern remains open." (a revisit letter's verdict), "AFI 3 has
                # been submitted for closure and remains open" (a paper's progress report) point
                # back to a finding stated elsewhere; they have no words of their own to propose.
                return
            if (
                speaks_of_open_findings(headlines[0])
                or _THIS_FINDING_RE.search(headlines[0])
                or _TALLY_RE.search(headlines[0])
            ):
                # "… the progress made against the recommendations and AFIs that remain open"
                # (a paper's purpose): findings in general, none of them stated.
                return
            explanation = "\n\n".join(p for p in narrative.paragraphs if p != narrative.remains)
        for headline in headlines:
            headline = headline.strip()
            if not headline.endswith(tuple(".!?:")):
                headline += "."
            text = f"{headline}\n\n{explanation}" if explanation else headline
            self.findings.append(
                model.ParsedFinding(
                    kind=kind,
                    text=text.strip(),
                    area=narrative.area,
                    section=narrative.section,
                    remains_from_earlier=True,
                    report=self.report,
                    lines=narrative.lines,
                    confidence=0.8,
                )
            )

    def _narrative_lines(self) -> None:
        """The open narrative now runs to the end of the current block."""
        block = self.blocks[self.index] if 0 <= self.index < len(self.blocks) else None
        if self.narrative is None or block is None or not block.line:
            return
        start = self.narrative.lines[0] if self.narrative.lines else block.line
        self.narrative.lines = (start, max(block.end, block.line))

    def _summaries_and_cut_text(self) -> set[int]:
        """Findings to leave out: a definition (a glossary entry headed by a finding's label);
        a summary's list ("We have issued two causes of concern …
        as a result of its failure to: …") when the same kind is then set out under its own
        label; the last item when the text stops in its first words."""
        drop = {
            n
            for n, f in enumerate(self.findings)
            if _DEFINITION_RE.search(f.text)
            or _ANNOUNCES_RE.match(f.headline)
            or address_line(f.text)  # a signatory's role at the foot of the page
        }
        for number in self.from_leadin:
            kind = self.findings[number].kind
            if any(
                later > number and later not in self.from_leadin and f.kind == kind
                for later, f in enumerate(self.findings)
            ):
                drop.add(number)
        last = next((b for b in reversed(self.blocks) if b.text.strip()), None)
        if last is not None and last.kind in (ITEM, PARA) and self.findings:
            finding = self.findings[-1]
            cut = not last.text.rstrip().endswith(tuple('.!?;:"”’)'))
            if cut and finding.lines and finding.lines[1] >= last.line:
                if finding.lines[0] == last.line and len(vocab.words(last.text)) < 6:
                    drop.add(len(self.findings) - 1)
                    self.warnings.append(f"The text stops mid-finding: “{last.text}”; left out.")
                else:
                    finding.confidence = min(finding.confidence, 0.5)
                    self.warnings.append("The text stops mid-finding: check the last finding.")
        return drop

    def _status_line(self) -> None:
        """'Status: complete' after a finding (a tracker, a register entry): the finding ends;
        one that stood alone under its own label ("Recommendation 6989") ends its list."""
        if self.ctx is None:
            return
        if self.ctx.single:
            self._close_context()
            return
        self.current = None
        self.open_sublist = False


def _split_coordinated(headline: str, count: int) -> list[str]:
    """'… external scrutiny of its use of stop and search powers, and use of force' said to be
    two AFIs → '… of its use of stop and search powers', '… of its use of force'."""
    headline = headline.strip().rstrip(".")
    if count < 2:
        return [headline]
    match = re.search(r"^(?P<first>.+),?\s+and\s+(?P<last>[^,]+?)$", headline)
    if not match:
        return [headline]
    first, last = match.group("first").rstrip(","), match.group("last").strip()
    rest = [part.strip() for part in first.split(",")]
    head, conjuncts = rest[0], [*rest[1:], last]
    anchor = vocab.words(last)[0] if vocab.words(last) else ""
    position = -1
    for found in re.finditer(rf"\b{re.escape(anchor)}\b", head, re.IGNORECASE):
        position = found.start()
    if position <= 0:
        # No shared opening word: split after the last "of"/"to"/"on" before the first item.
        found = list(re.finditer(r"\b(?:of|to|on|for|in)\s+(?:its\s+|the\s+)?", head))
        if not found:
            return [headline]
        position = found[-1].end()
    prefix = head[:position]
    items = [head, *(prefix + conjunct for conjunct in conjuncts)]
    return items if len(items) == count else [headline]


def dedupe(findings: list[model.ParsedFinding]) -> list[model.ParsedFinding]:
    """A summary that lists the findings again (as 2023–25 reports do) must not double them:
    keep one of each kind and headline, the fuller text, and the later copy's area if it has
    one: the summary comes first, and its last heading is no area of the finding's (a PDF's
    judgments table read a cell a line left the summary under the table's last area)."""
    kept: list[model.ParsedFinding] = []
    index_of: dict[tuple[str, str, int], int] = {}
    remap: dict[int, int] = {}
    for position, finding in enumerate(findings):
        key = (finding.kind, vocab.plain(finding.headline)[:200], finding.report)
        if key in index_of:
            other = kept[index_of[key]]
            if len(finding.text) > len(other.text):
                other.text, other.parts = finding.text, finding.parts
            if finding.area:
                other.area, other.section = finding.area, finding.section
            other.remains_from_earlier = other.remains_from_earlier or finding.remains_from_earlier
            remap[position] = index_of[key]
            continue
        index_of[key] = len(kept)
        remap[position] = len(kept)
        kept.append(finding)
    for finding in kept:
        if finding.cause_of_concern is not None:
            finding.cause_of_concern = remap.get(finding.cause_of_concern)
    return kept


_LINK_STOP = {
    "force",
    "forces",
    "police",
    "should",
    "make",
    "sure",
    "that",
    "this",
    "with",
    "their",
    "which",
    "have",
    "from",
    "were",
    "been",
    "will",
    "they",
    "those",
    "these",
    "into",
    "also",
    "about",
    "when",
    "where",
    "there",
    "inspection",
    "recommendation",
    "recommendations",
    "concern",
    "cause",
    "causes",
    "within",
    "months",
    "improve",
}


def _stems(text: str) -> set[str]:
    return {
        word[:5]
        for word in re.findall(r"[a-z]+", text.lower())
        if len(word) >= 4 and word not in _LINK_STOP
    }


def link_causes(findings: list[model.ParsedFinding], intros: dict[int, str]) -> None:
    """A recommendation not listed under a cause of concern answers the one its words (and
    the paragraph that introduced it) share most with: a letter restates the causes of
    concern first and the recommendations later, section by section."""
    causes = [n for n, f in enumerate(findings) if f.kind == model.CAUSE_OF_CONCERN]
    if not causes:
        return
    cause_stems = {n: _stems(findings[n].text) for n in causes}
    for number, finding in enumerate(findings):
        if finding.kind != model.RECOMMENDATION or finding.cause_of_concern is not None:
            continue
        context = _stems(f"{intros.get(number, '')} {finding.text}")
        scores = sorted(
            (
                (len(context & cause_stems[n]), n)
                for n in causes
                if finding.report == findings[n].report
            ),
            reverse=True,
        )
        if not scores or scores[0][0] < 2:
            continue
        if len(scores) > 1 and scores[1][0] == scores[0][0]:
            continue
        finding.cause_of_concern = scores[0][1]


def drop_findings(findings: list[model.ParsedFinding], drop: set[int]) -> list[model.ParsedFinding]:
    """The findings without those numbered in `drop`, links renumbered."""
    if not drop:
        return findings
    remap: dict[int, int] = {}
    kept: list[model.ParsedFinding] = []
    for number, finding in enumerate(findings):
        if number in drop:
            continue
        remap[number] = len(kept)
        kept.append(finding)
    for finding in kept:
        if finding.cause_of_concern is not None:
            finding.cause_of_concern = remap.get(finding.cause_of_concern)
    return kept
