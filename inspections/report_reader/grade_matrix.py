"""A table of graded judgments laid out as a grade matrix: the grades as column headings
("Outstanding | Good | Adequate | Requires improvement | Inadequate", as PEEL reports since 2021
print them) and each area under its grade, a column often listing several areas (paragraphs,
list items or line breaks in one cell). The PDF, web-page and Word readers give such a table
as "area<TAB>grade" rows, which the parser reads as judgments; read as text, a cell's areas ran
into one name, or each area took the grade of the wrong column.

Taken as a grade matrix only on evidence: three grades or more as headings of their own, each
once, in the order of the scale (best first or worst first)."""

from __future__ import annotations

SCALE = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")
_GRADE_OF = {grade.lower(): grade for grade in SCALE}
MIN_GRADES = 3


def grade_heading(text: str) -> str | None:
    """The grade a heading cell names, as the scale spells it; None if it names none."""
    return _GRADE_OF.get(" ".join(text.split()).lower())


def is_scale(headings: list[str]) -> bool:
    """Whether these headings, left to right, are grades of the scale, each once, in order."""
    grades = [grade_heading(text) for text in headings]
    if len(grades) < MIN_GRADES or None in grades:
        return False
    places = [SCALE.index(grade) for grade in grades]
    distinct = len(set(places)) == len(places)
    return distinct and places in (sorted(places), sorted(places, reverse=True))


def matrix_rows(table: list[list[list[str]]]) -> list[str] | None:
    """table: its rows, each a list of cells, each cell the lines it holds (one per area). When
    the first row's cells are the grade scale, every area under each grade as "area<TAB>grade",
    column by column and top to bottom; otherwise None."""
    if not table:
        return None
    headings = [" ".join(cell) for cell in table[0]]
    if not is_scale(headings):
        return None
    rows = []
    for column, heading in enumerate(headings):
        grade = grade_heading(heading)
        for cells in table[1:]:
            if column < len(cells):
                rows += [f"{area}\t{grade}" for area in cells[column] if area.strip()]
    return rows


_COMPACT = sorted(((grade.lower().replace(" ", ""), grade) for grade in SCALE), reverse=True)


def grade_run(compact: str) -> list[tuple[int, int, str]] | None:
    """(start, end, grade) of each grade in text with its spaces taken out, when the text is
    two grades or more run together and nothing else ("requiresimprovementinadequate": a
    PDF's headings set close enough to be read as one box); otherwise None."""
    spans, at = [], 0
    while at < len(compact):
        found = next(
            ((name, grade) for name, grade in _COMPACT if compact.startswith(name, at)), None
        )
        if found is None:
            return None
        spans.append((at, at + len(found[0]), found[1]))
        at += len(found[0])
    return spans if len(spans) >= 2 else None
