"""Grades of several areas in one sentence, as a response or a committee paper restates a
report's judgments:

- pairs: "HMICFRS graded the force as follows: police powers and public treatment – adequate;
  preventing crime – good; responding to the public – requires improvement; …";
- counts: "The inspectorate graded the force as good in three areas, adequate in four, and
  requiring improvement in two: investigating crime and protecting vulnerable people.";
- clauses: "The force had been graded outstanding for managing offenders and suspects; good
  for preventing crime, for police powers and public treatment and for leadership and force
  management; and requires improvement for investigating crime" (a panel's minutes).

Read only on evidence: two pairs or more whose areas are each one a framework grades, or a
count followed by as many such areas after a colon. Read word by word as grade sentences, the
first gave one area at most and the second none."""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab

_GRADE = r"outstanding|good|adequate|inadequate|requires?\s+improvement|requiring\s+improvement"
_PAIR_RE = re.compile(
    rf"(?P<area>[A-Za-z][^;:–—]{{2,90}}?)\s*[–—:-]\s*(?P<grade>{_GRADE})\b\s*(?=[;,.]|and\b|$)",
    re.IGNORECASE,
)
_COUNT_RE = re.compile(
    rf"(?P<grade>{_GRADE})\s+(?:in|for)\s+(?P<count>two|three|four|five|six|seven|eight|nine|\d)"
    r"(?:\s+(?:areas?|of\s+them))?\s*:\s*(?P<areas>[^.;]+)",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _grade(word: str) -> str:
    word = " ".join(word.lower().split())
    return "requires_improvement" if "improvement" in word else word


def _area(text: str) -> str | None:
    name = re.sub(r"(?i)^(?:and|the|its|in)\s+", "", text.strip(" ,;:"))
    return name[:1].upper() + name[1:] if vocab.is_known_area(name) else None


def area_grade_list(sentence: str) -> list[tuple[str, str]]:
    """(area, grade) for each area the sentence grades so; [] when it is no such list."""
    after_colon = sentence.split(":", 1)[1] if ":" in sentence else ""
    pairs = [
        (_area(m.group("area")), _grade(m.group("grade"))) for m in _PAIR_RE.finditer(after_colon)
    ]
    if len(pairs) >= 2 and all(area for area, _ in pairs):
        return pairs
    clauses = _graded_clauses(sentence)
    if clauses:
        return clauses
    found = []
    for match in _COUNT_RE.finditer(sentence):
        count = _NUMBERS.get(match.group("count").lower()) or int(match.group("count"))
        names = re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("areas"))
        areas = [_area(name) for name in names if name.strip()]
        if len(areas) == count and all(areas):
            found += [(area, _grade(match.group("grade"))) for area in areas]
    return found


_GRADED_RE = re.compile(r"(?i)\b(?:graded|rated|judged|assessed)\s+(?:as\s+)?(?P<rest>.+)$")
_CLAUSE_RE = re.compile(
    rf"^(?:and\s+)?(?:as\s+)?(?P<grade>{_GRADE})\s+(?:for|at|in)\s+(?P<areas>.+?)\.?$",
    re.IGNORECASE,
)


def _graded_clauses(sentence: str) -> list[tuple[str, str]]:
    """ "The force had been graded outstanding for X; good for A, for B and for C; and requires
    improvement for G": a grade per clause, its areas each after its own "for"."""
    graded = _GRADED_RE.search(sentence)
    if graded is None:
        return []
    found = []
    for clause in re.split(r"\s*;\s*", graded.group("rest")):
        match = _CLAUSE_RE.match(clause.strip())
        if match is None:
            return []
        names = re.split(r",?\s+(?:and\s+)?(?:for|at|in)\s+", match.group("areas"))
        areas = [_area(name) for name in names]
        if not all(areas):
            return []
        found += [(area, _grade(match.group("grade"))) for area in areas]
    return found if len(found) >= 2 else []
