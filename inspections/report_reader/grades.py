"""Areas and grades pass: which area a heading opens (known to the era, a question, or at the
section level), and the graded judgments read from grade lines, tables and sentences."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, PARA, Block
from inspections.report_reader.judged_areas import about_another_subject, judged_area


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
        canonical = self._canonical_or_none(heading)
        if canonical:
            return AreaHeading(block.level, canonical, heading)
        if heading.endswith("?") and len(vocab.words(heading)) >= 4:
            return AreaHeading(block.level, heading, heading)
        if vocab.is_directive(heading) or vocab.SUBJECT_START_RE.match(heading):
            return None
        if block.style == "md" and block.level == self.section_level:
            return AreaHeading(block.level, heading, heading)
        if block.style == "graded" or (
            block.style == "plain" and not vocab.is_headline_like(heading)
        ):
            return AreaHeading(block.level, heading, heading)
        return None

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
        area = expand_abbreviations(area)
        self.judgments.append(
            model.ParsedJudgment(
                area=area, grade=grade, section=self._section(""), report=self.report
            )
        )

    def _grade_pairs(self, text: str) -> bool:
        """'Preventing crime - good'; 'Treatment of the public, protecting vulnerable people
        and managing offenders - adequate' (one grade for a list of areas, as OPCC papers
        and minutes write them)."""
        match = _PAIRS_RE.match(text.strip())
        if not match or vocab.is_sentence_like(match.group("areas").replace("use of", "")):
            return False
        pieces = [piece.strip() for piece in match.group("areas").split(",") if piece.strip()]
        if len(pieces) >= 2:
            pieces[-1:] = [p.strip() for p in re.split(r"\s+and\s+", pieces[-1]) if p.strip()]
        grade = grade_value(match.group("grade"))
        for piece in pieces:
            self._judgment(self._canonical(re.sub(r"(?i)^and\s+", "", piece)), grade, strong=True)
        return True

    def _grade_item(self, text: str) -> bool:
        """A bullet under 'Inspectors found that Anyshire Constabulary:' — "is 'good' at
        effectively reducing crime and keeping people safe;"."""
        match = _GRADE_ITEM_RE.match(text.strip())
        if not match:
            return False
        rest = match.group("rest")
        area = pillar_of(rest) or vocab.area_for_grade_phrase(self.framework, rest)
        if not area and (not self._area_name() or _LEADIN_AREA_RE.search(self._area_name())):
            area = area_phrase(rest)  # the lead-in above is no area: "HMICFRS judged that X:"
        self._judgment(area or self._area_name(), grade_value(match.group("grade")), strong=False)
        return True

    def _pillar_ratings(self, text: str) -> bool:
        """'the overall Requires Improvement rating for Efficiency': that pillar's grade,
        in a paragraph or a numbered point of minutes."""
        found = False
        for item in _RATING_FOR_RE.finditer(text):
            self._judgment(
                item.group("pillar").capitalize(), grade_value(item.group("grade")), strong=False
            )
            found = True
        return found

    def _grade_special(self, sentence: str) -> bool:
        """The era-specific phrasings (see _grade_sentences); True when the sentence was one."""
        if self._report_grade(sentence):
            return True
        if self._pillar_list(sentence):
            return True
        match = _EXTENT_RE.match(sentence)
        if match:
            pillar = pillar_of(match.group("body"))
            if pillar:
                self._judgment(pillar, grade_value(match.group("grade")), strong=False)
            return True
        listed = list(_GRADE_AT_RE.finditer(sentence))
        if len(listed) >= 2:
            for item in listed:
                self._judgment(
                    area_phrase(item.group("area")),
                    grade_value(item.group("grade")),
                    strong=False,
                )
            found = True
        else:
            found = False
        if self._pillar_ratings(sentence):
            found = True
        for item in _WITH_WHICH_RE.finditer(sentence):
            self._judgment(
                item.group("pillar").capitalize(), grade_value(item.group("grade")), strong=False
            )
            found = True
        clauses = [clause.strip() for clause in sentence.split(";")]
        for clause in clauses if len(clauses) > 1 or "judged" in sentence.lower() else []:
            judged = _JUDGED_RE.match(clause)
            if not judged:
                continue
            phrase = judged.group("area") or ""
            pillar = pillar_of(phrase) if phrase else None
            subject = judged.group("subject")
            if pillar:
                area = pillar
            elif _OWNER_RE.match(subject):
                area = area_phrase(subject)
            elif phrase:
                area = area_phrase(phrase)
            elif vocab.SUBJECT_START_RE.match(subject) or subject.lower() in ("it", "they"):
                continue
            else:
                area = area_phrase(subject)
            self._judgment(area, grade_value(judged.group("grade")), strong=False)
            found = True
        return found

    def _pillar_list(self, sentence: str) -> bool:
        """A grade, then the pillars it was given for, as minutes and summaries put it:
        "judged as 'requires improvement' in all three areas: effectiveness, efficiency and
        legitimacy"; "graded good for efficiency and legitimacy, and requires improvement for
        effectiveness". Only in a sentence about grading (a grading verb or a quoted grade)."""
        if not _GRADING_RE.search(sentence):
            return False
        found = False
        for match in _PILLAR_LIST_RE.finditer(sentence):
            grade = grade_value(match.group("grade"))
            for pillar in re.findall(_PILLAR_NAME, match.group("pillars"), re.IGNORECASE):
                self._judgment(pillar.capitalize(), grade, strong=False)
                found = True
        return found

    def _grade_sentences(self, text: str) -> None:
        """Grades written as sentences, in the phrasings of each era: 'The extent to which the
        force is efficient … requires improvement' (2015–2018/19), 'the efficiency with which
        the force … is good' and 'good at X, good at Y and good at Z' (2014), 'X is judged to
        require improvement; it is judged to be good for Y' (2017), 'The force requires
        improvement in the way it plans for the future' (2018/19), 'Cumbria Constabulary is
        adequate at …' (2021/22 on)."""
        area = self._area_name()
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z‘'“\"])", text)]
        if self._several_grades(sentences):
            return
        for sentence in sentences:
            if self._grade_special(sentence):
                continue
            match = vocab.GRADE_SENTENCE_RE.match(sentence)
            if not match:
                continue
            grade = "requires_improvement" if match.group("ri") else match.group("grade").lower()
            rest = match.group("rest")
            if self._question_in_summary(area, rest, grade):
                continue
            pillar = pillar_of(rest) or vocab.area_for_grade_phrase(self.framework, rest)
            if not pillar and self._way_grade(area, rest, grade):
                continue
            target = (
                (pillar if pillar and is_pillar_area(area) or not area else None)
                or area
                or vocab.area_for_grade_phrase(self.framework, rest)
            )
            if target:
                self._judgment(target, grade, strong=False)
        if not area or about_another_subject(text):
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


_GRADE = (
    r"(?P<grade>outstanding|good|adequate|inadequate|requires?\s+improvement|not\s+yet\s+graded)"
)
_EXTENT_RE = re.compile(
    rf"^the\s+extent\s+to\s+which\s+(?P<body>.+?)\s*(?:\bis\b)?\s*:?\s*(?:is\s*:?\s*)?{_GRADE}\.?$",
    re.IGNORECASE,
)
_PILLAR_NAME = r"effectiveness|efficiency|legitimacy"
_PILLAR_LIST_RE = re.compile(
    r"['‘’\"]?(?P<grade>outstanding|good|adequate|inadequate|requires?\s+improvement)['‘’\"]?"
    r"\s+(?:in|for|on)\s+(?:(?:all|both|each\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:areas|pillars"
    r"|questions)\s*(?:[:,(–-]|of)?\s*)?(?:(?:the|its|their)\s+)?(?P<pillars>(?:"
    + _PILLAR_NAME
    + r")(?:\s*(?:,|and|,\s*and)\s*(?:"
    + _PILLAR_NAME
    + r"))*)\b",
    re.IGNORECASE,
)
_GRADING_RE = re.compile(
    r"(?i)\b(?:graded|judged|rated|assessed|grades?|gradings?)\b"
    r"|['‘](?:outstanding|good|adequate|inadequate|requires?\s+improvement)['’]"
)
_WITH_WHICH_RE = re.compile(
    r"\b(?P<pillar>effectiveness|efficiency|legitimacy)\s+with\s+which\b[^.;]*?\bis\s+"
    rf"{_GRADE}\b",
    re.IGNORECASE,
)
# "the overall Requires Improvement rating for Efficiency" (a panel's minutes, a response).
_RATING_FOR_RE = re.compile(
    rf"\b{_GRADE}\s+(?:rating|grading|grade|judgment)\s+(?:for|in)\s+(?:the\s+)?"
    rf"(?P<pillar>{_PILLAR_NAME})\b",
    re.IGNORECASE,
)
_PAIRS_RE = re.compile(
    r"^(?P<areas>[A-Z][^:|.;]{2,250}?)\s+[-–—:]\s+['‘]?(?P<grade>outstanding|good|adequate"
    r"|inadequate|requires?\s+improvement|not\s+yet\s+graded|ungraded)['’]?\.?$",
    re.IGNORECASE,
)
_GRADE_ITEM_RE = re.compile(
    r"^(?:and\s+)?(?:is|was|remains)\s+(?:rated\s+|graded\s+|judged\s+)?(?:as\s+)?['‘’\"]?"
    r"(?P<grade>outstanding|good|adequate|inadequate|requires\s+improvement)['‘’\"]?\s+"
    r"(?P<rest>(?:at|in|for)\b[^;.]+)[;.]?(?:\s+and)?$",
    re.IGNORECASE,
)
_GRADE_AT_RE = re.compile(
    r"\b(?P<grade>outstanding|good|adequate|inadequate)\s+at\s+(?P<area>.+?)"
    r"(?=,|;|\.|\s+and\s+(?:outstanding|good|adequate|inadequate)\s+at\b|$)",
    re.IGNORECASE,
)
_JUDGED_RE = re.compile(
    r"^(?:and\s+|but\s+)?(?P<subject>.{2,120}?)\s+(?:is|are|was|were)\s+(?:judged|assessed|graded)"
    r"\s+(?:to\s+(?:be\s+)?|as\s+)(?P<grade>outstanding|good|adequate|inadequate|requires?"
    r"\s+improvement)(?:\s+(?:for|in|at)\s+(?P<area>.+?))?\.?$",
    re.IGNORECASE,
)
_LEADIN_AREA_RE = re.compile(r"(?i)\b(?:judged|found|assessed|concluded)\s+that\b|:\s*$")
_ABBREVIATIONS = (
    (r"\bASB\b", "anti-social behaviour"),
    (r"\bSOC\b", "serious and organised crime"),
)


def expand_abbreviations(area: str) -> str:
    """'Preventing crime and ASB/ keeping people safe' → '… anti-social behaviour …': the
    abbreviations OPCC papers use in area names."""
    for pattern, words in _ABBREVIATIONS:
        area = re.sub(pattern, words, area)
    return area


_OWNER_RE = re.compile(
    r"(?i)^(?:and\s+|but\s+)?(?:the\s+(?:force|constabulary|service)['’]s|its|their)\s+"
)
_PILLARS = (
    ("Efficiency", r"efficien|sustainab"),
    ("Legitimacy", r"legitima|treats?\s+the\s+public\s+and\s+its\s+workforce"),
    (
        "Effectiveness",
        r"effective|reducing\s+crime\s+and\s+keeping\s+people\s+safe"
        r"|keeping\s+people\s+safe\s+and\s+reducing\s+crime",
    ),
)


def pillar_of(phrase: str) -> str | None:
    """The PEEL pillar a phrase names ('at keeping people safe and reducing crime', 'in
    respect of the efficiency with which …'), if it names one."""
    for pillar, pattern in _PILLARS:
        if re.search(pattern, phrase, re.IGNORECASE):
            return pillar
    return None


def is_pillar_area(area: str) -> bool:
    return area in ("Effectiveness", "Efficiency", "Legitimacy")


def grade_value(word: str) -> str:
    word = " ".join(word.lower().split())
    return "requires_improvement" if word.startswith("requir") else word.replace(" ", "_")


def area_phrase(text: str) -> str:
    """'in the way it plans for the future' → 'Planning for the future'; 'the force's
    understanding of demand' → 'Understanding of demand'."""
    text = re.sub(r"(?i)^(?:at|in|for|with)\s+", "", text.strip()).strip(" .;,")
    text = _OWNER_RE.sub("", text)
    way = re.match(
        r"(?i)^the\s+way\s+(?:that\s+)?it\s+(?P<verb>[a-z]+?)(?:e?s)\s+(?P<rest>.+)$", text
    )
    if way:
        text = f"{_gerund(way.group('verb'))} {way.group('rest')}"
    return text[:1].upper() + text[1:]


def _gerund(stem: str) -> str:
    """'plan' → 'planning', 'manag' → 'managing', 'protect' → 'protecting' (from a verb in
    the third person with its -s or -es taken off)."""
    vowels = "aeiou"
    if (
        3 <= len(stem) <= 4
        and stem[-1] not in vowels + "wxy"
        and stem[-2] in vowels
        and stem[-3] not in vowels
    ):
        return f"{stem}{stem[-1]}ing"
    return f"{stem.removesuffix('e')}ing"
