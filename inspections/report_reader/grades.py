"""Areas and grades pass: which area a heading opens (known to the era, a question, or at the
section level), and the graded judgments read from grade lines, tables and sentences."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, PARA, Block


@dataclass
class _Area:
    level: int
    name: str  # the framework's name if known, else the heading
    heading: str  # as written


class GradesPass:
    """Areas and judgments: mixed into the parser."""

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
