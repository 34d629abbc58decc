"""A tracker's or plan's table of findings of more than one kind, as a Word or web page
export gives it (a row a line, cells apart): "Ref | Report | Type | Recommendation / AFI |
Owner | RAG | Due date".

Its findings' column is headed by more than one kind ("Recommendation / AFI",
"Recommendations and areas for improvement"), which no single label matched, so no row was
read; and each row says its own kind in a cell of its own ("AFI", "Recommendation"), which
the column's heading cannot. The column's heading is read part by part, and a row's kind is
its own cell's when it has one.
"""

from __future__ import annotations

import re

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab

# A findings' column headed by no kind ("Ref | Source | Finding | Status"): each row's kind
# is its reference's ("AFI 1", "R 7").
_GENERIC_HEADER_RE = re.compile(
    r"(?i)^(?:the\s+)?(?:hmicfrs\s+|inspection\s+)?(?:findings?|finding\s+text|wording)$"
)
# A row's reference naming its kind: "R 7", "Rec 12", "REC3" (a recommendation).
_RECOMMENDATION_REF_RE = re.compile(r"(?i)^r(?:ec)?\.?\s*\d{1,3}[a-z]?$")


def header_label(cell: str) -> vocab.Label | None:
    """The label a column heading names: the whole heading, else its first part that is one
    ("Recommendation / AFI" → recommendation); a heading naming no kind ("Finding") gives a
    label of no kind, each row's reference giving its own."""
    # "HMICFRS area for improvement (as worded in the report)": whose, and how quoted, aside.
    cell = re.sub(r"(?i)^(?:hmicfrs|hmic|inspection|peel|report)['’]?s?\s+", "", cell.strip())
    label = vocab.match_label(cell)
    if label is not None:
        return label
    if _GENERIC_HEADER_RE.match(cell.strip()):
        return vocab.Label(kind="", plural=True, word=cell.strip())
    parts = re.split(r"\s*(?:/|&|,|\band\b|\bor\b)\s*", cell.strip())
    if len(parts) < 2:
        return None
    labels = [vocab.match_label(part) for part in parts if part]
    found = [label for label in labels if label and not label.number and not label.inline]
    return found[0] if found and len(found) == len(labels) else None


def row_label(finding_column: tuple[int, vocab.Label], cells: list[str]) -> tuple[int, vocab.Label]:
    """The findings' column and the label of this row's finding: the row's own type cell
    ("AFI", "Recommendation") when it has one, else the column's."""
    column, label = finding_column
    for position, cell in enumerate(cells):
        text = cell.strip()
        if position == column or not text or len(vocab.words(text)) > 4:
            continue
        own = vocab.match_label(text)
        if own is not None and not own.inline and (not own.number or not label.kind):
            return column, vocab.Label(kind=own.kind, plural=True, word=own.word)
        if not label.kind and _RECOMMENDATION_REF_RE.match(text):
            return column, vocab.Label(
                kind=model.RECOMMENDATION, plural=True, word="Recommendation"
            )
    return column, label
