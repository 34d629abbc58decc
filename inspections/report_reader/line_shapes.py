"""What a line, or a whole text, looks like: whether a line ends a sentence, starts in lower
case, reads as a heading or a label, and whether a text is Markdown or hard-wrapped. blocks.py
reads lines into blocks with these."""

from __future__ import annotations

import re

from inspections.report_reader import directives
from inspections.report_reader import vocabulary as vocab

_TERMINAL = tuple('.!?;:"”’)]…')


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


# Words a sentence or a heading cannot end on: a line ending on one was wrapped, whatever the
# width of the text and however the next line starts ("… Protection Notices and / Orders.").
# In lower case only: "Annex A" ends a heading.
_OPEN_END_RE = re.compile(
    r"(?:^|\s)(?:and|or|nor|but|of|the|a|an|to|in|on|at|by|for|with|from|into|its|their"
    r"|his|her|our|this|that|these|those|which|who|whose|than|as|is|are|was|were|be|not)$"
)


def ends_open(text: str) -> bool:
    return bool(_OPEN_END_RE.search(text.rstrip()))


def starts_lower(text: str) -> bool:
    first = text.lstrip("\"'“‘(")[:1]
    return first.islower()


def is_markdown(text: str) -> bool:
    """Markdown when headings are marked with # (more than one, or one below the first line)
    or lines are bold. A first line alone starting with # (a title pasted from Markdown, a
    hashtag) does not make the rest Markdown."""
    headings = [m.start() for m in re.finditer(r"^\s{0,3}#{1,6}\s+\S", text, re.MULTILINE)]
    first_line = len(text) - len(text.lstrip())
    return bool(
        len(headings) >= 2
        or (headings and headings[0] > first_line)
        or re.search(r"^\s*\*\*[^*\n].*\*\*\s*$", text, re.MULTILINE)
    )


def wrap_width(lines: list[str]) -> int | None:
    """The width of hard-wrapped text (pdftotext output, e-mails), or None if lines are whole
    paragraphs."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) > 20)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    if width > 130:
        return None
    long_lines = [line.strip() for line in lines if len(line.strip()) >= 0.6 * width]
    open_ended = [line for line in long_lines if not ends_sentence(line)]
    return width if long_lines and len(open_ended) / len(long_lines) > 0.3 else None


def looks_like_plain_heading(text: str) -> bool:
    """A line of plain text that reads as a heading: a question, a short title, a field
    label ('Key Findings', 'Areas for improvement', 'How effective is the force at …?')."""
    text = text.strip()
    if not text or len(text) > 300 or starts_lower(text) or text.startswith(("“", '"', "'")):
        return False
    count = len(vocab.words(text))
    if text.endswith("?"):
        return 3 <= count <= 45
    if vocab.match_label(text) or vocab.match_grade_line(text) or vocab.match_field(text):
        return True
    if text.endswith(":"):
        return count <= 12 and not directives.is_directive(text)
    if text.endswith((".", ";", ",", "!", "”", '"', "’")) or count > 14:
        return False
    if vocab.is_structural(text) or vocab.is_known_area(text):
        return True
    return not directives.is_sentence_like(text)


def is_label_line(text: str) -> bool:
    """A line that is a heading whatever comes before it: a grade, a finding label, a
    structural heading ('Main findings')."""
    return bool(
        vocab.match_grade_line(text)
        or vocab.match_label(text)
        or (vocab.is_structural(text) and len(text) < 60)
        or vocab.match_field(text)
    )


def only_a_date(text: str) -> bool:
    """'2 October 2024', 'Monday 2 October 2024', 'April 2022': a date and nothing else."""
    rest = vocab.DAY_DATE_RE.sub("", text)
    rest = vocab.MONTH_DATE_RE.sub("", rest)
    rest = re.sub(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", "", rest)
    # a news dateline's time: "Thursday 12 August 2021, 4:15pm", "12 August 2021 16:15 BST"
    rest = re.sub(r"(?i)\b\d{1,2}[:.]\d\d\s*(?:am|pm)?(?:\s+(?:bst|gmt|utc))?\b", "", rest)
    return not rest.strip(" ,.")


def date_or_weather(text: str) -> bool:
    """A line that is only a date, a temperature, or both ("Monday 22 April 2024\n7.2 C")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(
        (vocab.parse_date(line) and only_a_date(line)) or WEATHER_RE.fullmatch(line)
        for line in lines
    )


WEATHER_RE = re.compile(r"-?\d{1,2}(?:\.\d)?\s*°?\s*[CF]")


_NOT_A_TITLE_RE = re.compile(
    r"(?i)correspondence|report\s+summary|summary|overview|news(?:\s+story)?|press\s+release"
    r"|policy\s+paper|guidance|corporate\s+report|independent\s+report|research\s+and\s+analysis"
    r"|transparency\s+data|conclusions?\s+and\s+recommendations|letter|meeting"
    # a council's committee site: its skip link and menu, and its label over a paper's name
    r"|skip\s+to\s+(?:main\s+)?content\b.*|agenda(?:\s+item)?(?:\s+\d{1,2}[a-z]?)?"
    r"|menu(?:\s+search)?|search(?:\s+menu)?"
    # a tracker site's type label above or below the report's name; a page's print link
    r"|(?:peel\s+)?force\s+inspection|printable\s+version|documents"
)

# A letter's address block above its subject line: the addressee ("Rt Hon … MP"), their
# office, the department, the street and the postcode; and the letterhead of the local
# policing body writing it ("OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR NORFOLK",
# "Warwickshire Police and Crime Commissioner"), which names the writer, not the document.
_ADDRESS_LINE_RE = re.compile(
    # the place before it is capitalised words ("Leicester, Leicestershire and Rutland"),
    # not a sentence ("Letter from HM Chief Inspector to Humberside …")
    r"(?i)(?:the\s+)?(?:office\s+of\s+the\s+)?(?-i:(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?){0,5})"
    r"police,?\s+(?:fire\s+)?(?:and\s+)?"
    r"crime\s+commissioner(?:\s+for\s+[\w ,'’-]{2,60})?"
    r"|(?:the\s+)?rt\.?\s+hon\.?\s.{2,60}|home\s+secretary|secretary\s+of\s+state\b.{0,60}"
    r"|home\s+office|\d{1,4}[a-z]?\s+[a-z][\w' ]{1,40}\s(?:street|road|square|lane|place|avenue"
    r"|row|way)|[a-z][\w ]{1,30}\s+[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}"
)


def not_a_title(text: str) -> bool:
    """A page's type or section label ("Correspondence", "Report Summary"): not its title."""
    return bool(_NOT_A_TITLE_RE.fullmatch(vocab.plain_heading(text)))


def address_line(text: str, below: list | None = None) -> bool:
    """A line of a letter's address block: not its title. With the block `below` it, also the
    first line of a letterhead set on two ("Leicester, Leicestershire and Rutland" / "Police
    and Crime Commissioner"): the place alone names no one."""
    if _ADDRESS_LINE_RE.fullmatch(text.strip()):
        return True
    joined = f"{text.strip()} {below[0].text.strip()}" if below else ""
    return (
        bool(below)
        and bool(_ADDRESS_LINE_RE.fullmatch(joined))
        and "commissioner" in joined.lower()
    )


def section_part(heading: str, below: list) -> bool:
    """A short heading that names a part of the text ("Chief Constable's response"), not the
    document; but not one ending in a colon with "an inspection of …" below it: a report's
    title broken at its colon on the cover ("Police response to domestic abuse:" / "an
    inspection of progress since 2014"), however ordinary its words."""
    subtitle = heading.rstrip().endswith(":") and below and re.match(_SUBTITLE_RE, below[0].text)
    return vocab.is_structural(heading) and len(vocab.words(heading)) <= 6 and not subtitle


_SUBTITLE_RE = r"(?i)^(?:an?\s+)?(?:joint\s+)?(?:inspection|review|assessment)\s+of\b"
