"""Table rows: the judgments table (grades as column headings, areas below), two-column
area/grade rows, and the tracker or plan tables whose rows are findings ("No. |
Recommendation | Action taken | Status"), including a cell holding a cause of concern with
one of its recommendations. Mixed into the parser."""

from __future__ import annotations

import re

from inspections.report_reader import directives, model, tracker_rows
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import BOLD_LEVEL, Block
from inspections.report_reader.cells import cause_cell, same_cause


class TableRowsPass:
    """Rows of tables: mixed into the parser."""

    def _row(self, block: Block) -> None:
        cells = block.cells
        filled = [cell for cell in cells if cell]
        grades = [vocab.grade_of(cell) if cell else None for cell in cells]
        if len([g for g in grades if g]) >= 3 and all(vocab.grade_of(cell) for cell in filled):
            self.table = grades  # the judgments table: grades are the column headings
            return
        if self.table is not None:
            for position, cell in enumerate(cells):
                if cell and position < len(self.table) and self.table[position]:
                    self._judgment(self._canonical(cell), self.table[position], strong=True)
            return
        if self._grade_column_row(cells, filled):
            return
        if len(filled) == 2 and vocab.grade_of(filled[1]) and not vocab.grade_of(filled[0]):
            if not re.fullmatch(r"(?i)(area|question|pillar)s?", filled[0]):
                self._judgment(self._canonical(filled[0]), vocab.grade_of(filled[1]), strong=True)
            return
        if self._finding_table_row(cells, filled):
            return
        label = vocab.match_label(filled[0]) if filled else None
        if label and len(filled) >= 2:
            self._open_context(label, self.ctx.level if self.ctx else BOLD_LEVEL)
            # The finding is the first cell after its label that tells someone to act or is
            # long enough to (not an area's name: "AFI 1 | Preventing crime | The force needs
            # to …"); later cells (action, owner, status) are the tracker's commentary.
            finding = next(
                (
                    cell
                    for cell in filled[1:]
                    if directives.is_directive(cell) or len(vocab.words(cell)) >= 8
                ),
                filled[1],
            )
            self._start_finding(finding, style="inline")
            self.row_findings += 1
            return
        if self.ctx is not None and self.current is not None:
            self._append(" ".join(filled))

    def _finding_table_row(self, cells: list[str], filled: list[str]) -> bool:
        """A tracker or plan table: a header row names the findings' column ("No. |
        Recommendation | Action taken | Status"); each row below is one finding, that cell
        only."""
        if self.finding_column is not None:
            column, label = tracker_rows.row_label(self.finding_column, cells)
            cell = cells[column] if column < len(cells) else ""
            # Under a heading of no kind, a row whose reference names none is not read.
            if label.kind and len(vocab.words(cell)) >= 4 and not self._cause_cell(cell):
                if self.ctx is None or self.ctx.kind != label.kind:
                    self._open_context(label, BOLD_LEVEL)
                # "Recommendation 1: By 31 October 2025, chief constables should …": the cell's
                # own label gives the finding's number, its words the finding.
                own = vocab.match_label(cell)
                area = _AREA_PREFIX_RE.match(cell)
                if own is not None and own.inline and own.kind == label.kind:
                    self._start_finding(own.inline, style="item", number=own.number)
                elif area and vocab.is_known_area(area.group("area")):
                    # "Preventing crime: The force needs to …": the area, then the finding.
                    self._start_finding(cell[area.end() :], style="item")
                    assert self.current is not None
                    self.current.area = self._canonical(area.group("area"))
                else:
                    self._start_finding(cell, style="item")
                self.row_findings += 1
            return True
        if len(filled) < 2 or any(
            len(vocab.words(cell)) > 4 and not tracker_rows.header_label(cell) for cell in filled
        ):
            return False  # a header row is short cells, but for the findings' own heading
        for column, cell in enumerate(cells):
            label = tracker_rows.header_label(cell) if cell else None
            if label and not label.number and not label.inline:
                self.finding_column = (column, vocab.Label(kind=label.kind, plural=True, word=cell))
                return True
        return False

    def _cause_cell(self, cell: str) -> bool:
        """A cell holding a cause of concern and one of its recommendations (cells.py): the
        cause once, however many rows repeat it, and the recommendation linked to it."""
        found = cause_cell(cell)
        if found is None:
            return False
        cause, recommendation = found
        known = next(
            (
                n
                for n, f in enumerate(self.findings)
                if f.kind == model.CAUSE_OF_CONCERN and same_cause(f.text, cause)
            ),
            None,
        )
        if known is None:
            self._open_context(
                vocab.Label(kind=model.CAUSE_OF_CONCERN, plural=False, word="Cause of concern"),
                BOLD_LEVEL,
            )
            self._start_finding(cause, style="item")
            self.row_findings += 1
            known = len(self.findings) - 1
        if recommendation:
            self._open_context(
                vocab.Label(kind=model.RECOMMENDATION, plural=True, word="Recommendations"),
                BOLD_LEVEL,
            )
            assert self.ctx is not None
            self.ctx.cause = known
            self._start_finding(recommendation, style="item")
            self.row_findings += 1
        return True

    def _grade_column_row(self, cells: list[str], filled: list[str]) -> bool:
        """A table of areas with a column of this report's grades, alone ("Area | Grade |
        Commentary") or beside others ("PEEL area | PEEL 2023–25 grade | PEEL 2021/22 grade",
        an improvement plan comparing the two): the header row names the grade columns; the
        newest (or the one not named previous) is this report's, and each row below grades
        the area in its first cell."""
        headed = [n for n, cell in enumerate(cells) if _GRADE_HEADER_RE.search(cell)]
        if (
            headed
            and 0 not in headed
            and len(filled) <= 6
            and not any(vocab.grade_of(cell) for cell in filled)
            and (len(headed) >= 2 or _AREA_HEADER_RE.search(cells[0]))
        ):
            current = [n for n in headed if not _EARLIER_RE.search(cells[n])] or headed
            self.grade_column = max(current, key=lambda n: (_latest_year(cells[n]), -n))
            return True
        if self.grade_column is None:
            return False
        column = self.grade_column
        grade = vocab.grade_of(cells[column]) if column < len(cells) else None
        if grade and cells[0] and not vocab.grade_of(cells[0]):
            self._judgment(self._canonical(cells[0]), grade, strong=True)
        return True


_AREA_PREFIX_RE = re.compile(r"^(?P<area>[A-Z][^:.]{2,70}):\s+(?=[A-Z])")
# A column heading naming grades ("PEEL 2023–25 grade", "Previous judgment", "Rating 2022").
_GRADE_HEADER_RE = re.compile(r"(?i)\b(?:grades?|gradings?|judge?ments?|ratings?)\b")
_AREA_HEADER_RE = re.compile(r"(?i)\b(?:areas?|questions?|pillars?)\b")
_EARLIER_RE = re.compile(r"(?i)\b(?:previous|last|earlier|prior|former)\b")


def _latest_year(heading: str) -> int:
    """The latest year a heading names ("PEEL 2023–25 grade" → 2025), 0 if none."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", heading)]
    for start, end in re.findall(r"\b((?:19|20)\d\d)\s*[/–-]\s*(\d\d)\b", heading):
        years.append(int(start[:2] + end))
    return max(years, default=0)
