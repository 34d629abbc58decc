"""Grades written in prose around the grade lines: several short sentences each grading a
part of an ungraded heading (PEEL 2014), a pillar's summary naming its questions' grades
(2015–2018/19 detailed findings), and an earlier year's grades carried into a report ("In 2017,
we assessed the force as good at:" before a list). Mixed into the parser with GradesPass."""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.area_grade_lists import area_grade_list
from inspections.report_reader.blocks import PARA
from inspections.report_reader.grade_phrases import (
    area_phrase,
    grade_value,
    is_pillar_area,
    pillar_of,
    question_area,
)

# A question with its grade after it, as a summary lists them (PEEL 2014–2017).
_QUESTION_GRADE_RE = re.compile(
    r"(?i)^(?P<question>(?:to\s+what\s+extent|how\s+(?:well|effective(?:ly)?|efficient(?:ly)?"
    r"|legitimate))\b.{10,250}?\?)\s+(?P<grade>outstanding|good|adequate|inadequate|requires?"
    r"\s+improvement)\.?$"
)


class ProseGradesPass:
    """Grades in prose: mixed into the parser."""

    def _grade_line_para(self, text: str) -> bool:
        """A paragraph that is a lead-in to a list of grades, or a grade on its own line
        under an area heading."""
        self.grade_list = None
        if self._grade_list_leadin(text):
            self._close_context()
            self._flush_narrative()
            return True
        asked = _QUESTION_GRADE_RE.match(text.strip())
        if asked:
            # "To what extent has the force an affordable way of providing policing? Good"
            question = asked.group("question")
            area = self._canonical_or_none(question) or question_area(question)
            self._judgment(area, grade_value(asked.group("grade")), strong=True)
            return True
        grade = vocab.match_grade_line(text)
        cell = self._area_cell_above()
        if grade and len(vocab.words(text)) <= 4 and (cell or self.areas or self._title_area()):
            area = cell or (self.areas[-1].name if self.areas else self._title_area())
            self._judgment(area, grade, strong=True)
            self.line_graded.add(area)
            return True
        return False

    def _area_cell_above(self) -> str:
        """A table of questions and their grades flattened into lines, one cell a paragraph
        ("How well does the force understand demand?" / "Requires improvement"): the question
        just above the grade is its area."""
        previous = self.blocks[self.index - 1] if self.index > 0 else None
        if previous is None or previous.kind != PARA:
            return ""
        text = previous.text.strip()
        question = text.endswith("?") and 4 <= len(vocab.words(text)) <= 25
        if question:
            return self._canonical_or_none(text) or question_area(text)
        return self._canonical(text) if vocab.is_known_area(text) else ""

    def _several_grades(self, sentences: list[str]) -> bool:
        """Short sentences that each grade a part (PEEL 2014: "Anyshire Police is good at
        reducing crime. The force requires improvement in investigating offending. It is good
        at tackling anti-social behaviour."): each part is an area of its own, and a bare
        "Ungraded" line above them means the heading has no overall grade, not a judgment."""
        heading = vocab.plain(self._area_name())
        if any(
            j.report == self.report and vocab.plain(j.area) == heading and j.grade != "ungraded"
            for j in self.judgments
        ):
            return False  # a graded heading: its summary restates or explains the grade
        found = []
        for sentence in sentences:
            match = vocab.GRADE_SENTENCE_RE.match(sentence) or (
                _PRONOUN_GRADE_RE.match(sentence) if found else None
            )
            if match and not pillar_of(match.group("rest")):
                found.append(match)
        if len(found) < 2 or len({vocab.plain(m.group("rest")) for m in found}) < len(found):
            return False
        for match in found:
            grade = "requires_improvement" if match.group("ri") else match.group("grade").lower()
            self._judgment(area_phrase(match.group("rest")), grade, strong=False)
        self.judgments = [
            j
            for j in self.judgments
            if not (
                j.report == self.report and j.grade == "ungraded" and vocab.plain(j.area) == heading
            )
        ]
        return True

    def _question_in_summary(self, area: str, rest: str, grade: str) -> bool:
        """A pillar's summary on a page that gives the pillar's grade on its own line
        (2015–2018/19 detailed findings): "The force is good at investigating crime." grades
        that question. A phrase naming the pillar itself ("at keeping people safe", "at
        treating the public fairly") restates the pillar's grade."""
        if not (is_pillar_area(area) and area in self.line_graded):
            return False
        if pillar_of(rest) or vocab.area_for_grade_phrase("peel-2016", rest):
            return False
        phrase = area_phrase(rest)
        if not 1 <= len(vocab.words(phrase)) <= 8:
            return False
        self._judgment(phrase, grade, strong=False)
        return True

    def _way_grade(self, area: str, rest: str, grade: str) -> bool:
        """ "The force requires improvement in the way it plans for the future" (2018/19): the
        area is the way. Under an area already given this grade ("How effective is the force
        at preventing crime …? / Requires improvement"), "… requires improvement in the way it
        prevents crime" restates that grade: not an area of its own. True if it was such a
        sentence."""
        if not _WAY_RE.match(rest):
            return False
        above = self._judgment_of(area) if area else None
        if not (above and above.grade == grade):
            self._judgment(area_phrase(rest), grade, strong=False)
        return True

    def _report_grade(self, sentence: str) -> bool:
        """A pillar report's grade told in prose by a panel, an authority or a commissioner:
        "the PEEL legitimacy report had been downgraded from 'good' to 'requires improvement'",
        "the HMICFRS Legitimacy report in which the force was assessed as requiring
        improvement", "The overall grading for the force in the latest report was 'requires
        improvement'" (the pillar from the title). A body rating itself ("we have been rated
        as outstanding for efficiency", a force's own page) restates grades: none is read."""
        if _SELF_RATED_RE.search(sentence):
            return True
        if self._area_not_inspected(sentence):
            return True
        listed = area_grade_list(sentence)
        for area, grade in listed:
            self._judgment(self._canonical(area), grade, strong=False)
        if listed:
            return True
        match = _MOVED_RE.search(sentence) or _IN_WHICH_RE.search(sentence)
        pillar = match.group("pillar").capitalize() if match else self._title_area()
        if not match:
            match = _OVERALL_RE.search(sentence)
        if not match or not pillar:
            return False
        self._judgment(pillar, grade_value(match.group("grade")), strong=False)
        return True

    def _area_not_inspected(self, sentence: str) -> bool:
        """ "We did not inspect building, supporting and protecting the workforce in this
        inspection." (2023–25 summaries): the area it names, if one of the framework's, is not
        inspected, wherever the sentence stands; read as of the section it stood in, it was no
        judgment at all."""
        match = _NOT_INSPECTED_AREA_RE.search(sentence)
        if not match or len(vocab.words(match.group("area"))) > 12:
            return False
        area = match.group("area").strip(" ,")
        # Only an area a framework grades: "We did not inspect the force's control room" names a
        # part of the force, not an area.
        if not vocab.is_known_area(area):
            return False
        self._judgment(self._canonical(area[:1].upper() + area[1:]), "not_inspected", strong=False)
        return True

    def _grade_list_leadin(self, text: str) -> bool:
        """ "In 2017, we assessed the force as good at:" before a list of the areas: grades
        of an earlier inspection carried into this report."""
        match = _GRADE_LIST_RE.match(text.strip())
        if not match:
            return False
        self.grade_list = grade_value(match.group("grade"))
        return True

    def _grade_list_item(self, text: str) -> bool:
        if not self.grade_list:
            return False
        area = re.sub(r"(?i)[;,.]?\s*(?:and|or)?\s*$", "", text.strip()).strip(" ;,.")
        if not area or len(vocab.words(area)) > 12:
            return False
        self._judgment(area_phrase(area), self.grade_list, strong=False)
        self.judgments[-1].is_carried_forward = True
        return True


_PRONOUN_GRADE_RE = re.compile(
    r"^(?:It|They)\s+(?:(?:is|was|remains|are|were)\s+(?P<grade>outstanding|good|adequate"
    r"|inadequate)|(?P<ri>requires?\s+improvement))\s+(?P<rest>(?:at|in)\b[^.]*)",
)
_GRADE_LIST_RE = re.compile(
    r"(?i)^(?:in\s+(?:19|20)\d\d,?\s+)?(?:we|hmic|hmicfrs)\s+(?:assessed|judged|graded|found)\s+"
    r"(?:the\s+(?:force|constabulary)|it|[A-Z][\w\s&-]{2,40}?)\s+(?:as|to\s+be)\s+['‘]?"
    r"(?P<grade>outstanding|good|adequate|inadequate|requiring\s+improvement|requires\s+improvement)"
    r"['’]?\s+(?:at|in|for)\s*:$"
)
_WAY_RE = re.compile(r"(?i)^in\s+the\s+way\s+(?:it|that\s+it)\b")
_GRADE_WORD = (
    r"['‘“\"]?(?P<grade>outstanding|good|adequate|inadequate|requir(?:es?|ing)\s+improvement)"
    r"['’”\"]?"
)
_PILLAR_REPORT = (
    r"\b(?P<pillar>effectiveness|efficiency|legitimacy)\s+(?:report|inspection|assessment|grade"
    r"|grading|judgment)\b"
)
_MOVED_RE = re.compile(
    rf"(?i){_PILLAR_REPORT}[^.;]{{0,60}}?\b(?:downgraded|upgraded|moved|changed|gone|fallen"
    rf"|dropped|improved|risen)\s+from\s+['‘“\"]?[a-z ]{{4,25}}?['’”\"]?\s+to\s+{_GRADE_WORD}"
)
# "the Legitimacy report in which West Mercia Police was assessed as requiring improvement";
# not "…'s efficiency report, which rated the force as good" (another report, in passing).
_IN_WHICH_RE = re.compile(
    rf"(?i){_PILLAR_REPORT}\s+(?:in\s+which|where)\s+[^.;]{{2,80}}?\b(?:was|were|is|has\s+been"
    rf"|had\s+been)\s+(?:assessed|rated|judged|graded|found)\s+(?:as\s+|to\s+be\s+)?(?:being\s+)?"
    rf"{_GRADE_WORD}"
)
_OVERALL_RE = re.compile(
    r"(?i)\boverall\s+(?:grading|grade|rating|judgment)\s+(?:for\s+[^.;]{2,60}?\s+)?(?:in\s+(?:the"
    rf"|this|its)\s+(?:latest\s+)?(?:report|inspection)\s+)?(?:was|is)\s+{_GRADE_WORD}"
)
_SELF_RATED_RE = re.compile(
    r"(?i)\bwe\s+(?:have\s+been|were|are|have\s+again\s+been)\s+(?:rated|graded|judged|assessed)\b"
)
_NOT_INSPECTED_AREA_RE = re.compile(
    r"(?i)\b(?:we|hmicfrs|hmic|inspectors)\s+(?:did\s+not|didn't|have\s+not|haven't|do\s+not"
    r"|don't)\s+(?:yet\s+)?inspect(?:ed)?\s+(?:the\s+force's\s+|its\s+)?(?P<area>[a-z][^.;:]{3,120}?)"
    r"\s+(?:in|as\s+part\s+of|during)\s+(?:this|our|the)\s+(?:inspection|round|year)\b"
)
