"""Sentences that announce findings: "We made three recommendations in this report:",
"Recommendations from the March 2020 report." over items that each tell someone to act, a
label before a quotation ("one of the Areas for Improvement … that ‘the force should …’"),
and the words a lead-in puts before each finding of its list. See leadins.py for how the
parser uses them."""

from __future__ import annotations

import re

from inspections.report_reader import directives, model

_KIND_WORDS = (
    (r"\brecommend\w*", model.RECOMMENDATION),
    (r"\bcauses?\s+of\s+concern\b", model.CAUSE_OF_CONCERN),
    (r"\bareas?\s+(?:for|of)\s+improvement\b|\bAFIs?\b", model.AFI),
    (r"\binnovative\s+practices?\b", model.INNOVATIVE_PRACTICE),
    (r"\bpromising\s+practices?\b", model.PROMISING_PRACTICE),
    (r"\bnotable\s+practices?\b", model.NOTABLE_PRACTICE),
)
_ANNOUNCE_RE = re.compile(
    r"\b(?:we|i|hmic|hmicfrs|hmi|hmcic|hm\s+inspectors?|the\s+inspectorate"
    r"|(?:the|this|that|our|its)\s+(?:report|text|inspection|letter|review))\s+"
    r"(?:have\s+|has\s+|had\s+|also\s+)?(?:made|make|makes|identified|identify|identifies|issued"
    r"|issue|issues|set\s+out|sets\s+out|gave|give|gives|said|say|says|included|includes"
    r"|contained|contains|recommend|recommends|recommended)\b"
    r"|\b(?:the\s+following|our|its)\s+(?:[\w'-]+\s+){0,3}(?:recommendations|areas\s+for\s+improvement"
    r"|causes\s+of\s+concern|AFIs)(?:\s+(?:are|were|is))?(?:\s+as\s+follows)?\s*$",
    re.IGNORECASE,
)
RECOMMENDED_THAT_RE = re.compile(
    r"(?i)\b(?:we|i|hmic\w*|hm\s+inspectors?|inspectors?)\s+(?:have\s+|had\s+|also\s+)?"
    r"recommend(?:ed|s)?\s+that\b"
)


def announced_kind(sentence: str) -> str | None:
    """The kind of finding a lead-in sentence announces, or None if it announces none."""
    if not _ANNOUNCE_RE.search(sentence):
        return None
    if RECOMMENDED_THAT_RE.search(sentence):
        # "To address this cause of concern, we recommended that the force should:"
        return model.RECOMMENDATION
    return _kind_named(sentence)


_COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_ANNOUNCED_COUNT_RE = re.compile(
    rf"\b(?P<count>\d{{1,2}}|{'|'.join(_COUNT_WORDS)})\s+(?:[\w'-]+\s+)?(?:recommendations?"
    r"|areas?\s+(?:for|of)\s+improvement|causes?\s+of\s+concern|AFIs?)\b",
    re.IGNORECASE,
)
# "Recommendations from the March 2020 report.", "Areas for improvement made in our 2019
# inspection:": a line naming where the findings below come from.
_SOURCE_LINE_RE = re.compile(
    r"^(?:the\s+)?(?:recommendations|areas\s+for\s+improvement|AFIs|causes\s+of\s+concern)\s+"
    r"(?:(?:made|set\s+out|published|issued)\s+)?(?:from|in|by|of)\s+(?:the|our|its|his|her|this"
    r"|that|an?)\b[^:;]{0,120}[.:]?$",
    re.IGNORECASE,
)


def _kind_named(sentence: str) -> str | None:
    first = None
    for pattern, kind in _KIND_WORDS:
        match = re.search(pattern, sentence, re.IGNORECASE)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), kind)
    return first[1] if first else None


def evidenced_kind(sentence: str, items: list) -> str | None:
    """A lead-in the announcement wording does not give away, read from the evidence around
    it: "<Anyone> made three recommendations in this report:" followed by exactly three
    items, or "Recommendations from the March 2020 report." followed by items that each tell
    someone to act (a modal verb: "There should be …", "Structures should be put in place")."""
    kind = _kind_named(sentence)
    top = [item for item in items if item.level == items[0].level] if items else []
    if kind is None or not top:
        return None
    counted = _ANNOUNCED_COUNT_RE.search(sentence)
    if counted and sentence.rstrip().endswith(":"):
        word = counted.group("count").lower()
        if _COUNT_WORDS.get(word, int(word) if word.isdigit() else 0) == len(top):
            return kind
    if _SOURCE_LINE_RE.match(sentence.strip()) and all(
        re.search(rf"(?i)\b{directives.MODAL}\b", item.text) for item in top
    ):
        return kind
    return None


def leadin_prefix(sentence: str) -> str:
    """The words that start each finding of the list: 'we said that the force should:' →
    'The force should'; 'Within three months, the force should:' → the whole sentence."""
    sentence = re.sub(r"\s*[:\-–—]+\s*$", "", sentence.strip())
    match = re.search(r"\bthat,?\s+(?P<prefix>[^:]+?)$", sentence, re.IGNORECASE)
    if match and (
        directives.is_directive(match.group("prefix"))
        or directives.SUBJECT_START_RE.match(match.group("prefix"))
    ):
        prefix = match.group("prefix")
    elif directives.is_directive(sentence) or directives.has_directive_clause(sentence):
        prefix = sentence
    else:
        return ""
    return prefix[:1].upper() + prefix[1:]


_COUNTED_RE = re.compile(rf"(?i)\b(?:\d{{1,2}}|{'|'.join(_COUNT_WORDS)})\s+(?:[\w'-]+\s+)?$")


def quoted_kind(before: str) -> str | None:
    """The kind of finding named by the last label in the words before a quotation, in the
    same sentence; None if there is none, or if it only counts findings."""
    sentence = re.split(r"(?<=[.!?;])\s+", before)[-1]
    last = None
    for pattern, kind in _KIND_WORDS:
        for match in re.finditer(pattern, sentence, re.IGNORECASE):
            if last is None or match.start() > last[0]:
                last = (match.start(), kind)
    if last is None or _COUNTED_RE.search(sentence[: last[0]]):
        return None
    return last[1]
