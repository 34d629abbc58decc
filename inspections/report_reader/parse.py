"""Blocks → report: title, dates, framework, graded judgments and findings.

How a report is read, in order of precedence:

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
5. Carried forward. A directive headline ("The force should ensure …") whose text says the
   earlier AFIs or recommendations "will remain in place" becomes that many findings marked
   remains_from_earlier (the headline split at its last "and" when it names two).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import BOLD_LEVEL, HEADING, ITEM, PARA, ROW, Block, to_blocks


def parse_text(text: str) -> model.ParsedReport:
    """Read a report from its text (plain text or Markdown)."""
    return _Parser(to_blocks(text)).run()


@dataclass
class _Area:
    level: int
    name: str  # the framework's name if known, else the heading
    heading: str  # as written


@dataclass
class _Context:
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


@dataclass
class _Narrative:
    """A subheading outside any list of findings, and the paragraphs under it: read for
    findings the report says remain in place."""

    headline: str
    area: str
    section: str
    paragraphs: list[str] = field(default_factory=list)
    remains: str = ""


@dataclass
class _Segment:
    start: int
    title: str = ""
    title_from_field: bool = False
    published: str = ""
    kind_text: str = ""


class _Parser:
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.findings: list[model.ParsedFinding] = []
        self.judgments: list[model.ParsedJudgment] = []
        self.warnings: list[str] = []
        self.areas: list[_Area] = []
        self.ctx: _Context | None = None
        self.current: model.ParsedFinding | None = None
        self.open_sublist = False
        self.narrative: _Narrative | None = None
        self.last_cause: int | None = None
        self.table: list[str | None] | None = None
        self.pending_field: str | None = None
        self.report = 0
        self.segments: list[_Segment] = [_Segment(start=0)]
        self.frameworks: list[str | None] = [None]
        self.title_blocks: set[int] = set()
        self.markdown = any(b.kind == HEADING and b.style in ("md", "bold") for b in blocks)
        self.section_level = self._section_level()

    # --- the pass ---------------------------------------------------------------------------

    def run(self) -> model.ParsedReport:
        self._read_title()
        self._read_segments()
        for index, block in enumerate(self.blocks):
            self.index = index
            self.report = self._segment_at(index)
            if self.pending_field is not None:
                self.pending_field = None
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

    # --- blocks -----------------------------------------------------------------------------

    def _heading(self, block: Block) -> None:
        text = block.text
        self.table = None
        field_match = vocab.match_field(text)
        if field_match:
            self._field(field_match)
            return
        if self.index in self.title_blocks:
            return
        label = vocab.match_label(text)
        if label:
            self._flush_narrative()
            self._open_context(label, block.level)
            return
        grade = vocab.match_grade_line(text)
        if grade:
            self._close_context()
            self._flush_narrative()
            if self.areas:
                self._judgment(self.areas[-1].name, grade, strong=True)
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
            self._close_context()
            self._flush_narrative()
            self.last_cause = None
            self.areas = [a for a in self.areas if a.level < area.level]
            self.areas.append(area)
            return
        if (
            self.ctx is not None
            and not self.ctx.single
            and (
                vocab.is_headline_like(text)
                or (block.style == "bold" and block.level > self.ctx.level)
            )
        ):
            self._start_finding(vocab.strip_numbering(text), style="heading")
            return
        if self.ctx is not None and self.ctx.single and self.current is None:
            self._start_finding(vocab.strip_numbering(text), style="heading")
            return
        if (
            self.ctx is not None
            and block.style != "plain"
            and block.level > self.ctx.level
            and len(vocab.words(text)) <= 6
        ):
            return  # a topic subheading inside the list ("Stop and search"): keep reading
        self._close_context()
        self._flush_narrative()
        self.narrative = _Narrative(
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
        if self.index in self.title_blocks:
            return
        grade = vocab.match_grade_line(text)
        if grade and self.areas and len(vocab.words(text)) <= 4:
            self._judgment(self.areas[-1].name, grade, strong=True)
            return
        pair = re.match(
            r"^(?P<area>[A-Z][^:.|]{2,120}?)\s*[:|–-]\s*(?P<grade>[A-Za-z ]{4,25})\.?$", text
        )
        if (
            pair
            and vocab.grade_of(pair.group("grade"))
            and not vocab.is_sentence_like(pair.group("area"))
        ):
            self._judgment(
                self._canonical(pair.group("area")),
                vocab.grade_of(pair.group("grade")),
                strong=True,
            )
            return
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
        elif _is_headline_paragraph(text) and not self.markdown:
            # Plain text loses the bold of a subheading: a short line with no full stop.
            self._flush_narrative()
            self.narrative = _Narrative(
                headline=text, area=self._area_name(), section=self._section(text)
            )
        elif self.narrative is not None:
            self.narrative.paragraphs.append(text)
            if vocab.REMAINS_RE.search(text) and not self.narrative.remains:
                self.narrative.remains = text
        elif vocab.REMAINS_RE.search(text) and vocab.FINDING_WORD_RE.search(text):
            self.narrative = _Narrative(
                headline="", area=self._area_name(), section=self._section(""), remains=text
            )
            self.narrative.paragraphs.append(text)

    def _item(self, block: Block) -> None:
        if self.index in self.title_blocks:
            return
        if self.ctx is not None:
            self._context_item(block)
        elif self.narrative is not None:
            self.narrative.paragraphs.append(f"- {block.text}")

    def _row(self, block: Block) -> None:
        cells = block.cells
        filled = [cell for cell in cells if cell]
        grades = [vocab.grade_of(cell) if cell else None for cell in cells]
        if len([g for g in grades if g]) >= 3 and all(vocab.grade_of(cell) for cell in filled):
            self.table = grades  # the judgments table: grades are the column headings
            return
        if self.table is not None:
            for position, cell in enumerate(cells):
                if cell and position < len(self.table) and self.table[position]:
                    self._judgment(self._canonical(cell), self.table[position], strong=True)
            return
        if len(filled) == 2 and vocab.grade_of(filled[1]) and not vocab.grade_of(filled[0]):
            if not re.fullmatch(r"(?i)(area|question|pillar)s?", filled[0]):
                self._judgment(self._canonical(filled[0]), vocab.grade_of(filled[1]), strong=True)
            return
        label = vocab.match_label(filled[0]) if filled else None
        if label and len(filled) >= 2:
            self._open_context(label, self.ctx.level if self.ctx else BOLD_LEVEL)
            self._start_finding(" ".join(filled[1:]), style="inline")
            return
        if self.ctx is not None and self.current is not None:
            self._append(" ".join(filled))

    # --- fields and title -------------------------------------------------------------------

    def _field(self, field_match: tuple[str, str]) -> None:
        """A labelled field of a response template. Its value (read in _read_segments) may
        be on the next line, which is then skipped. A title field starts a report."""
        key, value = field_match
        if key == "title":
            self._close_context()
            self._flush_narrative()
            self.areas = []
            self.last_cause = None
        if not value:
            self.pending_field = key

    def _read_title(self) -> None:
        """The first heading names the document ('PEEL 2021/22'); 'An inspection of X' or a
        pillar name just below it completes the title. A first heading that is only the
        force's or the inspectorate's name is skipped; one that is an area, a label or a
        grade is not a title at all."""
        first = None
        for index, block in enumerate(self.blocks[:6]):
            if block.kind != HEADING or vocab.match_field(block.text):
                continue
            text = block.text.strip()
            if first is None and (
                vocab.force_names(text) == [text]
                or re.fullmatch(
                    r"(?i)hmicfrs|hmic|hm\s+inspectorate\b.*|his\s+majesty.*|her\s+majesty.*", text
                )
            ):
                self.title_blocks.add(index)
                continue
            first = index
            break
        if first is None:
            return
        block = self.blocks[first]
        if (
            vocab.is_structural(block.text)
            or vocab.match_label(block.text)
            or vocab.match_grade_line(block.text)
            or vocab.is_known_area(block.text)
            or block.text.strip().endswith("?")
            or (
                first + 1 < len(self.blocks)
                and vocab.match_grade_line(self.blocks[first + 1].text)
                and len(vocab.words(self.blocks[first + 1].text)) <= 4
            )
        ):
            self.title_blocks.clear()
            return
        title = block.text.strip().rstrip(":")
        self.title_blocks.add(first)
        for index in range(first + 1, min(first + 5, len(self.blocks))):
            block = self.blocks[index]
            text = block.text.strip()
            if block.kind == ROW or vocab.match_field(text) or vocab.match_label(text):
                break
            if re.match(
                r"(?i)^(?:an?\s+)?(?:joint\s+)?(?:inspection|review|assessment)\s+of\b", text
            ):
                title = f"{title}: {text}"
                self.title_blocks.add(index)
                break
            if re.fullmatch(r"(?i)police effectiveness,? efficiency,? (?:and )?legitimacy", text):
                self.title_blocks.add(index)
                continue
            if (
                block.kind == HEADING
                and len(vocab.words(text)) <= 3
                and vocab.canonical_area(vocab.framework_from_text(title), text)
            ):
                title = f"{title}: {text}"
                self.title_blocks.add(index)
                continue
            break
        self.segments[0].title = title

    def _read_segments(self) -> None:
        """Split the document into reports at 'Inspection Title:' fields and read each one's
        title, publication date and type."""
        pending = None
        for index, block in enumerate(self.blocks):
            if pending is not None:
                self._store_field(pending, block.text)
                pending = None
                continue
            field_match = vocab.match_field(block.text) if block.kind in (HEADING, PARA) else None
            if not field_match:
                continue
            key, value = field_match
            if key == "title":
                segment = self.segments[-1]
                starts_new = segment.title_from_field or self._has_content(segment.start, index)
                if starts_new:
                    self.segments.append(_Segment(start=index))
                    self.frameworks.append(None)
            if value:
                self._store_field(key, value)
            else:
                pending = key
        for number, segment in enumerate(self.segments):
            end = (
                self.segments[number + 1].start
                if number + 1 < len(self.segments)
                else len(self.blocks)
            )
            if not segment.published:
                segment.published = self._footer_date(segment.start, end)
            self.frameworks[number] = self._framework_for(segment, segment.start, end)

    def _has_content(self, start: int, end: int) -> bool:
        for block in self.blocks[start:end]:
            if block.kind == ITEM or (block.kind == HEADING and vocab.match_label(block.text)):
                return True
            if block.kind == HEADING and vocab.match_grade_line(block.text):
                return True
        return False

    def _store_field(self, key: str, value: str) -> None:
        segment = self.segments[-1]
        value = value.strip()
        if key == "title":
            segment.title = value.rstrip(":")
            segment.title_from_field = True
        elif key == "published" and not segment.published:
            segment.published = value
        elif key == "type" and not segment.kind_text:
            segment.kind_text = value

    def _footer_date(self, start: int, end: int) -> str:
        """'April 2022 | © HMICFRS 2022', 'Published: 2 May 2019', or a date on its own line
        near the top."""
        for block in self.blocks[start:end]:
            text = block.text.strip()
            match = re.match(r"^(?P<date>[^|©]{3,30}?)\s*\|\s*©", text)
            if match and vocab.parse_date(match.group("date")):
                return match.group("date")
            match = re.match(
                r"(?i)^(?:first\s+)?published(?:\s+on)?\s*:?\s+(?P<date>.{6,40})$", text
            )
            if match and vocab.parse_date(match.group("date")):
                return match.group("date")
        for block in self.blocks[start : min(end, start + 15)]:
            text = block.text.strip()
            parsed = vocab.parse_date(text)
            if parsed and len(text) <= 25:
                return text
        return ""

    def _framework_for(self, segment: _Segment, start: int, end: int) -> str | None:
        title = segment.title
        if re.search(r"(?i)spotlight|thematic", f"{title} {segment.kind_text}"):
            return None
        found = vocab.framework_from_text(title)
        if found:
            return found
        head = " ".join(block.text for block in self.blocks[start : min(end, start + 12)])
        found = vocab.framework_from_text(head)
        if found:
            return found
        if re.search(r"\bPEEL\b", title):
            parsed = vocab.parse_date(segment.published) if segment.published else None
            if parsed:
                return vocab.framework_from_year(parsed[0].year)
        return None

    # --- areas ------------------------------------------------------------------------------

    def _section_level(self) -> int:
        """The heading level of the report's area sections: the most common level among
        headings that carry a grade line, name a known area or sit just above a finding
        label."""
        levels: list[int] = []
        headings = [
            (i, b) for i, b in enumerate(self.blocks) if b.kind == HEADING and b.style == "md"
        ]
        if not headings:
            return 2
        for position, (index, block) in enumerate(headings):
            text = block.text
            if vocab.match_label(text) or vocab.is_structural(text) or vocab.match_grade_line(text):
                continue
            following = self.blocks[index + 1 : index + 3]
            graded = any(
                vocab.match_grade_line(b.text) and len(vocab.words(b.text)) <= 4
                for b in following
                if b.kind in (HEADING, PARA)
            )
            if graded or vocab.is_known_area(text) or text.strip().endswith("?"):
                levels.append(block.level)
                continue
            if position + 1 < len(headings):
                next_block = headings[position + 1][1]
                if vocab.match_label(next_block.text) and next_block.level > block.level:
                    levels.append(block.level)
        if levels:
            counts = Counter(levels).most_common()
            best = max(count for _, count in counts)
            return min(level for level, count in counts if count == best)
        top = min(block.level for _, block in headings)
        return top + 1 if sum(1 for _, b in headings if b.level == top) == 1 else top

    def _area_from_heading(self, block: Block) -> _Area | None:
        heading = vocab.plain_heading(block.text)
        canonical = self._canonical_or_none(heading)
        if canonical:
            return _Area(block.level, canonical, heading)
        if heading.endswith("?") and len(vocab.words(heading)) >= 4:
            return _Area(block.level, heading, heading)
        if vocab.is_directive(heading) or vocab.SUBJECT_START_RE.match(heading):
            return None
        if block.style == "md" and block.level == self.section_level:
            return _Area(block.level, heading, heading)
        if block.style == "plain" and not vocab.is_headline_like(heading):
            return _Area(block.level, heading, heading)
        return None

    def _canonical_or_none(self, heading: str) -> str | None:
        framework = self.framework
        found = vocab.canonical_area(framework, heading)
        if found or framework is not None:
            return found
        for slug in vocab.ERAS:
            found = vocab.canonical_area(slug, heading)
            if found:
                return found
        return None

    def _canonical(self, heading: str) -> str:
        heading = vocab.plain_heading(heading)
        return self._canonical_or_none(heading) or heading

    def _area_name(self) -> str:
        return self.areas[-1].name if self.areas else ""

    def _section(self, tail: str) -> str:
        parts = [self.areas[-1].heading] if self.areas else []
        if tail:
            parts.append(vocab.plain_heading(tail))
        return " — ".join(parts)[:300]

    # --- judgments --------------------------------------------------------------------------

    def _judgment(self, area: str, grade: str, *, strong: bool) -> None:
        if not area or not grade:
            return
        key = vocab.plain(area)
        for judgment in self.judgments:
            if judgment.report == self.report and vocab.plain(judgment.area) == key:
                if judgment.grade != grade and strong:
                    self.warnings.append(
                        f"Two grades for “{area}”: “{judgment.grade}” and “{grade}”; "
                        f"kept “{judgment.grade}”."
                    )
                return
        self.judgments.append(
            model.ParsedJudgment(
                area=area, grade=grade, section=self._section(""), report=self.report
            )
        )

    def _grade_sentences(self, text: str) -> None:
        area = self._area_name()
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z‘'“\"])", text):
            match = vocab.GRADE_SENTENCE_RE.match(sentence.strip())
            if not match:
                continue
            grade = "requires_improvement" if match.group("ri") else match.group("grade").lower()
            target = area or vocab.area_for_grade_phrase(self.framework, match.group("rest"))
            if target:
                self._judgment(target, grade, strong=False)
        if not area:
            return
        if vocab.UNGRADED_RE.search(text):
            self._judgment(area, "ungraded", strong=False)
        elif vocab.NOT_YET_GRADED_RE.search(text):
            self._judgment(area, "not_yet_graded", strong=False)
        elif vocab.NOT_INSPECTED_RE.search(text):
            self._judgment(area, "not_inspected", strong=False)
        if vocab.GRADE_CARRIED_FORWARD_RE.search(text):
            for judgment in self.judgments:
                if judgment.report == self.report and judgment.area == area:
                    judgment.is_carried_forward = True

    # --- findings ---------------------------------------------------------------------------

    def _inline_ok(self, label: vocab.Label) -> bool:
        return bool(label.inline) and (
            vocab.is_headline_like(label.inline) or len(vocab.words(label.inline)) >= 6
        )

    def _open_context(self, label: vocab.Label, level: int) -> None:
        if self.ctx is not None and self.ctx.count == 0 and self.ctx.kind == label.kind:
            self.ctx.count = -1  # "Recommendations" then "Recommendation 1": not empty
        self._close_context()
        cause = None
        if label.kind == model.RECOMMENDATION and self.last_cause is not None:
            cause = self.last_cause
        elif label.kind != model.RECOMMENDATION:
            self.last_cause = None
        self.ctx = _Context(
            kind=label.kind,
            plural=label.plural,
            level=level,
            label=label.word,
            number=label.number,
            area=self._area_name(),
            section=self._section(label.word),
            cause=cause,
            single=bool(label.number) or bool(label.inline),
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
        )
        self.findings.append(finding)
        if ctx.kind == model.CAUSE_OF_CONCERN:
            self.last_cause = len(self.findings) - 1
        self.current = finding
        ctx.style = style
        ctx.count += 1
        self.open_sublist = style == "item" and text.rstrip().endswith(":")

    def _append(self, text: str) -> None:
        assert self.current is not None
        self.current.text = f"{self.current.text}\n\n{text.strip()}"

    def _add_part(self, text: str, depth: int) -> None:
        assert self.current is not None
        indent = "  " * depth
        self.current.parts.append(text)
        self.current.text = f"{self.current.text}\n{indent}- {text}"

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
            if self.current is not None and ctx.style in ("heading", "inline"):
                self._append(text)
                return
            directive = vocab.is_directive(sentence)
            if directive and fragments and not (ctx.kind == model.RECOMMENDATION and ctx.plural):
                self._start_finding(text.strip(), style="leadin")
                ctx.list_mode = "parts"
                return
            self.current = None
            ctx.prefix = sentence if directive else ""
            ctx.list_mode = "findings"
            ctx.base_depth = None
            return
        if self.current is None:
            self._start_finding(text, style="para")
            return
        if ctx.list_mode == "findings" and ctx.style == "item":
            if vocab.blocks_start_lower(text):
                self.current.text = f"{self.current.text} {text}"
                return
            self._close_context()
            return
        if (
            ctx.style == "para"
            and not ctx.single
            and (
                _is_headline_paragraph(text)
                or (
                    vocab.is_directive(text)
                    and vocab.SUBJECT_START_RE.match(text)
                    and len(vocab.words(text)) < 80
                )
            )
        ):
            self._start_finding(text, style="para")
            return
        self._append(text)

    def _context_item(self, block: Block) -> None:
        ctx = self.ctx
        assert ctx is not None
        text = block.text
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
        if ctx.prefix and not vocab.is_directive(text):
            body = f"{ctx.prefix} {_lower_first(text)}"
            # One sentence cut into bullets, each now a finding of its own: end it properly.
            body = (
                re.sub(r"\s*(?:;|,)?\s*(?:and|or)?\s*$", "", body.rstrip(" ;"))
                if re.search(r"(?:;|;\s*(?:and|or)|,\s*(?:and|or))\s*$", body)
                else body
            )
            if not body.endswith(tuple(".!?:")):
                body += "."
        number = block.number if block.number.isdigit() else ""
        self._start_finding(body, style="item", number=number)
        self.open_sublist = text.rstrip().endswith(":")

    # --- carried forward --------------------------------------------------------------------

    def _flush_narrative(self) -> None:
        narrative, self.narrative = self.narrative, None
        if narrative is None or not narrative.remains:
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
        if narrative.headline and vocab.is_directive(narrative.headline):
            headlines = _split_coordinated(
                narrative.headline, vocab.remains_count(narrative.remains)
            )
        else:
            sentences = re.split(r"(?<=[.!?])\s+", narrative.remains)
            headlines = [
                next((s for s in sentences if vocab.REMAINS_RE.search(s)), narrative.remains)
            ]
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
                )
            )

    # --- result -----------------------------------------------------------------------------

    def _result(self) -> model.ParsedReport:
        findings = _dedupe(self.findings)
        for finding in findings:
            if finding.kind == model.RECOMMENDATION:
                finding.deadline, finding.addressees = vocab.deadline_and_addressees(finding.text)
        for finding in self.findings:
            # remains_from_earlier also when the finding's own text says so
            if vocab.REMAINS_RE.search(finding.text) and vocab.FINDING_WORD_RE.search(finding.text):
                finding.remains_from_earlier = True
        infos = []
        for number, segment in enumerate(self.segments):
            parsed = vocab.parse_date(segment.published) if segment.published else None
            info = model.ReportInfo(
                title=" ".join(segment.title.split()),
                published=parsed[0] if parsed else None,
                published_precision=parsed[1] if parsed else "day",
                framework=self.frameworks[number],
                finding_count=sum(1 for f in findings if f.report == number),
            )
            info.kind = _report_kind(info, segment, findings, number)
            infos.append(info)
        main = max(range(len(infos)), key=lambda n: (infos[n].finding_count, -n))
        report = model.ParsedReport(
            title=infos[main].title,
            published=infos[main].published,
            published_precision=infos[main].published_precision,
            framework=infos[main].framework,
            kind=infos[main].kind,
            force=self._force(main),
            judgments=self.judgments,
            findings=findings,
            reports=infos,
            main_report=main,
            warnings=self.warnings,
        )
        return report

    def _force(self, report: int) -> str | None:
        start = self.segments[report].start
        end = (
            self.segments[report + 1].start if report + 1 < len(self.segments) else len(self.blocks)
        )
        title = self.segments[report].title
        named = vocab.force_names(title)
        if named:
            return named[0]
        names = vocab.force_names("\n".join(block.text for block in self.blocks[start:end]))
        if not names:
            names = vocab.force_names("\n".join(block.text for block in self.blocks))
        return Counter(names).most_common(1)[0][0] if names else None


def _is_headline_paragraph(text: str) -> bool:
    """A paragraph that is a subheading set as plain text: it starts in upper case, has no
    closing punctuation and is short enough to be a headline."""
    text = text.strip()
    return (
        bool(text)
        and text[0].isupper()
        and not text.endswith(tuple('.!?:;,"”’)'))
        and 4 <= len(vocab.words(text)) <= 45
    )


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:2].isupper()):
        return text  # an acronym: "NPCC", "IOM"
    return text[:1].lower() + text[1:]


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


def _dedupe(findings: list[model.ParsedFinding]) -> list[model.ParsedFinding]:
    """A summary that lists the findings again (as 2023–25 reports do) must not double them:
    keep one of each kind and headline, the fuller text, the area if either has one."""
    kept: list[model.ParsedFinding] = []
    index_of: dict[tuple[str, str, int], int] = {}
    remap: dict[int, int] = {}
    for position, finding in enumerate(findings):
        key = (finding.kind, vocab.plain(finding.headline)[:200], finding.report)
        if key in index_of:
            other = kept[index_of[key]]
            if len(finding.text) > len(other.text):
                other.text, other.parts = finding.text, finding.parts
            other.area = other.area or finding.area
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


def _report_kind(
    info: model.ReportInfo, segment: _Segment, findings: list[model.ParsedFinding], number: int
) -> str | None:
    words = f"{info.title} {segment.kind_text}".lower()
    if "accelerated cause of concern" in words:
        return "accelerated_cause_of_concern"
    if "revisit" in words:
        return "revisit_letter"
    if "spotlight" in words or "national thematic" in words:
        return "peel_national"
    if "joint" in words:
        return "joint_thematic"
    if info.framework:
        return "peel_force"
    if "peel" in words:
        return "peel_national" if "national" in words else "peel_force"
    own = [f for f in findings if f.report == number]
    if any("all forces" in f.addressees or "chief constables" in f.addressees for f in own):
        return "thematic"
    if "thematic" in words:
        return "thematic"
    return None
