"""Metadata pass: the reports a document holds (response-template fields), their titles,
publication dates, PEEL era, the force, and the kind of report each one is."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, ITEM, PARA, ROW


@dataclass
class _Segment:
    start: int
    title: str = ""
    title_from_field: bool = False
    published: str = ""
    kind_text: str = ""


class MetadataPass:
    """Title, segments, dates, framework and force: mixed into the parser."""

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

    def _is_register_entry(self) -> bool:
        """An entry of HMICFRS's recommendation register: its title ends with the register
        number in brackets ('Living in fear - the police and CPS response … (8019)'), or a
        status history follows it."""
        title = self.segments[0].title
        return bool(re.search(r"\(\d{3,6}\)\s*$", title)) or (
            bool(self.furniture.status_log) and bool(title)
        )

    def _read_title(self) -> None:
        """The first heading names the document ('PEEL 2021/22'); 'An inspection of X' or a
        pillar name just below it completes the title. A first heading that is only the
        force's or the inspectorate's name is skipped; one that is an area, a label or a
        grade is not a title at all."""
        first = None
        opening = self.blocks[0] if self.blocks else None
        if (
            opening is not None
            and opening.kind == PARA
            and not opening.text.rstrip().endswith(tuple(".!?;:,"))
            and 2 <= len(vocab.words(opening.text)) <= 30
            and not vocab.parse_date(opening.text)
        ):
            # A first line that no layout marks as a heading (a register entry's title, a
            # saved page's first line) still names the document.
            first = 0
        for index, block in enumerate(self.blocks[:6] if first is None else []):
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
            # "Chief Constable's response" is a part; "… the police response to domestic
            # abuse (2321)" is a title.
            (vocab.is_structural(block.text) and len(vocab.words(block.text)) <= 6)
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
