"""A two-column judgments table read a column at a time: text taken from a PDF may give the
"Area" column whole (its header, then each area on its own line), then the "Grade" column
whole (its header, then each grade), sometimes with a heading of the page set between them.
Read line by line, the areas had no grade and the grades no area. The columns are paired
back, row for row, as "area<TAB>grade" lines (line numbers kept: each grade's line is left
blank).

Taken as a table only on evidence: both headers alone on their lines, the "Grade" header
followed by a run of grades alone on their lines, as many as the areas under the "Area"
header before it (an area wrapped over two lines, its second in lower case, is one); each
area line short as a name is and not a sentence. A heading marked by
the PDF reader ("### …") between the two columns is passed over."""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab

_AREA_HEADER_RE = re.compile(
    r"(?i)^(?:#+\s*)?(?:\*\*)?(?:area|areas|area\s+of\s+policing)(?:\*\*)?$"
)
_GRADE_HEADER_RE = re.compile(
    r"(?i)^(?:#+\s*)?(?:\*\*)?(?:grade|grades|judgment|judgement)(?:\*\*)?$"
)
_MAX_AREA_WORDS = 16
_REACH = 60  # lines from the "Grade" header back to the "Area" header


def _grades_after(lines: list[str], start: int) -> list[int]:
    found = []
    for index in range(start + 1, len(lines)):
        text = lines[index].strip()
        if not text:
            continue
        if not vocab.match_grade_line(text) or len(vocab.words(text)) > 4:
            break
        found.append(index)
    return found


def _areas_between(lines: list[str], start: int, end: int) -> list[list[int]] | None:
    """The area lines, an area wrapped over two lines (its second in lower case) as one."""
    found: list[list[int]] = []
    for index in range(start + 1, end):
        text = lines[index].strip()
        if not text or text.startswith("#"):
            continue
        if (
            vocab.match_grade_line(text)
            or text.endswith((".", ":", ";"))
            or len(vocab.words(text)) > _MAX_AREA_WORDS
        ):
            return None
        if text[:1].islower() and found:
            found[-1].append(index)
        else:
            found.append([index])
    return found


def column_pairs(text: str) -> str:
    lines = text.split("\n")
    for grade_header, line in enumerate(lines):
        if not _GRADE_HEADER_RE.match(line.strip()):
            continue
        grades = _grades_after(lines, grade_header)
        if len(grades) < 2:
            continue
        first = max(0, grade_header - _REACH)
        area_header = next(
            (
                i
                for i in range(grade_header - 1, first - 1, -1)
                if _AREA_HEADER_RE.match(lines[i].strip())
            ),
            None,
        )
        if area_header is None:
            continue
        areas = _areas_between(lines, area_header, grade_header)
        if not areas or len(areas) != len(grades):
            continue
        for area, grade in zip(areas, grades, strict=True):
            name = " ".join(" ".join(lines[part].split()) for part in area)
            for part in area[1:]:
                lines[part] = ""
            lines[area[0]] = f"{name}\t{lines[grade].strip()}"
            lines[grade] = ""
    return "\n".join(lines)
