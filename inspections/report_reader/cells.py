"""Tables and lists that lost their shape: a tracker's cell holding a cause of concern and its
recommendation ("Cause of concern: The force does not … Recommendation: HMIC recommends that
the force should immediately: …", the cause repeated on the row of each recommendation); a
table flattened into one paragraph with each finding run in after its label; one sentence cut
into bullets ("take action on those; and"); a lead-in split over two sentences ("… three areas
of improvement." / "These were:").
"""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab

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


# A lead-in's second sentence, naming nothing itself: "These were:", "They are as follows:".
THESE_WERE_RE = re.compile(
    r"(?i)^(?:these|they|those)\s+(?:were|are|include[ds]?)(?:\s+as\s+follows)?\s*:$"
)
# A bullet that only makes sense with the one before it: "take action on those; and".
_REFERS_BACK_RE = re.compile(r"(?i)\b(?:those|these|them)\s*(?:[;,.:]|\s+(?:and|or)\b|$)")


def one_sentence(items: list) -> bool:
    """Bullets that are one sentence cut up: each starts in lower case, and a later one
    refers back to an earlier one."""
    top = [item for item in items if item.level == items[0].level] if items else []
    return (
        len(top) >= 2
        and all(vocab.blocks_start_lower(item.text) for item in top)
        and any(_REFERS_BACK_RE.search(item.text) for item in top[1:])
    )


# A label run into its finding in a flattened table: "1 Area for Improvement The force should
# improve …." (capitalised as a column heading would be, the directive straight after it).
_RUN_IN_RE = re.compile(
    r"(?:^|\s)(?:\d{1,2}\s+)?(?P<label>Area\s+for\s+Improvement|Recommendation|Cause\s+of\s+Concern)"
    r"\s+(?P<finding>(?:The\s+(?:force|constabulary)|All\s+forces|Forces|Chief\s+constables)\s+"
    r"(?:should|must|needs?\s+to)\b[^.!?]{10,400}[.!?])"
)


def run_in_findings(text: str) -> list[tuple[str, str]]:
    """(kind, finding) for each finding run in after its label in a flattened table:
    "… Comment 1 Area for Improvement The force should improve … AMBER No deadline …"."""
    found = []
    for match in _RUN_IN_RE.finditer(text):
        label = vocab.match_label(match.group("label"))
        if label is not None:
            found.append((label.kind, match.group("finding")))
    return found
