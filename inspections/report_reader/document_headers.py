"""A document's own header block at its very top, which names it and dates it but is not its
text: an email's headers ("From:", "Sent:", "To:", "Subject: FW: …"), as an OPCC officer
forwards a report's recommendations, and the front matter a Markdown converter writes
("---" / "title: '…'" / "date: …" / "---"). The lines are blanked; the subject or title and
the date are kept for the document's title and publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass

_EMAIL_FIELD_RE = re.compile(
    r"(?i)^(?P<key>from|sent|date|to|cc|bcc|subject|attachments?|importance)\s*:\s*(?P<value>.*)$"
)
_FRONT_FIELD_RE = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*)$")
_FORWARDED_RE = re.compile(r"(?i)^(?:(?:fw|fwd|re)\s*:\s*)+")


@dataclass
class Header:
    title: str = ""
    date: str = ""


def document_header(lines: list[str], blank) -> Header:
    """The header at the top of `lines`, blanked through `blank(index)`; an empty Header when
    there is none."""
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Header()
    if lines[first].strip() == "---":
        return _front_matter(lines, first, blank)
    return _email_headers(lines, first, blank)


def _front_matter(lines: list[str], first: int, blank) -> Header:
    end = next(
        (n for n in range(first + 1, min(len(lines), first + 30)) if lines[n].strip() == "---"),
        None,
    )
    if end is None:
        return Header()
    fields = {}
    for line in lines[first + 1 : end]:
        match = _FRONT_FIELD_RE.match(line.strip())
        if match is None and line.strip():
            return Header()  # not key: value lines: a rule, not front matter
        if match:
            fields[match.group("key").lower()] = match.group("value").strip().strip("'\"")
    for index in range(first, end + 1):
        blank(index)
    return Header(title=fields.get("title", ""), date=fields.get("date", ""))


def _email_headers(lines: list[str], first: int, blank) -> Header:
    fields: dict[str, str] = {}
    index = first
    while index < len(lines) and (match := _EMAIL_FIELD_RE.match(lines[index].strip())):
        fields.setdefault(match.group("key").lower(), match.group("value").strip())
        index += 1
    # An email says who sent it, when and what about; a letter's "To:" alone is not one.
    if "subject" not in fields or not ({"from", "sent", "date"} & fields.keys()):
        return Header()
    for header_line in range(first, index):
        blank(header_line)
    return Header(
        title=_FORWARDED_RE.sub("", fields["subject"]).strip(),
        date=fields.get("sent") or fields.get("date", ""),
    )
