"""A letter written to someone ("Dear Chief Constable,") as a PDF or Word document gives it:
its letterhead, the sender's and recipient's names and addresses, a reference and the date
above the salutation, its subject line just below it, and its signatory under the sign-off.

Without the "Letter information" block of the inspectorate's web pages (furniture.py), the
reader took the sender's name ("Michelle Skeer OBE QPM") or the letterhead ("OFFICE OF THE
POLICE AND CRIME COMMISSIONER FOR …") for the title, and an inspector's letter copied to the
commissioner ("… who will be required to publish a response") for the commissioner's response.

Evidence from the letter itself:
- a salutation near the top with a subject line just below it (a heading: short, no full
  stop) makes the short lines right above the salutation the letter's furniture, so the
  subject line is read as its title;
- the role under the sign-off ("His Majesty's Inspector of Constabulary") says who wrote it: an
  inspector's letter is the inspectorate's, whoever it is copied to.
"""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab

_SALUTATION_RE = re.compile(r"(?i)^\s*dear\s+\S.{0,60}$")
_SIGN_OFF_RE = re.compile(r"(?i)^\s*(?:yours\s+(?:sincerely|faithfully)|kind\s+regards),?\s*$")
_INSPECTOR_RE = re.compile(
    r"(?i)^(?:his|her)\s+majesty['’]?s\s+(?:chief\s+)?inspector\s+of\s+constabulary"
    r"|^hm\s+(?:chief\s+)?inspector\s+of\s+constabulary"
)


def _short(line: str) -> bool:
    text = line.strip()
    return len(vocab.words(text)) <= 12 and not text.endswith((".", "?", ";"))


def _subject_below(lines: list[str], salutation: int) -> int | None:
    """The subject line: the first text below the salutation, a heading rather than a
    sentence (it may wrap onto a second line)."""
    for index in range(salutation + 1, min(salutation + 4, len(lines))):
        text = lines[index].strip()
        if not text:
            continue
        return index if len(vocab.words(text)) <= 25 and not text.endswith(".") else None
    return None


def letter_head(out: list[str], removed: list[str], head: list[str]) -> bool:
    """Blank the short lines above a salutation that has a subject line below it (into
    `removed`, but not counted as page furniture: they are the letter's own, and a short
    letter is not a page of banners; and into `head`: who the letter is from and what it is,
    "Office of the Police and Crime Commissioner for …" / "PCC response to HMICFRS
    Inspection", still say what the document is); True if the signatory is an inspector of
    constabulary."""
    salutation = next((n for n, line in enumerate(out[:60]) if _SALUTATION_RE.match(line)), None)
    if salutation is not None and _subject_below(out, salutation) is not None:
        # Upwards from the salutation, up to a heading, a date line of a saved page
        # ("Published 28 March 2024") or a sentence: a page's own title above them stays.
        for index in range(salutation - 1, -1, -1):
            text = out[index].strip()
            if not text:
                continue
            if text.startswith("#") or vocab.match_field(text) or not _short(text):
                break
            removed.append(out[index])
            head.insert(0, out[index])
            out[index] = ""
    return _signed_by_inspector(out)


def _signed_by_inspector(out: list[str]) -> bool:
    """The signatory's role, on the lines right under the sign-off and their name, says an
    inspector wrote it; not a copy line below them ("cc" / "His Majesty's Chief Inspector of
    Constabulary" under a commissioner's signature is who the response was sent to)."""
    for index, line in enumerate(out):
        if not _SIGN_OFF_RE.match(line):
            continue
        below = [text.strip() for text in out[index + 1 : index + 8] if text.strip()]
        signature = []
        for text in below[:4]:
            if _COPY_RE.match(text):
                break
            signature.append(text)
        return any(_INSPECTOR_RE.match(text) for text in signature)
    return False


_COPY_RE = re.compile(r"(?i)^(?:cc|c\.c\.|copy(?:\s+to)?|copied\s+to|enc(?:losure)?s?)\b")


# "Date of this response: 1 October 2024", "Response date – 5 February 2024": the response's
# own date, which the 56-day rule is measured by; not the date of the report it answers.
_RESPONSE_DATE_RE = re.compile(
    r"(?i)^\s*(?:date\s+of\s+(?:this\s+|the\s+)?(?:pcc['’]?s?\s+|commissioner['’]?s\s+)?response"
    r"|(?:pcc\s+)?response\s+(?:date|dated|published(?:\s+on)?))\s*[:–—-]?\s*(?P<date>.{6,30})$"
)


def response_date(out: list[str]) -> str:
    """The date a response gives itself on a line of its own, or ""."""
    for line in out[:80]:
        match = _RESPONSE_DATE_RE.match(line)
        if match and vocab.parse_date(match.group("date")):
            return match.group("date").strip()
    return ""
