"""Cells of a tracker's table that hold more than one finding: "Cause of concern: The force
does not … Recommendation: HMIC recommends that the force should immediately: …" (a
third-party tracker repeats the cause of concern on the row of each of its recommendations).
"""

from __future__ import annotations

import re

_CAUSE_CELL_RE = re.compile(
    r"(?is)^\s*causes?\s+of\s+concern\s*[:–-]\s*(?P<cause>.+?)"
    r"(?:\s+recommendations?\s*[:–-]\s*(?P<recommendation>.+))?$"
)
# "HMIC recommends that the force should …": the inspectorate naming its own finding.
_RECOMMENDS_THAT_RE = re.compile(
    r"(?i)^(?:hmic|hmicfrs|we|the\s+inspectorate)\s+recommends?\s+that\s+"
)


def cause_cell(cell: str) -> tuple[str, str] | None:
    """(cause of concern, its recommendation or "") when a cell opens with the label "Cause of
    concern:"; None otherwise."""
    match = _CAUSE_CELL_RE.match(cell)
    if not match:
        return None
    recommendation = (match.group("recommendation") or "").strip()
    recommendation = _RECOMMENDS_THAT_RE.sub("", recommendation)
    recommendation = re.sub(r"\s*;\s*(?:and|or)?\s*$", ".", recommendation)
    if len(recommendation.split()) < 4:
        recommendation = ""  # the text stops in its first words
    return match.group("cause").strip(), recommendation[:1].upper() + recommendation[1:]


def same_cause(known: str, cell: str) -> bool:
    """The same cause of concern again, whole or cut off in its last word (the text stops)."""
    known, cell = " ".join(known.split()).lower(), " ".join(cell.split()).lower()
    return known == cell or (len(cell) >= 40 and known.startswith(cell))
