"""Grades written in sentences and one-line lists, in each era's phrasing: "The extent to
which the force is efficient … requires improvement", "good at X, good at Y", "X – adequate;
Y – good", "the overall Requires Improvement rating for Efficiency". Mixed into the parser
beside GradesPass, whose _judgment records what these read."""

from __future__ import annotations

import re

from inspections.report_reader import directives, grade_phrases
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.grade_phrases import (
    area_phrase,
    grade_value,
    is_pillar_area,
    pillar_of,
)
from inspections.report_reader.judged_areas import about_another_subject

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


class GradeSentencesPass:
    """Grades read from sentences: mixed into the parser."""

    def _grade_pairs(self, text: str) -> bool:
        """'Preventing crime - good'; 'Treatment of the public, protecting vulnerable people
        and managing offenders - adequate' (one grade for a list of areas, as OPCC papers
        and minutes write them)."""
        match = _PAIRS_RE.match(text.strip())
        if not match or directives.is_sentence_like(match.group("areas").replace("use of", "")):
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
            elif grade_phrases.OWNER_RE.match(subject):
                area = area_phrase(subject)
            elif phrase:
                area = area_phrase(phrase)
            elif directives.SUBJECT_START_RE.match(subject) or subject.lower() in ("it", "they"):
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
        if vocab.GRADE_CARRIED_FORWARD_RE.search(text):
            # "Our judgment for this question has been carried over from our 2017 inspection
            # … We did not inspect this question in 2018/19.": the earlier grade stands, given
            # here or on the grade line below; the area was not "not inspected".
            self.carried_areas.add(area)
            for judgment in self.judgments:
                if judgment.report == self.report and judgment.area == area:
                    judgment.is_carried_forward = True
        elif vocab.UNGRADED_RE.search(text):
            self._judgment(area, "ungraded", strong=False)
        elif vocab.NOT_YET_GRADED_RE.search(text):
            self._judgment(area, "not_yet_graded", strong=False)
        elif vocab.NOT_INSPECTED_RE.search(text):
            self._judgment(area, "not_inspected", strong=False)
