"""Running heads and feet: the line a PDF prints on every page ("PEEL 2023–25 Police
effectiveness, efficiency and legitimacy: An inspection of X Police"), as text taken from the
PDF has it, next to the page's number. Such a line is often longer than the short repeated
lines the furniture pass blanks on their count alone (a force's name, "OFFICIAL"), so its
evidence is where it stands: three times or more, each time beside a page number alone on a
line (the page break). Left in, it ran on from the last finding on a page into a finding of its
own, or joined the finding that carried on over the page."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

_PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
_REACH = 6  # lines either side (blank lines, and a form feed's, between them)


def _beside_page_number(lines: list[str], index: int) -> bool:
    """The nearest line with text above or below is a page number alone."""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(lines) and abs(other - index) <= _REACH:
            text = " ".join(lines[other].split())
            if text:
                if _PAGE_NUMBER_RE.match(text):
                    return True
                break
            other += step
    return False


def running_heads(lines: list[str], meaningful: Callable[[str], bool]) -> set[int]:
    """Indexes of the lines that are a running head or foot. `meaningful` keeps structure
    (a grade, a label, an area, a sentence) that may stand at the top of several pages."""
    places: dict[str, list[int]] = defaultdict(list)
    for index, raw in enumerate(lines):
        line = " ".join(raw.split()).strip("*_ ")
        if not line or len(line) > 200 or meaningful(line):
            continue
        if _beside_page_number(lines, index):
            places[line.lower()].append(index)
    return {index for found in places.values() if len(found) >= 3 for index in found}
