"""Dates as reports write them: "3 May 2024", "May 2024", "2024-05-03", "03/05/2024"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
DAY_DATE_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTHS})\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
MONTH_DATE_RE = re.compile(rf"\b(?P<month>{MONTHS})\.?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
SLASH_DATE_RE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")


def parse_date(text: str) -> tuple[date, str] | None:
    """The first date in `text` with its precision ('day' or 'month')."""
    for pattern, precision in (
        (DAY_DATE_RE, "day"),
        (ISO_DATE_RE, "day"),
        (SLASH_DATE_RE, "day"),
        (MONTH_DATE_RE, "month"),
    ):
        match = pattern.search(text)
        if not match:
            continue
        month = match.group("month")
        month_number = int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower()]
        day = int(match.group("day")) if precision == "day" else 1
        try:
            return date(int(match.group("year")), month_number, day), precision
        except ValueError:
            continue
    return None


# A saved page's date line without a colon: "date 2024-05-03", "Published 3 May 2024".
DATE_LINE_RE = re.compile(
    r"^(?:date|published(?:\s+on)?|publication\s+date|date\s+published)\s*[·|–-]?\s*"
    r"(?P<value>(?:19|20)\d\d-\d\d-\d\d|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+(?:19|20)\d\d)"
    # a scraped page's date field may carry the time: "date 2021-08-12T10:15:00Z"
    r"(?:[T\s]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$",
    re.IGNORECASE,
)
# A scraped page's date field run into its first sentence: " date 2021-08-12 A report has
# found …" (only the document's first line is read this way).
RUN_IN_DATE_RE = re.compile(r"(?i)^date\s+(?P<value>(?:19|20)\d\d-\d\d-\d\d)\s+(?=\S)")
