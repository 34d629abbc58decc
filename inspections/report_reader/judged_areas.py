"""Words that stand where an area's name stands beside a grade but name no area of their own.

- "Overall judgement" (PEEL 2014–2017, often with its footnote number glued on:
  "Overall judgement1"): the grade of the pillar the report is about, which its title names
  ("PEEL: Police legitimacy 2016"). Read as an area it gave a judgment of nothing, beside the
  pillar's own.
- "Last inspection" / "Previous inspection" (PEEL 2017–2019, under each pillar's grade): the
  grade of an earlier report, not of this one.
"""

from __future__ import annotations

import re

_OVERALL_RE = re.compile(r"(?i)^overall\s+judge?ments?\s*\d{0,2}\W*$")
_EARLIER_RE = re.compile(
    r"(?i)^(?:last|previous|earlier)\s+(?:year'?s?\s+)?(?:inspection|judge?ment|grade|rating)s?"
    r"(?:\s+(?:19|20)\d\d)?\s*\d{0,2}\W*$"
)


def judged_area(area: str, title_pillar: str) -> str:
    """The area a grade beside `area` grades: "" when it is an earlier report's grade; the
    pillar the title names (`title_pillar`) for the overall judgement, when it names one."""
    name = " ".join(area.split())
    if _EARLIER_RE.match(name):
        return ""
    if _OVERALL_RE.match(name):
        return title_pillar or area
    return area
