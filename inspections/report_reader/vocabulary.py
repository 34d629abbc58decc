"""The words reports use: finding labels, grades, section headings of each PEEL era and the
phrases that say a finding is carried forward. Data and small matchers only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.report_reader import model
from inspections.report_reader.dates import (  # noqa: F401 (kept importable from here)
    DATE_LINE_RE,
    DAY_DATE_RE,
    ISO_DATE_RE,
    MONTH_DATE_RE,
    MONTHS,
    SLASH_DATE_RE,
    parse_date,
)

# --- text helpers ---------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def plain(text: str) -> str:
    """Lower case, straight quotes, no punctuation, single spaces: for comparing names."""
    text = text.translate(_APOSTROPHES).lower().replace("&", " and ")
    text = text.replace("anti-social", "antisocial").replace(
        "counter-corruption", "counter corruption"
    )
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


def blocks_start_lower(text: str) -> bool:
    """True when text starts in lower case: a fragment continuing a sentence."""
    first = text.lstrip("\"'“‘( ")[:1]
    return first.islower()


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


# --- finding labels -------------------------------------------------------------------------

# Heading or paragraph openings that introduce findings of one kind. Matched against the whole
# heading (numbering and trailing punctuation aside), so "Chief Constable response to any
# recommendations" is not a label.
_LABELS: list[tuple[str, str]] = [
    (r"accelerated\s+causes?\s+of\s+concern", model.CAUSE_OF_CONCERN),
    (r"causes?\s+of\s+concern", model.CAUSE_OF_CONCERN),
    (r"recommendations?|recs?\.?", model.RECOMMENDATION),  # "Rec 15:" in a tracker
    (r"areas?\s+for\s+improvements?|afis?|areas?\s+(?:of|requiring)\s+improvement", model.AFI),
    (r"notable\s+practices?|examples?\s+of\s+notable\s+practice", model.NOTABLE_PRACTICE),
    (r"innovative\s+practices?", model.INNOVATIVE_PRACTICE),
    (r"promising\s+practices?", model.PROMISING_PRACTICE),
]
_LABEL_RE = re.compile(
    r"^(?:(?:our|the|new|further|other|outstanding|previous)\s+)?(?P<label>"
    + "|".join(f"(?:{pattern})" for pattern, _ in _LABELS)
    + r")(?:\s*(?:no\.?\s*)?(?P<number>\d{1,5}[a-z]?)\b)?"
    + r"(?:\s*(?:\([^)]*\)))?"
    + r"(?:\s*[:.\-–—]\s*(?P<inline>.*))?\s*:?\s*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Label:
    kind: str
    plural: bool
    number: str = ""
    inline: str = ""
    word: str = ""


def match_label(text: str) -> Label | None:
    """'Areas for improvement', 'AFI 2: The force needs to …', 'Recommendation 1' …"""
    text = strip_numbering(text.strip().strip("*").strip())
    match = _LABEL_RE.match(text)
    if not match:
        return None
    label = match.group("label")
    kind = next(kind for pattern, kind in _LABELS if re.fullmatch(pattern, label, re.IGNORECASE))
    inline = (match.group("inline") or "").strip()
    if inline and len(words(inline)) < 3:
        # "Recommendation 1 - Stop and search" is a heading, not a finding; keep as section.
        inline = ""
    lowered = label.lower()
    plural = bool(re.search(r"(?:concerns|recommendations|improvements|practices|afis)$", lowered))
    plural = plural or lowered.startswith(("areas ", "causes "))
    return Label(
        kind=kind, plural=plural, number=match.group("number") or "", inline=inline, word=label
    )


REFERENCE_PREFIX = {
    model.CAUSE_OF_CONCERN: "Cause of concern",
    model.RECOMMENDATION: "Recommendation",
    model.AFI: "AFI",
    model.NOTABLE_PRACTICE: "Notable practice",
    model.INNOVATIVE_PRACTICE: "Innovative practice",
    model.PROMISING_PRACTICE: "Promising practice",
}

_NUMBERING_RE = re.compile(
    r"^(?:(?:chapter|section|part)\s+\w+\s*[:.\-–]\s*|\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\D)|[ivx]{1,4}\.\s+)",
    re.IGNORECASE,
)


def strip_numbering(text: str) -> str:
    return _NUMBERING_RE.sub("", text, count=1).strip()


# --- structural headings --------------------------------------------------------------------

# Headings that are neither an area nor a finding: they end a list of findings.
_STRUCTURAL_RE = re.compile(
    r"^(?:"
    r"(?:our\s+|the\s+)?(?:main|key|summary\s+of|other|detailed|overall)\s+findings?"
    r"|findings|contents|table\s+of\s+contents|introduction|background|conclusions?|summary"
    r"|overall\s+summary|executive\s+summary|foreword|preface|methodology|glossary|references"
    r"|annex(?:e)?\b.*|appendix\b.*|about\s+(?:this|the|us)\b.*|next\s+steps|our\s+judgments?"
    r"|judgments?|graded\s+judgments?|data\s+in\s+this\s+report|important\s+changes\s+to\s+peel"
    r"|hm\s+inspector'?s\s+observations|hm\s+inspector'?s\s+foreword|reducing\s+crime\s+assessment"
    r"|hmi'?s\s+observations|hm\s+inspector'?s\s+summary|questions\s+for\s+\w+"
    r"|key\s+facts|force\s+in\s+numbers|what\s+we\s+found|how\s+we\s+inspected\b.*"
    r"|what\s+we\s+inspected|terms\s+of\s+reference|about\s+the\s+data|ratings?"
    # Someone's answer ("PCC response", "Chief Constable's comments", "Response to the
    # report"), not an area that holds the word ("Armed response capability").
    r"|(?:response|comments|reply)\b.*|.*\b(?:response|reply)\s+(?:to|from|by)\b.*"
    r"|.*\b(?:pcc|pfcc|opcc|commissioner|constable|force|our|my|management|formal|written"
    r"|statutory|official|organisational|s\.?\s?55)(?:'?s|s')?\s+(?:response|comments|reply)\b.*"
    r")\s*:?$",
    re.IGNORECASE,
)


def is_structural(text: str) -> bool:
    return bool(_STRUCTURAL_RE.match(plain_heading(text)) or _DIVISION_RE.match(text.strip()))


# A numbered division of a report ("Section 4. In the custody suite", "Chapter 2: …"), whose
# number plain_heading strips with the word before it.
_DIVISION_RE = re.compile(r"(?i)^(?:section|chapter)\s+\d{1,2}\b[.:]?\s+[A-Z]")


# Structural headings that open a part of the document outside any area (as opposed to "Main
# findings", which is a part of the area above it).
_DOCUMENT_PART_RE = re.compile(
    r"^(?:contents|table\s+of\s+contents|introduction|background|conclusions?|overall\s+summary"
    r"|executive\s+summary|summary|foreword|preface|methodology|glossary|references|annex(?:e)?\b.*"
    r"|appendix\b.*|about\b.*|next\s+steps|our\s+judgments?|graded\s+judgments?|judgments?"
    r"|data\s+in\s+this\s+report|important\s+changes\s+to\s+peel|hm\s+inspector'?s\s+\w+"
    r"|hmi'?s\s+observations|questions\s+for\s+\w+"
    r"|reducing\s+crime\s+assessment|key\s+facts|force\s+in\s+numbers|how\s+we\s+inspected\b.*"
    r"|terms\s+of\s+reference|about\s+the\s+data)\s*:?$",
    re.IGNORECASE,
)


def is_document_part(text: str) -> bool:
    return bool(_DOCUMENT_PART_RE.match(plain_heading(text)) or _DIVISION_RE.match(text.strip()))


def plain_heading(text: str) -> str:
    text = strip_numbering(text.strip().strip("*").strip())
    return text.translate(_APOSTROPHES).strip().rstrip(":").strip()


# Labelled fields in OPCC response templates ("Inspection Title:", "Date Published:").
_FIELDS = {
    "title": r"(?:inspection|report)\s+title|title\s+of\s+(?:the\s+)?(?:inspection|report)"
    r"|name\s+of\s+(?:the\s+)?(?:inspection|report)",
    "published": r"date\s+(?:of\s+)?publi(?:shed|cation)|publi(?:shed|cation)\s+date"
    r"|date\s+report\s+published|published(?:\s+on)?"
    # a tracker's or paper's own date
    r"|issue\s+date|date\s+(?:of\s+)?issue|date\s+issued",
    "type": r"type\s+of\s+(?:inspection|report)|inspection\s+type|report\s+type",
}
_FIELD_RE = re.compile(
    r"^(?P<name>" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _FIELDS.items()) + r")"
    r"\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)


def match_field(text: str) -> tuple[str, str] | None:
    """('title', value) for 'Inspection Title: X'; value may be empty (it is on the next
    line). Requires the colon, so a sentence starting 'Published' is not a field."""
    match = _FIELD_RE.match(text.strip().strip("*").strip())
    if not match:
        dated = DATE_LINE_RE.match(text.strip().strip("*").strip())
        return ("published", dated.group("value")) if dated else None
    key = next(key for key in _FIELDS if match.group(key))
    return key, match.group("value").strip().strip("*").strip()


# --- grades ---------------------------------------------------------------------------------

GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires improvement": "requires_improvement",
    "require improvement": "requires_improvement",
    "inadequate": "inadequate",
    "ungraded": "ungraded",
    "not graded": "ungraded",
    "no graded judgment": "ungraded",
    "not yet graded": "not_yet_graded",
    "to be graded": "not_yet_graded",
    "not yet inspected": "not_yet_graded",
    "not yet assessed": "not_yet_graded",
    "not inspected": "not_inspected",
}
_GRADE_ALT = "|".join(sorted((re.escape(word) for word in GRADE_WORDS), key=len, reverse=True))
_GRADE_LINE_RE = re.compile(
    rf"^(?:(?:overall\s+)?(?:grade|graded|judgment|rating)\s*[:\-–]?\s*)?['‘’\"]?(?P<grade>{_GRADE_ALT})['‘’\"]?\.?$",
    re.IGNORECASE,
)


def match_grade_line(text: str) -> str | None:
    """'Adequate', 'Grade: good', 'Requires improvement' as a line of its own."""
    match = _GRADE_LINE_RE.match(plain_heading(text))
    return GRADE_WORDS[match.group("grade").lower()] if match else None


def grade_of(text: str) -> str | None:
    return GRADE_WORDS.get(" ".join(text.lower().split()).strip(" .'‘’\"*"))


_FORCE_SUBJECT = (
    r"(?:the\s+(?:force|constabulary|service)"
    r"|(?:[A-Z][\w'&-]*\s+){1,5}(?:and\s+Rescue\s+Service|&\s+Rescue\s+Service)"
    r"|(?:[A-Z][\w'&-]*\s+){1,5}(?:Constabulary|Police\s+Service|Police(?!\s+and\s+Crime)))"
)
GRADE_SENTENCE_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<subject>{_FORCE_SUBJECT})\s+"
    r"(?:(?:is|was|remains|continues\s+to\s+be|has\s+been)"
    r"(?:\s+(?:judged|graded|assessed|rated)(?:\s+(?:to\s+be|as))?)?"
    r"\s+['‘’\"]?(?P<grade>outstanding|good|adequate|inadequate)['‘’\"]?"
    r"|(?P<ri>requires\s+improvement))"
    r"\s+(?P<rest>(?:at|in|overall|for)\b[^.]*)",
    re.IGNORECASE,
)

UNGRADED_RE = re.compile(
    r"\b(?:assessment|area|this)\s+is\s+ungraded\b|\b(?:don't|do\s+not)\s+make\s+a\s+graded\s+judgment"
    r"|\b(?:isn't|is\s+not|aren't|are\s+not)\s+graded\b",
    re.IGNORECASE,
)
NOT_YET_GRADED_RE = re.compile(
    r"\b(?:hasn't|has\s+not|haven't|have\s+not)\s+yet\s+been\s+(?:completed|inspected|graded)"
    r"|\bnot\s+yet\s+(?:been\s+)?(?:graded|inspected|assessed)\b",
    re.IGNORECASE,
)
NOT_INSPECTED_RE = re.compile(
    r"\b(?:did\s+not|didn't)\s+inspect\b|\b(?:was|were)\s+not\s+inspected\b", re.IGNORECASE
)
GRADE_CARRIED_FORWARD_RE = re.compile(
    r"\b(?:grade|judge?ment)s?\b[^.]*\bcarried\s+(?:forward|over)\b"
    r"|\bcarried\s+(?:forward|over)\b[^.]*\b(?:grade|judge?ment)s?\b",
    re.IGNORECASE,
)

# --- carried forward findings ---------------------------------------------------------------

REMAINS_RE = re.compile(
    r"\b(?:will\s+remain|remains?|to\s+remain|still\s+remains?)\s+(?:in\s+place|open|outstanding|extant)\b"
    r"|\b(?:is|are|has\s+been|have\s+been|will\s+be|being)\s+carried\s+(?:forward|over)\b"
    r"|\bcarry\s+(?:it|them|this|these|both)\s+forward\b|\bstill\s+(?:stands|applies|apply)\b",
    re.IGNORECASE,
)
FINDING_WORD_RE = re.compile(
    r"\b(?P<afi>AFIs?|areas?\s+for\s+improvement)\b|\b(?P<rec>recommendations?)\b"
    r"|\b(?P<coc>causes?\s+of\s+concern)\b",
    re.IGNORECASE,
)
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "all three": 3, "all four": 4}
COUNT_RE = re.compile(
    r"\b(?P<count>both|two|three|four)\s+(?:of\s+(?:these|the|our)\s+)?(?:previous\s+|earlier\s+)?"
    r"(?:AFIs|areas\s+for\s+improvement|recommendations|causes\s+of\s+concern)\b",
    re.IGNORECASE,
)


def remains_count(text: str) -> int:
    match = COUNT_RE.search(text)
    return _COUNTS[match.group("count").lower()] if match else 1


# --- force names ---------------------------------------------------------------------------

FORCE_NAME_RE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'-]*[ ]+(?:(?:and|of|&)[ ]+(?:the[ ]+)?)?){1,4}"
    r"(?:Constabulary|Police[ ]+Service|Police)"
    r"(?![ ]+(?:and|,)[ ]+Crime|[ ]+Federation|[ ]+National|[ ]+Scotland"
    r"|[ ]+Service[ ]+of[ ]+Northern|[ ]+and[ ]+Fire))\b"
)
_NOT_FORCES = re.compile(
    r"^(?:The|This|Our|All|Each|Every|Other|National|British\s+Transport|Chief|HM|Her|His|College"
    r"|Home|Independent)\b|Inspectorate",
)


def force_names(text: str) -> list[str]:
    """Force names mentioned, in order: 'Cumbria Constabulary', 'West Mercia Police'."""
    found = []
    for match in FORCE_NAME_RE.finditer(text):
        name = " ".join(match.group("name").split())
        name = re.sub(r"^(?:of|and|in|by|for|the|at)\s+", "", name)
        if _NOT_FORCES.search(name) or len(name.split()) < 2:
            continue
        found.append(name)
    return found


# PEEL eras live in their own module; kept importable from here.
from inspections.report_reader.eras import (  # noqa: E402, F401
    ERAS,
    Era,
    area_for_grade_phrase,
    canonical_area,
    framework_from_text,
    framework_from_year,
    is_known_area,
)
