"""The date a committee paper or a committee site's page gives itself: "Report to the
Independent Audit Committee 2 December 2015", "Meeting of Exampleshire Police and Crime Panel,
Tuesday, 25th February, 2025 2.00 pm (Item 6.)"."""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab

_COMMITTEE_DATE_RE = re.compile(
    r"\b(?:report\s+to\s+(?:the\s+)?(?:[A-Z][\w&,'-]*\s+){0,6}(?:committee|panel|board|meeting)"
    r"|meeting\s+(?:held\s+)?on)\s*,?\s+(?:on\s+)?(?:[a-z]+day,?\s+)?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A committee site's line under the paper's name: "Meeting of Exampleshire Police and Crime
# Panel, Tuesday, 25th February, 2025 2.00 pm (Item 6.)".
_MEETING_OF_RE = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w&,'-]*|and|of|for)\s+){1,10}?(?:committee|panel"
    r"|board)\s*,?\s+(?:[a-z]+day,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+"
    r"(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def committee_date(opening: list[str]) -> str:
    """The date as written, from a document's opening blocks, or "". A paper's own heading is
    in its first three blocks; a committee site puts the meeting's line a little lower, and a
    "meeting held on …" further down is some other meeting's."""
    head = " ".join(opening[:3])[:600]
    match = _COMMITTEE_DATE_RE.search(head) or _MEETING_OF_RE.search(" ".join(opening[:6])[:800])
    if match and vocab.parse_date(match.group("date")):
        return match.group("date")
    return ""
