"""Findings pass: a label or a lead-in opens a list of findings; under it each finding is a
headline with its explanation and sub-points (see parse.py for the order of precedence)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.report_reader import directives, list_ends, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.addressees import starts_with_subject
from inspections.report_reader.announcements import announced_kind, evidenced_kind, leadin_prefix
from inspections.report_reader.blocks import ITEM, Block
from inspections.report_reader.line_shapes import starts_lower
from inspections.report_reader.paragraphs import (
    asks_the_meeting,
    counts_findings,
    is_headline_paragraph,
    lower_first,
    names_an_area,
)


@dataclass
class FindingContext:
    """An open list of findings under a label."""

    kind: str
    plural: bool
    level: int
    label: str
    number: str = ""
    area: str = ""
    section: str = ""
    prefix: str = ""  # a directive lead-in put before each bullet ("The force should ensure")
    list_mode: str | None = None  # "parts": bullets belong to the open finding; "findings"
    base_depth: int | None = None
    style: str = ""  # how the current finding started: heading | para | item | leadin | inline
    cause: int | None = None
    single: bool = False  # a numbered label ("AFI 3") introduces one finding only
    count: int = 0
    confidence: float = 1.0  # of the findings it opens: lower for lists opened by a lead-in
    from_leadin: bool = False
    intro: str = ""  # the paragraphs before a lead-in: what its findings are about
    boxed: bool = False  # opened inside a box (a Markdown blockquote): ends where the box does


# The inspectorate's sentence that leads from the box of findings into the detail: the list
# of findings is over.
_CLOSING_RE = re.compile(
    r"^(?:we|i)\s+(?:set\s+out|describe|explain|report)\b[^.]*\b(?:below|following"
    r"|in\s+(?:the\s+rest\s+of\s+)?this\s+(?:report|section|letter))\b",
    re.IGNORECASE,
)


_SET_OUT_IN_FULL_RE = re.compile(
    r"(?i)\b(?:set\s+out|described|explained|given)\s+in\s+(?:full|detail)\b"
    r"|\bin\s+full\s+in\s+the\s+(?:chapter|section|rest)\b"
)
# A heading over a summary's list of findings ("Areas for improvement – at a glance").
SUMMARY_LIST_RE = re.compile(r"(?i)\b(?:at\s+a\s+glance|in\s+brief|in\s+summary)\b")
_PARAGRAPH_NUMBER_RE = re.compile(r"^(?P<section>\d{1,2})\.(?P<number>\d{1,2})\.?\s")


class FindingsPass:
    """Open lists of findings and the findings in them: mixed into the parser."""

    def _inline_ok(self, label: vocab.Label) -> bool:
        if label.inline and starts_lower(label.inline):
            # "AFI 3: the force has recruited four officers …": a sentence about the finding
            # running on after its label, not the finding, unless it tells someone to act.
            return directives.is_directive(label.inline)
        return bool(label.inline) and (
            directives.is_headline_like(label.inline) or len(vocab.words(label.inline)) >= 6
        )

    def _open_context(self, label: vocab.Label, level: int) -> None:
        if label.inline and asks_the_meeting(label.inline):
            # "RECOMMENDATION: That the Panel notes the report.": a paper's own, to its meeting.
            self._close_context()
            return
        if self.ctx is not None and self.ctx.count == 0 and self.ctx.kind == label.kind:
            self.ctx.count = -1  # "Recommendations" then "Recommendation 1": not empty
        if label.kind == model.RECOMMENDATION and self.last_cause is None:
            self._cause_stated_before(level)
        self._close_context()
        cause = None
        if label.kind == model.RECOMMENDATION and self.last_cause is not None:
            cause = self.last_cause
        elif label.kind != model.RECOMMENDATION:
            self.last_cause = None
        area = self._area_name()
        if cause is not None and not area:
            area = self.findings[cause].area  # a cause of concern's recommendations: its area
        names_area = bool(label.inline) and not self._inline_ok(label) and names_an_area(label)
        if names_area:
            # "Cause of concern: Responding to the public": the area it is about, not a finding.
            area = self._canonical(label.inline)
        self.ctx = FindingContext(
            kind=label.kind,
            plural=label.plural,
            level=level,
            label=label.word,
            number=label.number,
            area=area,
            section=self._section(f"{label.word}: {label.inline}" if names_area else label.word),
            cause=cause,
            single=bool(label.number) or (bool(label.inline) and not names_area),
            boxed=self._boxed(),
        )
        if self._inline_ok(label):
            self._start_finding(label.inline, style="inline")

    def _close_context(self) -> None:
        if self.ctx is not None and self.ctx.count == 0 and not self.ctx.single:
            where = f" under “{self.ctx.area}”" if self.ctx.area else ""
            self.warnings.append(
                f"A “{self.ctx.label}” heading{where} has nothing under it that reads as a finding."
            )
        self.ctx = None
        self.current = None
        self.open_sublist = False

    def _start_finding(self, text: str, *, style: str, number: str = "") -> None:
        ctx = self.ctx
        assert ctx is not None
        if _SET_OUT_IN_FULL_RE.search(text):
            # "We have identified five areas for improvement. Each is set out in full in the
            # chapter it relates to.": the list is a summary, left out when they are.
            ctx.from_leadin = True
        number = number or ctx.number
        reference = f"{vocab.REFERENCE_PREFIX[ctx.kind]} {number}" if number else ""
        finding = model.ParsedFinding(
            kind=ctx.kind,
            text=text.strip(),
            area=ctx.area,
            reference=reference,
            section=ctx.section,
            report=self.report,
            cause_of_concern=ctx.cause if ctx.kind == model.RECOMMENDATION else None,
            lines=self._block_lines(),
            confidence=ctx.confidence,
        )
        self.findings.append(finding)
        if ctx.intro:
            self.intros[len(self.findings) - 1] = ctx.intro
        if ctx.from_leadin:
            self.from_leadin.add(len(self.findings) - 1)
        if ctx.kind == model.CAUSE_OF_CONCERN:
            self.last_cause = len(self.findings) - 1
        self.current = finding
        ctx.style = style
        ctx.count += 1
        self.open_sublist = style == "item" and text.rstrip().endswith(":")

    def _block_lines(self) -> tuple[int, int] | None:
        block = self.blocks[self.index] if 0 <= self.index < len(self.blocks) else None
        if block is None or not block.line:
            return None
        return (block.line, max(block.end, block.line))

    def _extend_lines(self) -> None:
        """The open finding now runs to the end of the current block."""
        here = self._block_lines()
        if self.current is None or here is None:
            return
        start = self.current.lines[0] if self.current.lines else here[0]
        self.current.lines = (min(start, here[0]), max(here[1], start))

    def _append(self, text: str) -> None:
        assert self.current is not None
        self.current.text = f"{self.current.text}\n\n{text.strip()}"
        self._extend_lines()

    def _add_part(self, text: str, depth: int) -> None:
        assert self.current is not None
        indent = "  " * depth
        self.current.parts.append(text)
        self.current.text = f"{self.current.text}\n{indent}- {text}"
        self._extend_lines()

    def _next_items(self) -> list[Block]:
        items = []
        for block in self.blocks[self.index + 1 :]:
            if block.kind != ITEM:
                break
            items.append(block)
        return items

    def _context_para(self, text: str) -> None:
        ctx = self.ctx
        assert ctx is not None
        items = self._next_items()
        lead_in = bool(items) and (
            text.rstrip().endswith((":", "-", "–", "—")) or re.search(r"(?i)as follows\.?$", text)
        )
        if lead_in:
            override = re.search(
                r"(?i)\b(?:part\s+of|under)\s+the\s+(?P<area>[\w ,'-]{3,80}?)\s+"
                r"(?:pillar|question|area)\b",
                text,
            )
            if override:
                ctx.area = self._canonical(override.group("area"))
            sentence = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
            sentence = re.sub(r"\s*[:\-–—]+\s*$", "", sentence).strip()
            fragments = all(
                vocab.blocks_start_lower(item.text)
                for item in items
                if item.level == items[0].level
            )
            announced = announced_kind(sentence) or evidenced_kind(sentence, items)
            if announced is not None and not ctx.single:
                # "We made two recommendations in this report:" under another label: a new list.
                self._open_leadin(announced, leadin_prefix(sentence), ctx.level)
                return
            directive = directives.is_directive(sentence)
            caused = directive or directives.has_directive_clause(sentence)
            if ctx.kind == model.CAUSE_OF_CONCERN and self.current is not None and caused:
                # "Within three months, the force should:" after a cause of concern ("To address
                # this cause of concern, we recommended that … the force should:" in a revisit
                # letter): its recommendations, one per item.
                self._open_leadin(model.RECOMMENDATION, sentence, ctx.level)
                return
            if self.current is not None and (ctx.style in ("heading", "inline") or ctx.single):
                self._append(text)
                if ctx.single:
                    ctx.list_mode = "parts"
                return
            if directive and fragments and not (ctx.kind == model.RECOMMENDATION and ctx.plural):
                self._start_finding(text.strip(), style="leadin")
                ctx.list_mode = "parts"
                return
            self.current = None
            ctx.prefix = sentence if directive else ""
            ctx.list_mode = "findings"
            ctx.base_depth = None
            return
        if _CLOSING_RE.match(text) and not ctx.single:
            self._close_context()
            return
        if self.current is None:
            self._first_para(text)
            return
        if ctx.list_mode == "findings" and ctx.style == "item" and not list_ends.is_answer(text):
            if vocab.blocks_start_lower(text):
                self.current.text = f"{self.current.text} {text}"
                self._extend_lines()
                return
            if directives.is_directive(text) and starts_with_subject(text) and not ctx.single:
                # A whole directive after the list ("By 31 December 2024, the chief constable
                # should …"): one more finding of the same label, not the end of the list.
                self._start_finding(text, style="para")
                return
            self._close_context()
            return
        if (
            ctx.style == "para"
            and not ctx.single
            and (
                is_headline_paragraph(text)
                or (
                    directives.is_directive(text)
                    and (starts_with_subject(text) or self._next_number(text))
                    and len(vocab.words(text)) < 80
                )
            )
        ):
            self._start_finding(text, style="para")
            return
        self._append(text)

    def _next_number(self, text: str) -> bool:
        """The paragraph carries the number after the current finding's ("4.4" after "4.3"):
        the report's next numbered paragraph, whoever its subject is ("4.4 Custody staff
        should …")."""
        current = _PARAGRAPH_NUMBER_RE.match(self.current.text) if self.current else None
        following = _PARAGRAPH_NUMBER_RE.match(text)
        return bool(
            current
            and following
            and following.group("section") == current.group("section")
            and int(following.group("number")) == int(current.group("number")) + 1
        )

    def _first_para(self, text: str) -> None:
        """The first paragraph under a label is its finding, unless it counts the findings set
        out elsewhere or asks a meeting to note or agree something: then the section is a
        committee paper's own "Recommendation" to its board, which owes no one anything."""
        assert self.ctx is not None
        if asks_the_meeting(text):
            self.ctx.count = -1  # not an empty heading to warn about
            self._close_context()
        elif len(vocab.words(text)) <= 3 and not directives.is_sentence_like(text):
            return  # a flattened table's column headings ("Response", "Owner / status")
        elif not counts_findings(text):
            self._start_finding(text, style="para")

    def _is_commentary(self, block: Block) -> bool:
        """A bullet under a numbered finding whose label gave its whole text (a directive
        ending in a full stop, so nothing more was announced): a whole sentence reporting
        progress rather than telling anyone to act."""
        ctx, current, text = self.ctx, self.current, block.text.strip()
        return bool(
            ctx is not None
            and ctx.single
            and ctx.number
            and ctx.style == "inline"
            and current is not None
            and current.text.rstrip().endswith(".")
            and "\n" not in current.text
            and directives.is_directive(current.text)
            and not vocab.blocks_start_lower(text)
            and not directives.is_directive(text)
            and directives.is_sentence_like(text)
        )

    def _context_item(self, block: Block) -> None:
        ctx = self.ctx
        assert ctx is not None
        text = block.text
        if self._is_commentary(block) or list_ends.numbered_heading(block, ctx, self.current):
            # "AFI 7 – the force should ensure …." then "- The Assistant Commissioner has …":
            # progress notes on a finding quoted in full, not parts of it. The finding is over.
            self._close_context()
            return
        if (
            ctx.kind == model.CAUSE_OF_CONCERN
            and self.current is not None
            and ctx.list_mode is None
            and directives.has_directive_clause(text)
            and not vocab.blocks_start_lower(text)
        ):
            # Whole directives under a cause of concern, with no lead-in ("… the force should
            # immediately …" one per bullet): its recommendations.
            self._open_leadin(model.RECOMMENDATION, "", ctx.level)
            self._context_item(block)
            return
        if ctx.list_mode is None:
            ctx.list_mode = "parts" if self.current is not None else "findings"
        if ctx.list_mode == "parts" and self.current is not None:
            self._add_part(
                text, block.level if ctx.base_depth is None else block.level - ctx.base_depth
            )
            if ctx.base_depth is None:
                ctx.base_depth = block.level
            return
        if ctx.base_depth is None:
            ctx.base_depth = block.level
        depth = block.level - ctx.base_depth
        if (
            self.current is not None
            and ctx.style == "item"
            and (depth > 0 or (self.open_sublist and vocab.blocks_start_lower(text)))
        ):
            self._add_part(text, max(depth - 1, 0))
            if self.open_sublist and text.rstrip().endswith(".") and depth == 0:
                self.open_sublist = False
            return
        body = text
        if ctx.prefix and not directives.is_directive(text):
            body = f"{ctx.prefix} {lower_first(text)}"
            # One sentence cut into bullets, each now a finding of its own: end it properly.
            body = (
                re.sub(r"\s*(?:;|,)?\s*(?:and|or)?\s*$", "", body.rstrip(" ;"))
                if re.search(r"(?:;|;\s*(?:and|or)|,\s*(?:and|or))\s*$", body)
                else body
            )
            if not body.endswith(tuple(".!?:")):
                body += "."
        elif ctx.from_leadin:
            # "These were:" / "- the way the force records use of force;": the list's
            # punctuation is not the finding's.
            body = re.sub(r"\s*;\s*(?:and|or)?\s*$", ".", body)
        number = block.number if block.number.isdigit() else ""
        self._start_finding(body, style="item", number=number)
        self.open_sublist = text.rstrip().endswith(":")
