"""Furniture pass: the lines of a saved page, letter or register export that are not the
document's text. Each is blanked (never removed), so line numbers still point into the text
the person imported.

What goes:
- web page chrome: "Skip to content", "Print this document", cookie and beta banners, quick
  exit links, "Last updated 03/11/2016", "Read more about …", "Contact <name>", icon-sprite
  dumps (long runs of glued words);
- letter furniture: the "Letter information / From / To / Cc / Sent on" block (its date kept
  as the letter's date), salutations, sign-offs and the signature under them, postal
  addresses (the short lines above a postcode);
- register exports: the status history ("[on]9th February 2017 [status]awaiting-review…")
  and everything after it, which is the inspectorate's log and commentary;
- lines repeated three times or more (a force's name after each AFI, running headers), page
  numbers on their own; tracker lines ("Completed", "Status: open", "RAG: Green") are kept
  but noted: a finding ends there (parse.py);
- flattened tables "Number | Recommendation": a number alone on a line followed by text
  becomes a numbered item.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.document_headers import document_header
from inspections.report_reader.letters import letter_head, response_date
from inspections.report_reader.paragraph_numbers import strip_paragraph_numbers
from inspections.report_reader.pipe_rows import pipe_rows
from inspections.report_reader.running_heads import (
    PAGE_NUMBER_RE,
    heads_with_numbers,
    running_heads,
)
from inspections.report_reader.status_history import field_rows, status_rows

_CHROME_RE = re.compile(
    r"^(?:(?:accessibility\s+settings\s+)?skip\s+to\s+(?:main\s+)?(?:content|navigation)"
    r"|print\s+this\s+(?:document|page)|(?:404\s+)?page\s+not\s+found|councillors\s+and\s+committees"
    r"|quickly\s+exit\s+this\s+site\b.*|quick\s+exit|leave\s+this\s+site|exit\s+this\s+site"
    r"|current\s+timestamp:.*|search\s+this\s+website|main\s+navig\w*|show\s+me\s+the\s+site"
    r"|go\s+to\s+.{2,60}\s+homepage|back\s+to\s+top|share\s+this\s+page|menu|close|search"
    r"|(?:we|this\s+site)\s+uses?\s+cookies\b.*|accept\s+(?:all\s+|additional\s+)?cookies"
    r"|reject\s+(?:all\s+|additional\s+)?cookies|cookie\s+(?:settings|policy|preferences)"
    r"|this\s+site\s+is\s+a\s+beta\b.*|last\s+updated:?\s+.{6,30}|updated\s+on:?\s+.{6,30}"
    r"|read\s+more\s+about\s+.{2,60}|download\s+the\s+(?:full\s+)?report|contents"
    r"|view\s+the\s+\w+\s+questions\s+for\s+\w+|back|next|previous|home"
    r"|agendas?,\s+meetings\s+and\s+minutes.*|agenda\s+item|minutes:?"
    r"|yours\s+(?:sincerely|faithfully),?|dear\s+[^.]{2,60},?|kind\s+regards,?|information|welcome"
    r"|(?:hmic|hmicfrs)\s+is\s+consulting\b.*|please\s+give\s+us\s+your\s+views\b.*"
    # the inspectorate's site-wide consultation banner, above every page of its site
    r"|proposed\s+.{0,80}\binspection\s+programme\s+and\s+framework\b.{0,30}:\s*for\s+consultation"
    r"|we\s+would\s+like\s+your\s+views\s+on\s+whether\s+this\s+programme\b.*"
    # the Open Government Licence notice at the top of a publication, and its address
    r"|all\s+content\s+is\s+available\s+under\s+the\s+open\s+government\s+licence\b.*"
    r"|to\s+view\s+this\s+licence,?\s+visit:?.*|or\s+write\s+to:?|information\s+policy\s+team,?"
    r"|the\s+national\s+archives,?|kew,?|or\s+email:?\s+psi@nationalarchives\.gov\.uk\.?"
    r"|this\s+publication\s+is\s+available\s+at:?|https?://\S+"
    # a document-sharing mirror's panel around the text
    r"|upload:?\s*\S*|post(?:ed)?\s+on\s+\d{1,2}-[a-z]{3}-\d{4}|\d+\s+(?:views?|downloads?)"
    r"|category:?|transcript)$",
    re.IGNORECASE,
)
_TRACKER_RE = re.compile(
    r"^(?:status|completed?|closed|open|superseded|in\s+progress|ongoing|not\s+started"
    r"|(?:rag|rag\s+status|status|progress)\s*[:\-–]\s*.{1,30})$",
    re.IGNORECASE,
)
_SIGN_OFF_RE = re.compile(r"(?i)^(?:yours\s+(?:sincerely|faithfully)|kind\s+regards),?$")
_CONTACT_RE = re.compile(r"^contact\s+(?:[A-Z][\w'’.-]+\s*){1,4}$")
_POSTCODE_RE = re.compile(r"^(?:.{0,60},\s*)?[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$")
_STATUS_LOG_RE = re.compile(r"\[(?:on|status|comment)\]|\[/(?:on|status|comment)\]")
_LETTER_FIELDS = ("from", "to", "cc", "sent on", "date", "letter information")


@dataclass
class Furniture:
    """What the pass found besides the text: the letter's own date (the "Sent on" field),
    the status history of a register entry, and a count of lines blanked."""

    letter_date: str = ""
    is_letter: bool = False  # an inspectorate letter ("Letter information"): published as sent
    status_log: list[str] = field(default_factory=list)
    blanked: int = 0
    removed: list[str] = field(default_factory=list)  # the lines blanked, as they were
    # A letter's own head above its salutation (letters.py): blanked, but it says who wrote it.
    letter_head: list[str] = field(default_factory=list)
    # Tracker lines kept as boundaries ("Status: complete", "Completed"): a finding ends there.
    status_lines: set[int] = field(default_factory=set)
    # An email's subject and sent date, or a converter's front matter (document_headers.py).
    header_title: str = ""
    header_date: str = ""


def _is_sprite_dump(line: str) -> bool:
    """An icon-sprite or navigation dump: a long line of words glued together."""
    if "[Missing text" in line:
        return True
    if len(line) < 150:
        return False
    return line.count(" ") / len(line) < 0.06


def strip_furniture(text: str) -> tuple[str, Furniture]:
    """The text with furniture lines blanked, and what was learnt from them."""
    lines = text.split("\n")
    found = Furniture()
    out = list(lines)

    def blank(index: int) -> None:
        if out[index].strip():
            found.blanked += 1
            found.removed.append(out[index])
        out[index] = ""

    # Register exports: the status history starts at the first [on] marker; the entry's
    # text is what comes before it.
    for index, line in enumerate(lines):
        match = _STATUS_LOG_RE.search(line)
        if match:
            head = line[: match.start()]
            found.status_log = [part for part in lines[index:] if part.strip()]
            out[index] = head
            for rest in range(index + 1, len(lines)):
                blank(rest)
            break

    header = document_header(out, blank)
    found.header_title, found.header_date = header.title, header.date
    _letter_block(out, found, blank)
    _correspondence_date(out, found, blank)
    found.is_letter = letter_head(out, found.removed, found.letter_head) or found.is_letter
    found.letter_date = found.letter_date or response_date(out)
    running_heads(out, blank)
    heads_with_numbers(out, blank)
    pipe_rows(out)
    strip_paragraph_numbers(out)
    status_rows(out, found.status_log, blank)
    field_rows(out, found.status_lines)

    counts = Counter(
        " ".join(line.split()).lower()
        for line in out
        if line.strip() and len(line.strip()) <= 80 and not line.lstrip().startswith("#")
    )
    last_row = 0  # the number of the last row numbered by a number alone on a line
    for index, raw in enumerate(out):
        line = " ".join(raw.split()).strip("*_ ")
        if not line:
            continue
        if _TRACKER_RE.match(line):
            found.status_lines.add(index + 1)
            continue
        if _POSTCODE_RE.match(line):
            _address_above(out, index, blank)
        _furniture_below(out, index, line, blank)
        if (
            _CHROME_RE.match(line)
            or _CONTACT_RE.match(line)
            or _POSTCODE_RE.match(line)
            or _is_sprite_dump(line)
        ):
            blank(index)
            continue
        if (
            counts[line.lower()] >= 3
            and len(vocab.words(line)) <= 8
            and not _meaningful(line)
            and not _findings_header(raw)
        ):
            blank(index)
            continue
        if PAGE_NUMBER_RE.match(line):
            following = _next_text(out, index)
            if (
                following is not None
                and line.isdigit()
                and _numbered_row(out, index, following, int(line), last_row)
            ):
                out[following] = f"{line}. {out[following].strip()}"
                last_row = int(line)
            blank(index)
    _table_headers(out, blank)
    _register_comments(out, found, blank)
    return "\n".join(out), found


_REGISTER_OPENING_RE = re.compile(r"(?i)^(?:cause\s+of\s+concern|recommendations?)\s*:?$")
_REGISTER_COMMENT_RE = re.compile(
    r"(?i)^(?:the\s+force\s+has\s+(?:responded|made|taken|provided|completed)\b.{0,120}"
    r"\bthis\s+(?:recommendation|cause\s+of\s+concern)\b|this\s+(?:recommendation|cause\s+of"
    r"\s+concern)\s+(?:is|has\s+been|was|remains)\s+(?:now\s+)?(?:complete|completed|closed"
    r"|superseded|being\s+progressed|awaiting\s+review|discharged)\b)"
)


def _register_comments(out: list[str], found: Furniture, blank) -> None:
    """A register page that opens with its label ("Cause of concern") and ends with the
    inspectorate's status comments ("The force has responded positively to this
    recommendation …", "This recommendation is complete"): the comments are its status
    history, not the finding's text."""
    filled = [index for index, line in enumerate(out) if line.strip()]
    if found.status_log or not filled or not _REGISTER_OPENING_RE.match(out[filled[0]].strip()):
        return
    for index in filled[1:]:
        if _REGISTER_COMMENT_RE.match(out[index].strip()):
            found.status_log = [line for line in out[index:] if line.strip()]
            for rest in range(index, len(out)):
                blank(rest)
            return


def _address_line(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(vocab.words(text)) <= 8 and not text.endswith((".", ":", "?"))


def _address_above(out: list[str], index: int, blank) -> None:
    """A postal address: the short lines (name, street, town) right above its postcode."""
    above = index - 1
    while above >= 0 and index - above <= 6 and _address_line(out[above]):
        blank(above)
        above -= 1


def _furniture_below(out: list[str], index: int, line: str, blank) -> None:
    """What a line brings below it that is furniture too: a letter's sign-off its name and
    role, a table of contents its entries."""
    if _SIGN_OFF_RE.match(line):
        _signature_below(out, index, blank)
    if _CONTENTS_RE.match(line):
        _contents_below(out, index, blank)


def _signature_below(out: list[str], index: int, blank) -> None:
    """'Yours sincerely' and the name and role lines under it."""
    below = index + 1
    while below < len(out) and below - index <= 5:
        if not out[below].strip():
            below += 1
            continue
        if not _address_line(out[below]):
            break
        blank(below)
        below += 1


_CONTENTS_RE = re.compile(r"(?i)^(?:table\s+of\s+)?contents:?$")


def _contents_below(out: list[str], index: int, blank) -> None:
    """The entries of a table of contents ("1. Introduction", "Areas for improvement 4"):
    left in, they ran on from the finding above or opened a list of their own. The entries
    are the lines straight below the heading (blank lines only before the first), each short
    and not a sentence; the first blank line after them ends the table."""
    below, entries = index + 1, 0
    while below < len(out):
        line = " ".join(out[below].split()).strip("*_ ")
        if not line:
            if entries:
                return
        elif len(vocab.words(line)) <= 10 and not line.endswith((".", ":", "?")):
            blank(below)
            entries += 1
        else:
            return
        below += 1


def _findings_header(raw: str) -> bool:
    """The header row each table of a tracker repeats ('Ref | Recommendation | Due | Status'):
    structure however often it comes, since it says what each row of its table is."""
    return "\t" in raw and any(vocab.match_label(cell.strip()) for cell in raw.split("\t"))


def _meaningful(line: str) -> bool:
    """A short repeated line that is structure, not furniture: a label, a grade, a heading
    every section repeats ('Areas for improvement', 'Good', 'Recommendations'), an area the
    eras know, a sentence. Furniture is a name or a running header: capitalised words."""
    return bool(
        vocab.match_label(line)
        or vocab.match_grade_line(line)
        or vocab.is_structural(line)
        or vocab.match_field(line)
        or vocab.is_known_area(line)
        or line.endswith(("?", ".", ":"))
        or len(re.findall(r"\b(?:[A-Z][\w'’&-]+|[A-Z]{2,})\b", line)) < 2
    )


def _next_text(lines: list[str], index: int) -> int | None:
    for following in range(index + 1, min(index + 4, len(lines))):
        if lines[following].strip():
            return following
    return None


def _numbered_row(lines: list[str], index: int, following: int, number: int, last_row: int) -> bool:
    """A number alone on a line (`number`, as read once the line's bullet or markup is set
    aside: the raw line may be "* 3") that numbers the row after it: a sentence follows, and
    the number carries on a numbering: one more than the last row's (`last_row`), or the
    first, 1, followed by 2, or any under a "No." / "Number" column header. Otherwise it is a
    page number: a page's number alone on a line is followed by a sentence too, and pages
    12, 13, 14 follow each other as rows do, but they do not start at 1 (the cover has none);
    read as rows, they cut a list of findings in two or join two findings into one."""
    text = lines[following].strip()
    if not text[:1].isupper() or text.endswith("?") or len(vocab.words(text)) < 6:
        return False
    if any(re.match(r"(?i)^(?:no\.?|number|ref)$", line.strip()) for line in lines[:index]):
        return True
    if last_row and number == last_row + 1:
        return True
    if number != 1:
        return False
    for later in range(following + 1, len(lines)):
        candidate = lines[later].strip()
        if PAGE_NUMBER_RE.match(candidate) and candidate.isdigit():
            return int(candidate) == 2
    return False


def _table_headers(out: list[str], blank) -> None:
    """'Number' / 'Recommendation' header cells of a flattened table: the number column
    header goes; the label stays (it opens the list)."""
    for index, raw in enumerate(out):
        if not re.match(r"(?i)^\s*(?:no\.?|number|ref(?:erence)?)\s*$", raw):
            continue
        following = _next_text(out, index)
        if following is not None and vocab.match_label(out[following].strip()):
            blank(index)


def _correspondence_date(out: list[str], found: Furniture, blank) -> None:
    """A letter written to someone ('Dear Home Secretary,'): a date on its own line above
    the salutation is the letter's date, not the date of the report it is about."""
    salutation = next(
        (n for n, line in enumerate(out[:40]) if re.match(r"(?i)^\s*dear\s+\S", line)), None
    )
    if salutation is None:
        return
    for index in range(max(0, salutation - 12), salutation):
        text = out[index].strip()
        if text and len(text) <= 30 and vocab.parse_date(text) and not re.search(r"[|©]", text):
            found.letter_date = found.letter_date or text
            blank(index)


def _letter_block(out: list[str], found: Furniture, blank) -> None:
    """HMICFRS letters open with 'Letter information', then From / To / Cc / Sent on, each
    label on its own line with its value below: names and addresses, not text."""
    start = None
    for index, raw in enumerate(out[:40]):
        if raw.strip().lstrip("#").strip().lower() == "letter information":  # a saved page's h2
            start = index
            break
    if start is None:
        return
    found.is_letter = True
    blank(start)
    index = start + 1
    label = ""
    while index < len(out):
        text = out[index].strip()
        lowered = text.lower().rstrip(":")
        if not text:
            index += 1
            continue
        if lowered in _LETTER_FIELDS:
            label = lowered
            blank(index)
            index += 1
            continue
        if label == "sent on" or label == "date":
            if vocab.parse_date(text) and len(text) <= 30:
                found.letter_date = found.letter_date or text
                blank(index)
                index += 1
                label = ""
                continue
            break
        if label and len(text) <= 80 and not text.endswith("."):
            blank(index)  # a name, a role, an address line
            index += 1
            continue
        break
