"""Metadata pass: the reports a document holds (response-template fields), their titles,
publication dates, PEEL era, the force, and the kind of report each one is."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, ITEM, PARA
from inspections.report_reader.committee_dates import committee_date
from inspections.report_reader.dates import RUN_IN_DATE_RE
from inspections.report_reader.forces import around_findings, forces_named, main_force, many_forces
from inspections.report_reader.judged_areas import title_area
from inspections.report_reader.kind import body_force, document_kind, responds_to
from inspections.report_reader.line_shapes import (
    WEATHER_RE,
    only_a_date,
)
from inspections.report_reader.not_force import OTHER_BODIES, restated
from inspections.report_reader.title_pass import CREDIT_LINE_RE


@dataclass
class Segment:
    start: int
    title: str = ""
    title_from_field: bool = False
    published: str = ""
    kind_text: str = ""


# A saved page's credit line ("Source · HMICFRS", "Publisher: Home Office"): not a title.


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
        status history follows it (under a title, a label, or the recommendation itself), or
        the page is one recommendation and nothing else (leadins.py)."""
        title = self.segments[0].title
        first = self.blocks[0].text if self.blocks else ""
        opens_with_entry = bool(vocab.match_label(first)) or bool(re.search(r"\bshould\b", first))
        return (
            bool(re.search(r"\(\d{3,6}\)\s*$", title))
            or self.lone_entry
            or (bool(self.furniture.status_log) and (bool(title) or opens_with_entry))
        )

    def _title_area(self) -> str:
        return title_area(self.segments[0].title)

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
                    self.segments.append(Segment(start=index))
                    self.frameworks.append(None)
            if value:
                self._store_field(key, value)
            else:
                pending = key
        if not self.segments[0].published and vocab.parse_date(self.furniture.header_date):
            self.segments[0].published = self.furniture.header_date
        run_in = RUN_IN_DATE_RE.match(self.blocks[0].text.strip()) if self.blocks else None
        if run_in and not self.segments[0].published:
            self.segments[0].published = run_in.group("value")
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
        for index in range(start, min(end, start + 15)):
            text = re.sub(r"(?i)^date\s*:\s*", "", self.blocks[index].text.strip())
            if vocab.parse_date(text) and only_a_date(text) and not self._banner(index):
                return text
        # A response: "… the HMICFRS report published on 2 May 2019".
        head = " ".join(block.text for block in self.blocks[start : min(end, start + 15)])
        match = re.search(
            r"(?i)\breport\s+(?:was\s+)?published\s+(?:on\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+"
            r"[A-Z][a-z]+\s+(?:19|20)\d\d)\b",
            head,
        )
        if match and vocab.parse_date(match.group("date")):
            return match.group("date")
        # A committee paper: "Report to the Independent Audit Committee 2 December 2015".
        return committee_date([block.text for block in self.blocks[start : min(end, start + 6)]])

    def _banner(self, index: int) -> bool:
        """A news site's banner: today's date with the weather ("7.2 C") beside it, the day
        the page was saved, not when the article was published."""
        near = [block.text for block in self.blocks[index : index + 2]]
        return any(WEATHER_RE.fullmatch(line.strip()) for t in near for line in t.splitlines())

    def _framework_for(self, segment: Segment, start: int, end: int) -> str | None:
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
        """The force the report is about: one of the 43 named in its title, else the one
        its text names most, else the one the page furniture names (a force's own site)."""
        start = self.segments[report].start
        end = (
            self.segments[report + 1].start if report + 1 < len(self.segments) else len(self.blocks)
        )
        named = Counter(
            name for f in self.findings for name in set(forces_named(f.text)) if f.report == report
        )
        return main_force(
            self.segments[report].title,
            "\n".join(around_findings(self.blocks[start:end], self.findings)),
            "\n".join(around_findings(self.blocks, self.findings)),
            "\n".join(self.furniture.removed),
            "\n".join(name for name, count in named.items() if count >= 2),
        )

    def _document_kind(self, report: model.ParsedReport) -> None:
        """What the document is (kind.py), and what that means for its findings: quoted
        from a report in a response, plan or listing; not a police force's in a near miss."""
        report.document_kind, report.document_reasons = document_kind(
            title=report.title,
            text="\n".join(block.text for block in self.blocks),
            findings=report.findings,
            judgments=report.judgments,
            framework=report.framework,
            force=report.force,
            is_letter=self.furniture.is_letter,
            is_register=self._is_register_entry(),
            furniture_lines=self.furniture.blanked,
            report_kind=report.kind,
            row_findings=self.row_findings,
            status_lines=len(self.furniture.status_lines),
            credited=any(CREDIT_LINE_RE.fullmatch(block.text.strip()) for block in self.blocks[:8]),
            furniture_text="\n".join(self.furniture.removed),
            letter_head="\n".join(self.furniture.letter_head),
        )
        text = "\n".join(block.text for block in self.blocks)
        if report.judgments and (
            restated(report.title, text, "\n".join(self.furniture.removed))
            or (report.force is None and many_forces(text))
        ):
            # Grades come only from the inspectorate's own report on one force, not from news
            # restating it or a national page quoting many forces' grades.
            report.warnings.append(
                f"{report.document_reasons[0]} Its {len(report.judgments)} restated grades "
                "are not proposed."
            )
            report.judgments = []
        if report.document_kind in (
            model.PCC_RESPONSE,
            model.IMPROVEMENT_PLAN,
            model.TRACKER_LISTING,
        ):
            report.responds_to = responds_to(
                report.title, "\n".join(block.text for block in self.blocks)
            )
        if report.document_kind == model.NEAR_MISS and report.document_reasons[0] in OTHER_BODIES:
            report.force = None  # a fire service's, a prison's: it names a force only in passing
        if report.document_kind == model.PCC_RESPONSE:  # the body answering names itself
            report.force = body_force("\n".join(self.furniture.removed + [text])) or report.force
        ceiling = {
            model.NEAR_MISS: 0.3,
            model.PCC_RESPONSE: 0.7,
            model.IMPROVEMENT_PLAN: 0.6,
            model.TRACKER_LISTING: 0.6,
        }.get(report.document_kind)
        if ceiling is None:
            return
        for finding in report.findings:
            finding.confidence = min(finding.confidence, ceiling)
        if report.document_kind == model.NEAR_MISS and report.findings:
            report.warnings.append(
                f"{report.document_reasons[0]} Its {len(report.findings)} proposed findings "
                "are marked for review."
            )


def report_kind_of(
    info: model.ReportInfo, segment: Segment, findings: list[model.ParsedFinding], number: int
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
