"""Running headers and footers of a PDF, whatever their length.

A PDF's text (pdfminer) repeats the report's title or its chapter name at the top or foot of
every page, next to the page's number alone on a line. furniture.py blanks short repeated
lines, but a whole title ("An inspection of vetting, misconduct, and misogyny in the police
service") is longer than a name and has few capitals, so it stayed; between two halves of a
finding cut by the page break it ended the first half and took the second as its own, and
the repeat of the finding in the report's body no longer matched its summary.

The evidence used is the page itself: a line repeated, each time but at most one (the
cover's title) with a page number alone on the nearest line above or below it, a blank line
between, is the page's furniture there. A heading or label repeated by each section is not
next to page numbers.
"""

from __future__ import annotations

import re
from collections import defaultdict

from inspections.report_reader import vocabulary as vocab

# A running head this long is no row's status cell, even right against a number.
_LONG_HEAD_WORDS = 5
# A page number alone on its line ("12", "Page 12 of 40"); furniture.py reads it too.
PAGE_NUMBER_RE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


def _page_number_by(lines: list[str], index: int, step: int) -> bool:
    """A page number alone on the nearest line with text above (step -1) or below (step 1),
    within five lines (a form feed reads as two blank lines), with a blank line between: pdfminer
    gives the number its own box. A number right against a short line numbers a row ("1" /
    "Completed" / the finding) instead; right against a long one (a title), as text copied from
    a PDF viewer gives it with no blank lines at all, it is still the page's."""
    long = len(lines[index].split()) >= _LONG_HEAD_WORDS
    for gap, other in enumerate(range(index + step, index + 6 * step, step)):
        if not 0 <= other < len(lines):
            return False
        text = lines[other].strip()
        if text:
            return (gap > 0 or long) and bool(PAGE_NUMBER_RE.match(text))
    return False


def running_heads(lines: list[str], blank) -> None:
    """Blank each running header or footer of `lines` (page numbers are still in place)."""
    where: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        text = line.strip()
        if text and not PAGE_NUMBER_RE.match(text) and len(text) <= 160:
            where[_key(text)].append(index)
    for key, indexes in where.items():
        if len(indexes) < 2 or _structure(key):
            continue
        by_page = [
            i for i in indexes if _page_number_by(lines, i, -1) or _page_number_by(lines, i, 1)
        ]
        if len(by_page) >= max(2, len(indexes) - 1):
            for index in by_page:  # the cover's title stays: it is the document's title
                blank(index)
    for indexes in where.values():
        if len(indexes) == 1 and _interrupts(lines, indexes[0]):
            blank(indexes[0])


def _interrupts(lines: list[str], index: int) -> bool:
    """A header printed once (a two-page document), set apart between a page number above it
    and the rest of a paragraph below it, which starts in lower case: it cuts the paragraph."""
    text = lines[index].strip()
    below = next((line.strip() for line in lines[index + 1 : index + 4] if line.strip()), "")
    return (
        index + 1 < len(lines)
        and not lines[index + 1].strip()  # a box of its own, not a paragraph's first line
        and _page_number_by(lines, index, -1)
        and below[:1].islower()
        and not _structure(text.lower())
        and len(text.split()) <= 15
    )


def _structure(line: str) -> bool:
    # a label or grade line repeated by each section, or a sentence, is text however placed
    return bool(
        vocab.match_label(line) or vocab.match_grade_line(line) or line.endswith((".", "?", ":"))
    )


# A head and its page number on one line, set apart by a run of spaces or a tab, as a PDF
# viewer copies a page's header: "PEEL 2021/22 – Exampleshire Police      Page 8 of 48".
_HEAD_AND_NUMBER_RE = re.compile(
    r"^(?P<head>\S.{2,158}?)(?:\s{3,}|\t+)(?:page\s+)?(?P<number>\d{1,3})(?:\s+of\s+\d{1,3})?\s*$"
    r"|^(?:page\s+)?(?P<first>\d{1,3})(?:\s+of\s+\d{1,3})?(?:\s{3,}|\t+)(?P<tail>\S.{2,158})$",
    re.IGNORECASE,
)


def heads_with_numbers(lines: list[str], blank) -> None:
    """Blank a head printed with its page's number on the same line, when the same head comes
    with three or more different numbers."""
    seen: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, line in enumerate(lines):
        match = _HEAD_AND_NUMBER_RE.match(line.strip())
        if match:
            head = match.group("head") or match.group("tail")
            seen[_key(head)].append((index, match.group("number") or match.group("first")))
    for found in seen.values():
        if len({number for _, number in found}) >= 3:
            for index, _ in found:
                blank(index)
