"""A judgments table read a column at a time: text taken from a PDF whose table has the grades
as column headings gives each grade on its own line with the areas under it ("Outstanding /
Preventing crime / Good / Police powers and public treatment / Managing offenders /
Adequate / …"). Read line by line, each area took the grade of the line after it, the next
column's. Such a run is rewritten, line for line (line numbers kept), as the two-column rows
"area<TAB>grade" that the parser reads as judgments.

Taken as a table only on evidence: the run follows a line about judgments or grades, opens
with a grade, holds each grade at most once and in the order of the scale (best first, or
worst first), three of them or two with areas under both, and an area at least; every other
line of it is short and not a sentence. A column may be empty. An area heading followed by
its grade ("Protecting vulnerable people / Requires improvement") opens with an area, so it is
left alone."""

import re

from inspections.report_reader import grade_matrix
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.column_pairs import column_pairs
from inspections.report_reader.spaced_rows import spaced_rows

# The scale's stored values, best first (grade_matrix.SCALE as the reports print it).
SCALE = tuple(grade.lower().replace(" ", "_") for grade in grade_matrix.SCALE)
_ABOUT_JUDGMENTS_RE = re.compile(r"(?i)\b(?:judgments?|judgements?|grades?|graded|grading)\b")
# How far above the run the line about judgments may be (non-blank lines).
_LOOKBACK = 3
_MAX_AREA_WORDS = 10


def grade_columns(text: str) -> str:
    lines = column_pairs(spaced_rows(text)).split("\n")
    index = 0
    while index < len(lines):
        if not _opens_run(lines, index):
            index += 1
            continue
        end, is_table = _run(lines, index)
        if is_table:
            _rewrite(lines, index, end)
        # Past the whole run either way: a run that is not a table holds none.
        index = end
    return "\n".join(lines)


def _grade(line: str) -> str | None:
    grade = vocab.grade_of(line)
    return grade if grade in SCALE else None


def _opens_run(lines: list[str], index: int) -> bool:
    if not _grade(lines[index]):
        return False
    above = [line for line in lines[max(0, index - 12) : index] if line.strip()][-_LOOKBACK:]
    return any(_ABOUT_JUDGMENTS_RE.search(line) for line in above)


def _is_area(line: str) -> bool:
    text = line.strip()
    words = text.split()
    return (
        bool(text)
        and text[:1].isupper()
        and len(words) <= _MAX_AREA_WORDS
        and not text.endswith((".", ":", "?", "!", ";"))
        and "\t" not in line
        and not _grade(text)
    )


def _run(lines: list[str], start: int) -> tuple[int, bool]:
    """The index past the run of grades and areas that starts at `start`, and whether it is
    such a table."""
    grades: list[str] = []
    areas_under: list[int] = []
    end = start
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            break
        if grade := _grade(line):
            grades.append(grade)
            areas_under.append(0)
        elif _is_area(line):
            areas_under[-1] += 1
        else:
            break
        end = index + 1
    ranks = [SCALE.index(grade) for grade in grades]
    in_order = ranks == sorted(ranks) or ranks == sorted(ranks, reverse=True)
    if len(grades) != len(set(grades)) or not in_order or not sum(areas_under):
        return end, False
    # A column may be empty (few forces have an outstanding area): three grades in order are
    # a table's headings, or two when both have areas under them.
    return end, len(grades) >= 3 or (len(grades) == 2 and all(areas_under))


def _rewrite(lines: list[str], start: int, end: int) -> None:
    grade_line = ""
    for index in range(start, end):
        if _grade(lines[index]):
            grade_line = lines[index].strip()
            lines[index] = ""
        else:
            lines[index] = f"{lines[index].strip()}\t{grade_line}"
