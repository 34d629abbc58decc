"""A judgments table laid out with spaces: text taken from a PDF keeps a two-column table's
row on one line, the area, a run of spaces, then its grade ("Investigating crime
Requires improvement"), the grade often marked as carried forward from an earlier inspection
("Good*") or not graded ("Ungraded"). Read as prose, the rows ran together into one paragraph
and no grade was read. Each such row is rewritten, line for line (line numbers kept), as the
"area<TAB>grade" row the parser reads as a judgment.

Taken as a table only on evidence: two such rows or more within a few lines of each other,
each an area short as a name is (not a sentence) and a grade at the end of the line after
at least two spaces. An area wrapped over two lines ("…anti-social behaviour, / and reducing
vulnerability   Good") is joined onto its row; the line it came from is left blank."""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab

_ROW_RE = re.compile(
    r"^\s*(?P<area>\S.*?\S)[ \t]{2,}(?P<grade>outstanding|good|adequate|requires\s+improvement"
    r"|inadequate|ungraded|not\s+yet\s+graded|not\s+graded|not\s+inspected)\s*[*†‡¹²³]{0,2}\s*$",
    re.IGNORECASE,
)
_HEADER_RE = re.compile(
    r"(?i)^\s*(?:areas?|area\s+of\s+policing|question)[ \t]{2,}(?:grades?|judge?ments?)\s*$"
)
_MAX_AREA_WORDS = 16
_GAP = 3  # lines between two rows of one table


def _row(line: str) -> re.Match | None:
    match = _ROW_RE.match(line)
    if not match:
        return None
    area = match.group("area")
    if area.endswith((".", ";", ":")) or len(vocab.words(area)) > _MAX_AREA_WORDS:
        return None
    return match


def spaced_rows(text: str) -> str:
    lines = text.split("\n")
    rows = [index for index, line in enumerate(lines) if _row(line)]
    table = [
        index
        for position, index in enumerate(rows)
        if (position > 0 and index - rows[position - 1] <= _GAP)
        or (position + 1 < len(rows) and rows[position + 1] - index <= _GAP)
    ]
    for index in table:
        above = index - 1
        if above >= 0 and (index - 1) not in table and _HEADER_RE.match(lines[above]):
            # The table's header ("Area      Grade"): a row of column names, not an area.
            lines[above] = "\t".join(lines[above].split(None, 1)).strip()
        match = _row(lines[index])
        assert match is not None
        area = " ".join(match.group("area").split())
        above = index - 1
        if area[:1].islower() and above >= 0 and lines[above].strip() and not _row(lines[above]):
            area = f"{' '.join(lines[above].split())} {area}"
            lines[above] = ""
        lines[index] = f"{area}\t{' '.join(match.group('grade').split())}"
    return "\n".join(lines)
