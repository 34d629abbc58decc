"""Paragraph numbers of the criminal justice inspectorates' joint reports (custody, HMI
Prisons' and HMI Probation's layouts): every paragraph opens with its section's number and its
own ("2.3 The force should …"), and the closing summary repeats each finding with the number
it had in the text ("7.4 The force should … (2.3)").

Left in, the number hid each paragraph's opening words: a second area for improvement ("2.4
The force should …") did not read as a new finding and ran on into the first, and the
summary's repeats did not match the findings they repeat, so each was proposed twice.

The evidence is the document's own: at least five paragraphs open with a "section.paragraph"
number. Then each such number, and a repeat's reference at the end of its paragraph, is set
aside (blanked to spaces, so the lines keep their length and their numbers).
"""

from __future__ import annotations

import re

_NUMBERED_RE = re.compile(r"^(\s*)(\d{1,2}\.\d{1,2})(\s+)(?=[A-Z(‘“'\"])")
_REFERENCE_RE = re.compile(r"\s\((\d{1,2}\.\d{1,2})\)\s*$")


def strip_paragraph_numbers(out: list[str]) -> None:
    """Blank the paragraph numbers (and repeat references) of `out` in place, when they are the
    document's layout (five or more paragraphs open with one)."""
    openings = [
        index
        for index, line in enumerate(out)
        if _NUMBERED_RE.match(line) and (index == 0 or not out[index - 1].strip())
    ]
    if len(openings) < 5:
        return
    for index in openings:
        out[index] = _NUMBERED_RE.sub(
            lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3), out[index]
        )
    for index, line in enumerate(out):
        match = _REFERENCE_RE.search(line)
        if match:
            out[index] = line[: match.start()] + line[match.end() :].rstrip()
