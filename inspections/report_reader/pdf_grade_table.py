"""A PDF's table of graded judgments laid out as a grade matrix: the grades as column headings
on one row ("Outstanding | Good | Adequate | Requires improvement | Inadequate", as PEEL reports
since 2021 print them) and each area in a cell under its grade. pdfminer gives the cells in no
reliable order (the headings first, then some cells row by row and some column by column), so
read as text each area took the wrong grade or none. Here the table is read from where each
box sits on the page, and given back as "area<TAB>grade" rows, which the parser reads as
judgments.

Taken as a table only on evidence: three grades or more as boxes of their own on one row, each
once, in the order of the scale (best first or worst first; headings set so close that pdfminer
ran them into one box are cut apart first, extract_pdf._grade_parts); its cells are the boxes
below that fit under one heading each, down to the first box that spans columns or the first
wide gap. A ticked matrix is read too: each area a row labelled left of the table, a mark ("✓",
"X") under its grade. Pure geometry on plain boxes, so the rule is tested without a PDF."""

from __future__ import annotations

import re
import statistics
from typing import NamedTuple

from inspections.report_reader.grade_matrix import grade_heading, is_scale

# A cell longer than this is a sentence, not an area's name: the table has ended.
MAX_AREA_WORDS = 12
# A cell that marks its row's grade in a ticked matrix.
_MARK_RE = re.compile(r"^[✓✔☑✗✘×●■xX]$")
# How near (points) a cell's left edge is to its heading's when the table is set left-aligned.
ALIGNED = 3


class Box(NamedTuple):
    """A text box: its text (lines joined) and its bounds in PDF points (y grows upwards)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float


def grade_tables(boxes: list[Box]) -> tuple[dict[int, list[str]], set[int]]:
    """The grade matrices among one page's boxes: {index of the box where a table's rows go
    (its first heading in reading order): the rows}, and the indices of every box the tables
    took (headings and cells), which are not to be read again as text."""
    tables: dict[int, list[str]] = {}
    taken: set[int] = set()
    headings = [i for i, box in enumerate(boxes) if grade_heading(box.text)]
    for first in headings:
        if first in taken:
            continue
        row = sorted(
            (i for i in headings if i not in taken and _overlap(boxes[i], boxes[first])),
            key=lambda i: boxes[i].x0,
        )
        if not is_scale([boxes[i].text for i in row]):
            continue
        grades = [grade_heading(boxes[heading].text) for heading in row]
        ticked = _ticked(row, boxes, taken)
        if ticked:
            # Each area a row, labelled on the left, a mark under its grade.
            tables[min(row)] = [f"{boxes[label].text}\t{grades[at]}" for at, label, _ in ticked]
            taken.update(row)
            taken.update(index for _, label, mark in ticked for index in (label, mark))
            continue
        cells = _cells(row, boxes, taken)
        if not cells:
            continue
        tables[min(row)] = [
            f"{boxes[index].text}\t{grade}"
            for column, grade in enumerate(grades)
            for at, index in cells
            if at == column
        ]
        taken.update(row)
        taken.update(index for _, index in cells)
    return tables, taken


def _overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share some height: a heading wrapped on two lines still sits on the
    row of the others."""
    return min(a.y1, b.y1) > max(a.y0, b.y0)


def _below(row: list[int], boxes: list[Box], taken: set[int]):
    """The headings, their pitch, the height of a line, their bottom, and the indices of the
    boxes below them, top to bottom."""
    headings = [boxes[i] for i in row]
    pitch = statistics.median(b.x0 - a.x0 for a, b in zip(headings, headings[1:], strict=False))
    line_height = statistics.median(box.y1 - box.y0 for box in headings)
    bottom = min(box.y0 for box in headings)
    below = sorted(
        (
            i
            for i, box in enumerate(boxes)
            if i not in taken and i not in row and box.y1 <= bottom + 1
        ),
        key=lambda i: -boxes[i].y1,
    )
    return headings, pitch, line_height, bottom, below


def _ticked(row: list[int], boxes: list[Box], taken: set[int]) -> list[tuple[int, int, int]]:
    """(column, label index, mark index) of each row of a ticked matrix: the areas labelled on
    the left of the table, a mark ("✓") under the grade of each, top to bottom; [] when the
    first box under the headings is no mark."""
    headings, pitch, line_height, bottom, below = _below(row, boxes, taken)
    left = headings[0].x0  # the labels end before the first grade's heading starts
    rows = []
    for index in below:
        mark = boxes[index]
        if mark.x1 <= left:
            continue  # a row's label, read with its mark
        if bottom - mark.y1 > 4 * line_height or not _MARK_RE.match(mark.text.strip()):
            break
        column = _column(mark, headings, pitch)
        labels = [
            i
            for i, box in enumerate(boxes)
            if i not in taken and box.x1 <= left and _overlap(box, mark) and _is_label(box.text)
        ]
        if column is None or not labels:
            break
        rows.append((column, max(labels, key=lambda i: boxes[i].x1), index))
        bottom = min(bottom, mark.y0)
    return sorted(rows, key=lambda found: -boxes[found[2]].y1)


def _is_label(text: str) -> bool:
    """A row's label: an area's name, or a question of an earlier framework ('How effectively
    does the force …?')."""
    words = text.split()
    return 0 < len(words) <= 30 and text[:1].isupper() and not text.rstrip().endswith(".")


def _cells(row: list[int], boxes: list[Box], taken: set[int]) -> list[tuple[int, int]]:
    """(column, box index) of each cell under the headings, top to bottom."""
    headings, pitch, line_height, bottom, below = _below(row, boxes, taken)
    cells = []
    for index in below:
        box = boxes[index]
        if bottom - box.y1 > 4 * line_height:
            break  # a wide gap: the table has ended
        column = _column(box, headings, pitch)
        if column is None or not _is_area(box.text):
            break  # a box across columns, a sentence or a number: the table has ended
        cells.append((column, index))
        bottom = min(bottom, box.y0)
    return cells


def _is_area(text: str) -> bool:
    """An area's name: a few words, opening with a capital, with a word of letters (a chart's
    legend over its axis labels, "2019", "12%", is no table of judgments)."""
    words = text.split()
    return (
        0 < len(words) <= MAX_AREA_WORDS
        and text[:1].isupper()
        and any(len(word) >= 3 and word.isalpha() for word in words)
        and not text.rstrip().endswith((".", ":", ";", "?", "!"))
    )


def _column(box: Box, headings: list[Box], pitch: float) -> int | None:
    """The column a cell sits in: the heading it is aligned with on the left (a cell is often
    wider than its heading, "Preventing crime" under "Good"), else the heading whose centre is
    nearest its own; None for a box wider than a column, which spans columns."""
    if box.x1 - box.x0 > 1.1 * pitch:
        return None
    for column, heading in enumerate(headings):
        if abs(box.x0 - heading.x0) <= ALIGNED:
            return column
    centre = (box.x0 + box.x1) / 2
    distances = [abs(centre - (heading.x0 + heading.x1) / 2) for heading in headings]
    nearest = distances.index(min(distances))
    return nearest if distances[nearest] <= pitch / 2 else None
