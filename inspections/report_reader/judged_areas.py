"""Words that stand where an area's name stands beside a grade but name no area of their own.

- "Overall judgement" (PEEL 2014–2017, often with its footnote number glued on:
  "Overall judgement1"): the grade of the pillar the report is about, which its title names
  ("PEEL: Police legitimacy 2016"). Read as an area it gave a judgment of nothing, beside the
  pillar's own.
- "Last inspection" / "Previous inspection" (PEEL 2017–2019, under each pillar's grade): the
  grade of an earlier report, not of this one.

And a paragraph that turns to another subject ("We also inspected how effective a service the
force gives to victims of crime. We don't make a graded judgment in this overall area.", under
a PEEL 2021/22 judgments table whose last line is an area): its "not graded" is that
subject's, not the area above it.
"""

from __future__ import annotations

import re

_OVERALL_RE = re.compile(r"(?i)^overall\s+judge?ments?\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{0,2}\W*$")
_EARLIER_RE = re.compile(
    r"(?i)^(?:last|previous|earlier)\s+(?:year'?s?\s+)?(?:inspection|judge?ment|grade|rating)s?"
    r"(?:\s+(?:19|20)\d\d)?\s*\d{0,2}\W*$"
)
_ANOTHER_SUBJECT_RE = re.compile(
    r"(?i)^(?:we|hmicfrs|hmic|inspectors)\s+(?:have\s+)?also\s+(?:inspected|assessed|examined"
    r"|looked\s+at|considered)\b"
)


def about_another_subject(paragraph: str) -> bool:
    return bool(_ANOTHER_SUBJECT_RE.match(paragraph.strip()))


def judged_area(area: str, title_pillar: str) -> str:
    """The area a grade beside `area` grades: "" when it is an earlier report's grade; the
    pillar the title names (`title_pillar`) for the overall judgement, when it names one."""
    name = " ".join(area.split())
    if _EARLIER_RE.match(name):
        return ""
    if _OVERALL_RE.match(name):
        return title_pillar or area
    return area


def title_area(title: str) -> str:
    """What a report's title says it grades: the pillar it names ('PEEL: Police legitimacy
    2016'), or the graded inspection it names ('Crime Data Integrity inspection 2019', graded
    once overall). For a grade line before any area heading or under "Overall judgment"."""
    match = re.search(r"(?i)\b(effectiveness|efficiency|legitimacy)\b", title)
    if match:
        return match.group(1).capitalize()
    return "Crime data integrity" if re.search(r"(?i)\bcrime\s+data\s+integrity\b", title) else ""
