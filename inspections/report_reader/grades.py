"""Areas and grades pass: which area a heading opens (known to the era, a question, or at the
section level), and the graded judgments read from grade lines, tables and sentences."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from inspections.report_reader import directives, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, PARA, Block
from inspections.report_reader.grade_phrases import expand_abbreviations
from inspections.report_reader.judged_areas import judged_area


@dataclass
class AreaHeading:
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

    def _area_from_heading(self, block: Block) -> AreaHeading | None:
        heading = vocab.plain_heading(block.text)
        if self._signatory(heading):
            return None
        canonical = self._canonical_or_none(heading)
        if canonical:
            return AreaHeading(block.level, canonical, heading)
        if heading.endswith("?") and len(vocab.words(heading)) >= 4:
            # The pillar's own question ("Overview – How efficient is the force at keeping
            # people safe and reducing crime?") grades the pillar.
            return AreaHeading(block.level, _pillar_question(heading) or heading, heading)
        if directives.is_directive(heading) or directives.SUBJECT_START_RE.match(heading):
            return None
        if block.style == "md" and block.level == self.section_level:
            return AreaHeading(block.level, heading, heading)
        if block.style == "graded" or (
            block.style == "plain" and not directives.is_headline_like(heading)
        ):
            return AreaHeading(block.level, heading, heading)
        return None

    def _signatory(self, heading: str) -> bool:
        """A name over its role ("Zoë Billingham" / "HM Inspector of Constabulary"): who
        signs the text below, not an area it grades."""
        following = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        return bool(
            following is not None
            and _PERSON_RE.fullmatch(heading)
            and _ROLE_RE.match(following.text.strip())
        )

    def _canonical_or_none(self, heading: str) -> str | None:
        if self.framework is not None:
            return vocab.canonical_area(self.framework, heading)
        found = (vocab.canonical_area(slug, heading) for slug in vocab.ERAS)
        return next((area for area in found if area), None)

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

    def _judgment_of(self, area: str) -> model.ParsedJudgment | None:
        """This report's judgment of the area already read (names compared plainly)."""
        key = vocab.plain(area)
        return next(
            (j for j in self.judgments if j.report == self.report and vocab.plain(j.area) == key),
            None,
        )

    def _judgment(self, area: str, grade: str, *, strong: bool) -> None:
        area = judged_area(area, self._title_area())
        if not area or not grade:
            return
        if judgment := self._judgment_of(area):
            if judgment.grade != grade and strong:
                self.warnings.append(
                    f"Two grades for “{area}”: “{judgment.grade}” and “{grade}”; "
                    f"kept “{judgment.grade}”."
                )
            return
        carried = area in self.carried_areas
        area = expand_abbreviations(area)
        self.judgments.append(
            model.ParsedJudgment(
                area=area,
                grade=grade,
                section=self._section(""),
                report=self.report,
                is_carried_forward=carried,
            )
        )


_PERSON_RE = re.compile(r"(?:(?:Sir|Dame|Dr)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}")
_ROLE_RE = re.compile(
    r"(?i)(?:(?:hm|her\s+majesty['’]s|his\s+majesty['’]s)\s+)?(?:chief\s+)?inspector\s+of\s+"
    r"constabulary\b|(?:police(?:,\s+fire)?\s+and\s+crime\s+commissioner|chief\s+constable)\b"
)
_PILLAR_QUESTION_RE = re.compile(
    r"(?i)^(?:overview\s*[-–—:]\s*)?how\s+(?P<pillar>effective|efficient|legitimate)\s+is\s+the\s+"
    r"(?:force|constabulary)\s+at\s+keeping\s+people\s+safe\s+and\s+reducing\s+crime\s*\?$"
)


def _pillar_question(heading: str) -> str | None:
    match = _PILLAR_QUESTION_RE.match(heading.strip())
    if match is None:
        return None
    return {"effective": "Effectiveness", "efficient": "Efficiency", "legitimate": "Legitimacy"}[
        match.group("pillar").lower()
    ]
