"""What a paragraph under a finding label is, from its shape: a subheading set as plain text,
the words after a label's colon naming an area, a sentence counting findings."""

from __future__ import annotations

import re

from inspections.report_reader import directives
from inspections.report_reader import vocabulary as vocab

# "We have identified one cause of concern relating to responding to the public. This is set
# out in the relevant section of the report.": a report's summary under its "Causes of
# concern" heading counts the findings it sets out elsewhere. A finding states a shortfall or
# tells someone to act; it does not count findings.
_COUNTING_RE = re.compile(
    r"^(?:we|i|hmicfrs|hmic)\s+(?:have\s+|has\s+)?(?:also\s+)?(?:identified|found|made|raised"
    r"|set\s+out|issued)\s+(?:a\s+total\s+of\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|no)\s+(?:new\s+|further\s+)?(?:causes?\s+of\s+concern|recommendations?"
    r"|areas?\s+for\s+improvement)\b",
    re.IGNORECASE,
)


# "The Board is asked to note the progress …", "Members are recommended to agree …", "That the
# Panel notes the report": a committee paper's own "Recommendation" to the meeting it goes to,
# not a finding of the inspectorate's.
_ASKS_THE_MEETING_RE = re.compile(
    r"^(?:that\s+)?(?:the\s+)?(?:(?:police\s+and\s+crime\s+|joint\s+audit\s+)?(?:board|panel"
    r"|committee|members|meeting|commissioner|pcc)\b[^.]{0,40}?\b(?:is|are)\s+(?:asked|invited"
    r"|recommended|requested)\s+to\b|(?:board|panel|committee)\s+(?:notes?|agrees?|approves?)\b)",
    re.IGNORECASE,
)


# "… the recommendations and AFIs that remain open", "The areas for improvement identified in
# our report remain in place": findings spoken of as a class, none of them stated.
_OPEN_FINDINGS_RE = re.compile(
    r"(?i)\b(?:the|all|any|those|its|their)\s+(?:[\w()-]+\s+){0,6}?(?:recommendations|AFIs"
    r"|areas\s+for\s+improvement|causes\s+of\s+concern)(?:\s+\([^)]*\))?(?:\s+[\w()-]+){0,6}?\s+"
    r"(?:that\s+|which\s+)?(?:remain|are\s+still|are)\s+(?:open|outstanding|in\s+place)\b"
)


def speaks_of_open_findings(text: str) -> bool:
    return bool(_OPEN_FINDINGS_RE.search(text))


# "See the cause of concern above.": a pointer to a finding stated elsewhere.
_POINTER_RE = re.compile(
    r"(?i)^(?:see|as\s+set\s+out\s+in|refer\s+to)\b[^.]{0,80}\b(?:above|below|earlier|later"
    r"|section\s+\d+|chapter\s+\d+|paragraph\s+[\d.]+)\.?$"
)


def counts_findings(text: str) -> bool:
    """The paragraph opens by counting findings of a kind rather than stating one, speaks of
    them as a class ("The areas for improvement identified in our report remain in place"),
    or points to one stated elsewhere ("See the cause of concern above.")."""
    first = text.split(".")[0]
    return not directives.is_directive(first) and bool(
        _COUNTING_RE.match(text.strip())
        or speaks_of_open_findings(first)
        or _POINTER_RE.match(text.strip())
    )


def asks_the_meeting(text: str) -> bool:
    """The paragraph asks a meeting to note or agree something: the section it opens is a
    committee paper's own recommendation, with no finding in it."""
    return bool(_ASKS_THE_MEETING_RE.match(text.strip()))


def names_an_area(label: vocab.Label) -> bool:
    """The words after a label's colon name an area ("Cause of concern: Responding to the
    public") rather than state the finding: short, no verb, not a directive."""
    inline = label.inline.strip().rstrip(".")
    return (
        1 <= len(vocab.words(inline)) <= 8
        and not directives.is_sentence_like(inline)
        and not directives.is_directive(inline)
    )


def is_headline_paragraph(text: str) -> bool:
    """A paragraph that is a subheading set as plain text: it starts in upper case, has no
    closing punctuation and is short enough to be a headline. A footnote's number after the
    closing full stop ("… before the call was answered.2", from a PDF) does not reopen it."""
    text = re.sub(r"(?<=[.!?”’\")])\d{1,2}$", "", text.strip())
    return (
        bool(text)
        and text[0].isupper()
        and not text.endswith(tuple('.!?:;,"”’)'))
        and 4 <= len(vocab.words(text)) <= 45
    )


def lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:2].isupper()):
        return text  # an acronym: "NPCC", "IOM"
    return text[:1].lower() + text[1:]
