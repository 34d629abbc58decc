"""Text → report: title, dates, framework, graded judgments, findings and what the document is.

Before reading, furniture.py blanks page furniture (line numbers kept) and blocks.py cuts
the text into blocks. How a report is read, in order of precedence:

1. Reports in the document. An OPCC response template ("Inspection Title:", "Date
   Published:") may hold several; otherwise the document is one report, titled by its first
   heading (plus "An inspection of …" or a pillar name just below it).
2. Areas. A heading is an area when the report's era knows it (PEEL 2021/22 "Engaging with and
   treating the public with fairness and respect" is the area "Treatment of the public"), when
   it is a question ("How effective is the force at …?"), or when it sits at the document's
   section level (the heading level that carries grade lines and finding labels).
3. Grades. The judgments table (grades as column headings, areas below), two-column
   area/grade rows, a grade on its own line under an area heading, then sentences ("Cumbria
   Constabulary is adequate at …", "… requires improvement in …") and "ungraded" / "hasn't
   yet been completed" wording. The first grade found for an area wins; conflicts are warned.
4. Findings. A label ("Areas for improvement", "AFI 3", "Cause of concern", "Recommendations",
   "Innovative practice" …) opens a list. Under it, each finding is a headline (a heading or
   bold line, a paragraph, or a list item) with its explanatory paragraphs. Sub-bullets stay
   inside their parent. A lead-in ("The force should:") followed by sentence fragments is one
   finding with parts; followed by whole sentences, each bullet is a finding and the lead-in
   is prefixed to it. Recommendations after a cause of concern belong to it.
   Outside labels, lead-in sentences ("We made three recommendations in this report:"), a
   dated directive ("By March 2022, chief constables should …") and a register entry open
   lists too (leadins.py); so does a lead-in read from evidence: a count it announces met by
   the items, or "Recommendations from the … report." over items with a modal verb. A
   revisit letter's cause of concern is what "Our inspection found:" quotes or "we found
   that the force was …" states. Tracker status lines end a finding; progress bullets under
   a numbered finding given in full ("AFI 7 – the force should …. / - The ACC has …") end it.
5. Carried forward. A directive headline ("The force should ensure …") whose text says the
   earlier AFIs or recommendations "will remain in place" becomes that many findings marked
   remains_from_earlier (the headline split at its last "and" when it names two).
6. Afterwards: recommendations linked to their cause of concern, summary lists and text cut
   off left out, duplicates merged (links.py); deadlines and addressees (addressees.py); what
   the document is (kind.py), which caps the confidence of quoted and near-miss findings.

The passes live in their own modules and are mixed into one parser: metadata.py (title,
dates, era, force), grades.py (areas and judgments), grade_sentences.py and prose_grades.py
(grades in sentences and prose), findings.py (lists of findings) with list_headings.py
(headings inside them), leadins.py (lists opened by
a sentence), table_rows.py (judgments tables, tracker and plan tables), links.py (carried
forward, causes of concern, duplicates) and result.py (the parsed report put together, run
last)."""

from __future__ import annotations

import re

from inspections.report_reader import directives, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import (
    BOLD_LEVEL,
    HEADING,
    ITEM,
    PARA,
    ROW,
    Block,
    normalise,
    to_blocks,
)
from inspections.report_reader.findings import (
    FindingContext,
    FindingsPass,
    is_headline_paragraph,
)
from inspections.report_reader.furniture import Furniture, strip_furniture
from inspections.report_reader.grade_columns import grade_columns
from inspections.report_reader.grade_sentences import GradeSentencesPass
from inspections.report_reader.graded_headings import graded_headings
from inspections.report_reader.grades import AreaHeading, GradesPass
from inspections.report_reader.hyphens import join_hyphens
from inspections.report_reader.leadins import LeadInPass
from inspections.report_reader.links import LinksPass, Narrative
from inspections.report_reader.list_headings import ListHeadingsPass
from inspections.report_reader.metadata import MetadataPass, Segment
from inspections.report_reader.prose_grades import ProseGradesPass
from inspections.report_reader.restated_causes import RestatedCausesPass
from inspections.report_reader.result import ResultPass
from inspections.report_reader.table_rows import TableRowsPass
from inspections.report_reader.title_pass import TitlePass


def parse_text(text: str) -> model.ParsedReport:
    """Read a report from its text (plain text or Markdown). Line numbers in the result
    (ParsedFinding.lines) count lines of the text with line endings normalised."""
    text = normalise(text)
    cleaned, furniture = strip_furniture(text)
    cleaned = join_hyphens(cleaned)
    report = _Parser(graded_headings(to_blocks(grade_columns(cleaned))), furniture).run()
    report.source_lines = text.split("\n")
    return report


class _Parser(
    MetadataPass,
    GradesPass,
    GradeSentencesPass,
    ProseGradesPass,
    FindingsPass,
    LeadInPass,
    LinksPass,
    ListHeadingsPass,
    RestatedCausesPass,
    ResultPass,
    TableRowsPass,
    TitlePass,
):
    def __init__(self, blocks: list[Block], furniture: Furniture | None = None):
        self.blocks = blocks
        self.furniture = furniture or Furniture()
        self.recent_paragraphs: list[str] = []
        self.finding_column: tuple[int, vocab.Label] | None = None
        self.grade_column: int | None = None  # this report's grades in a table of several
        self.intros: dict[int, str] = {}
        self.from_leadin: set[int] = set()
        self.lone_entry = False  # the page is one recommendation and nothing else
        self.findings: list[model.ParsedFinding] = []
        self.judgments: list[model.ParsedJudgment] = []
        self.carried_areas: set[str] = set()  # areas whose grade the text says is carried over
        self.warnings: list[str] = []
        self.areas: list[AreaHeading] = []
        self.ctx: FindingContext | None = None
        self.current: model.ParsedFinding | None = None
        self.open_sublist = False
        self.narrative: Narrative | None = None
        self.last_cause: int | None = None
        self.table: list[str | None] | None = None
        self.row_findings = 0  # findings read one per row of a table of findings
        self.quoted_cause: int | None = None  # the block quoted after "Our inspection found:"
        self.pending_field: str | None = None
        self.report = 0
        self.segments: list[Segment] = [Segment(start=0)]
        self.frameworks: list[str | None] = [None]
        self.title_blocks: set[int] = set()
        self.line_graded: set[str] = set()  # areas graded by a grade on its own line
        self.grade_list: str | None = None  # "we assessed the force as good at:" before items
        marked = [
            n
            for n, b in enumerate(blocks)
            if b.kind == HEADING and b.style in ("md", "bold") and b.level <= BOLD_LEVEL
        ]
        # One "# " heading on the first line does not make the document Markdown (line_shapes.py).
        self.markdown = len(marked) >= 2 or any(n > 0 or blocks[n].style == "bold" for n in marked)
        self.section_level = self._section_level()

    def run(self) -> model.ParsedReport:
        self._read_title()
        self._read_segments()
        self.index = 0
        if self._is_register_entry():
            # One entry of the inspectorate's recommendation register: one recommendation,
            # whatever lists and later sentences it holds, up to its status history.
            self._open_context(vocab.Label(kind=model.RECOMMENDATION, plural=False), BOLD_LEVEL)
            assert self.ctx is not None
            self.ctx.single = True
        for index, block in enumerate(self.blocks):
            self.index = index
            self.report = self._segment_at(index)
            if self.pending_field is not None:
                self.pending_field = None
                continue
            if self.ctx is not None and self.ctx.boxed and not block.boxed:
                self._close_context()  # the box the list was opened in is over
            if block.kind != ROW:
                self.grade_column = None
            if block.kind != ROW and self.finding_column is not None:
                self.finding_column = None
                self._close_context()  # the table of findings is over
            if block.kind in (HEADING, PARA) and block.line in self.furniture.status_lines:
                self._status_line()
                continue
            handler = {HEADING: self._heading, PARA: self._para, ITEM: self._item, ROW: self._row}
            handler[block.kind](block)
        self._close_context()
        self._flush_narrative()
        return self._result()

    def _segment_at(self, index: int) -> int:
        current = 0
        for number, segment in enumerate(self.segments):
            if segment.start <= index:
                current = number
        return current

    @property
    def framework(self) -> str | None:
        return self.frameworks[self.report] if self.report < len(self.frameworks) else None

    def _heading(self, block: Block) -> None:
        text = block.text
        self.table = None
        self.grade_list = None
        if self._grade_list_leadin(text):
            self._close_context()
            self._flush_narrative()
            return
        field_match = vocab.match_field(text)
        if field_match:
            self._field(field_match)
            return
        if self.index in self.title_blocks:
            return
        if self._label_heading(block):
            return
        if self._under_cause_heading() and self._found_cause(text, BOLD_LEVEL):
            return  # "In our inspection we found that:" over the cause it restates
        if (
            block.style == "plain"
            and not (self.ctx is not None and self.ctx.single)
            and self._leadin_para(text, BOLD_LEVEL)
        ):
            return  # a short lead-in line read as a heading: "We made two recommendations:"
        grade = vocab.match_grade_line(text)
        if grade:
            self._close_context()
            self._flush_narrative()
            if self.areas or self._title_area():
                area = self.areas[-1].name if self.areas else self._title_area()
                self._judgment(area, grade, strong=True)
                self.line_graded.add(area)
            return
        if vocab.is_structural(text):
            self._close_context()
            self._flush_narrative()
            self.last_cause = None
            if vocab.is_document_part(text) and block.style != "bold":
                level = min(block.level, self.section_level)
                self.areas = [area for area in self.areas if area.level < level]
            return
        area = self._area_from_heading(block)
        if area:
            # An area of the report's framework ends a list; any other heading may be a
            # topic inside it.
            known = self.framework is not None and vocab.canonical_area(self.framework, text)
            if known or not self._topic_in_list(block):
                self._close_context()
                self._flush_narrative()
            self.last_cause = None
            self.areas = [a for a in self.areas if a.level < area.level]
            self.areas.append(area)
            return
        if self._heading_in_list(block):
            return
        self._close_context()
        self._flush_narrative()
        self.narrative = Narrative(
            headline=vocab.strip_numbering(text),
            area=self._area_name(),
            section=self._section(text),
        )

    def _para(self, block: Block) -> None:
        text = block.text
        field_match = vocab.match_field(text)
        if field_match:
            self._field(field_match)
            return
        # A topic line over the list's next finding ("In the custody suite: booking in …").
        if self.index in self.title_blocks or self._topic_in_list(block):
            return
        if self.quoted_cause == self.index:
            self._add_cause(text, BOLD_LEVEL)
            return
        if self._grade_line_para(text):
            return
        pair = re.match(
            r"^(?P<area>[A-Z][^:.|]{2,120}?)\s*[:|–-]\s*(?P<grade>[A-Za-z ]{4,25})\.?$", text
        )
        if (
            pair
            and vocab.grade_of(pair.group("grade"))
            and not directives.is_sentence_like(pair.group("area"))
        ):
            self._judgment(
                self._canonical(pair.group("area")),
                vocab.grade_of(pair.group("grade")),
                strong=True,
            )
            return
        if self.ctx is None and self._grade_pairs(text):
            return
        if (self.ctx is None or self._under_cause_heading()) and (
            self._found_cause(text, BOLD_LEVEL) or self._leadin_para(text, BOLD_LEVEL)
        ):
            return
        self._quoted_findings(text, BOLD_LEVEL)
        self.recent_paragraphs = [*self.recent_paragraphs[-2:], text]
        label = vocab.match_label(text)
        if label and (self._inline_ok(label) or len(vocab.words(text)) <= 6):
            self._flush_narrative()
            self._open_context(label, self.ctx.level if self.ctx else BOLD_LEVEL)
            return
        if len(vocab.words(text)) <= 5 and vocab.is_structural(text) and not self.ctx:
            self._flush_narrative()
            return
        self._grade_sentences(text)
        if self.ctx is not None:
            self._context_para(text)
        elif is_headline_paragraph(text) and not self.markdown:
            # Plain text loses the bold of a subheading: a short line with no full stop.
            self._flush_narrative()
            self.narrative = Narrative(
                headline=text, area=self._area_name(), section=self._section(text)
            )
        elif self.narrative is not None:
            self.narrative.paragraphs.append(text)
            self._narrative_lines()
            if vocab.REMAINS_RE.search(text) and not self.narrative.remains:
                self.narrative.remains = text
        elif vocab.REMAINS_RE.search(text) and vocab.FINDING_WORD_RE.search(text):
            self.narrative = Narrative(
                headline="", area=self._area_name(), section=self._section(""), remains=text
            )
            self.narrative.paragraphs.append(text)
            self._narrative_lines()

    def _item(self, block: Block) -> None:
        if self.index in self.title_blocks:
            return
        if self._grade_list_item(block.text):
            return
        if self.ctx is None and (self._grade_pairs(block.text) or self._grade_item(block.text)):
            return
        if self.ctx is not None:
            self._context_item(block)
            return
        self._pillar_ratings(block.text)
        if self._run_in_labels(block.text, BOLD_LEVEL):
            return
        self._quoted_findings(block.text, BOLD_LEVEL)
        if self.narrative is not None:
            self.narrative.paragraphs.append(f"- {block.text}")
            self._narrative_lines()
