"""A table written with pipes between its cells and none at the ends ("Ref | Recommendation |
Due | Status" / "VMM 2 | By 30 April 2023, chief constables should … | April 2023 | Closed"),
as a web page's table copied as text or a tracker exported from a spreadsheet gives it. Only a
Markdown row (with its outer pipes) was read as a row, so a tracker so written gave no findings.

Rows only on evidence: two or more lines in a row with the same number of " | " separators (two
or more: three cells). Each becomes a tab-separated row, line for line (line numbers kept); a
lone line of pipes ("Home | About | Contact", a site's navigation) is left as it is."""

from __future__ import annotations

import re

_SEPARATOR_RE = re.compile(r"\s\|\s")


def pipe_rows(out: list[str]) -> None:
    counts = [len(_SEPARATOR_RE.findall(line)) if "|" in line else 0 for line in out]
    for index, count in enumerate(counts):
        if count < 2 or out[index].lstrip().startswith("|"):
            continue  # not a row, or a Markdown row, read as one already
        beside = [
            counts[other] == count
            for other in (index - 1, index + 1)
            if 0 <= other < len(out) and not out[other].lstrip().startswith("|")
        ]
        if any(beside):
            out[index] = "\t".join(cell.strip() for cell in _SEPARATOR_RE.split(out[index]))
