"""A register entry's status history laid out as a table (a saved web page of the register:
"Date | Status | Comment" rows), rather than the export's "[on]… [status]…" markers.

Each row is the inspectorate's log of one recommendation: a date, one of the register's
statuses and a comment. Read as rows of findings, every comment that held "should" ("… but the
force should make sure the check is recorded") became a recommendation. A row is a log entry
when its first cell is a date and another cell is a status of the register's scale (awaiting
review, being progressed, complete, no further action, superseded, closed): the rows go to the
entry's status history and out of its text.
"""

from __future__ import annotations

import re

from inspections.report_reader import directives
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.list_ends import is_answer

_DATE_CELL_RE = re.compile(
    r"(?i)^(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2})$"
)
_STATUS_CELL_RE = re.compile(
    r"(?i)^(?:awaiting[\s-]+review|being[\s-]+progressed|in\s+progress|complete[d]?|closed"
    r"|no[\s-]+further[\s-]+action(?:[\s-]+needed)?|superseded|discharged|open)$"
)
_HEADER_RE = re.compile(r"(?i)^date\s*[\t|]\s*status\b")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"\t|\s\|\s", line.strip().strip("|"))]


def status_rows(out: list[str], status_log: list[str], blank) -> None:
    """Move each status-history row of `out` (and the table's header row) into `status_log`."""
    for index, raw in enumerate(out):
        line = raw.strip()
        if "\t" not in line and " | " not in line:
            continue
        cells = _cells(line)
        if _HEADER_RE.match(line) or (
            len(cells) >= 2
            and _DATE_CELL_RE.match(cells[0])
            and any(_STATUS_CELL_RE.match(cell) for cell in cells[1:3])
        ):
            status_log.append(line)
            blank(index)


_FIELD_LINE_RE = re.compile(r"^[A-Z][A-Za-z ]{1,30}:\s+\S.{0,150}$")


def field_rows(out: list[str], status_lines: set[int]) -> None:
    """A block of three or more "Label: value" lines (a register page's "Force:", "Report:",
    "Theme:", "Status:" table) ends the recommendation above it, like a status line: its rows
    are the entry's particulars, not more of its text. A field the reader takes as the
    document's title or date is left to be read as one."""
    filled = [index for index, line in enumerate(out) if line.strip()]
    run: list[int] = []
    for index in [*filled, -1]:
        line = out[index].strip() if index >= 0 else ""
        if index >= 0 and _is_field(line):
            run.append(index)
            continue
        if len(run) >= 3:
            status_lines.update(i + 1 for i in run if not vocab.match_field(out[i]))
        run = []


def _is_field(line: str) -> bool:
    """A particular of a register entry ("Force: Kent Police", "Status: Complete"), not a
    finding quoted under its label ("Recommendation: The force must …"), an answer to one
    ("Response: The force has …", which a PCC response or tracker sets under each finding) or
    a directive: a run of those is a response's findings, not an entry's particulars."""
    if not _FIELD_LINE_RE.match(line):
        return False
    label, value = line.split(":", 1)
    return (
        len(label.split()) <= 4
        and not vocab.match_label(line)
        and not is_answer(line)
        and not re.search(rf"(?i)\b{directives.MODAL}\b", value)
    )
