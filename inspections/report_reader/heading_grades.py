"""A section heading that carries its grade on its own line: "Investigating crime – Requires
improvement", "Treatment of the public: Good", or, in text taken from a PDF whose section
banner sets the grade at the right, "Treatment of the public    Good". Read as a pair of area
and grade, it graded the area but opened no section, so the findings under it had no area (or
an area named "Treatment of the public - Good"). The block is split in two at its line, the
area's heading then its grade alone, as the inspectorate's pages set them.

Only a pair standing alone: the blocks either side are not pairs too (a list of grades in
minutes or a table is left to the grade readers), and the area is short as a name is, not a
sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from inspections.report_reader import directives
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, PARA, PLAIN_LEVEL, Block

_PAIR_RE = re.compile(
    r"^(?P<area>[A-Z][^.:;!?\t]{2,120}?)\s*(?:\s[-–—|]\s|:\s|\s{3,})\s*['‘]?(?P<grade>outstanding"
    r"|good|adequate|requires\s+improvement|inadequate)['’]?$",
    re.IGNORECASE,
)
_MOST_WORDS = 14


def _pair(block: Block) -> re.Match | None:
    if block.kind not in (HEADING, PARA) or block.end > block.line or block.style == "md":
        return None
    match = _PAIR_RE.match(block.text.strip())
    if not match:
        return None
    area = match.group("area")
    if len(vocab.words(area)) > _MOST_WORDS or directives.is_sentence_like(area):
        return None
    if vocab.match_label(area) or vocab.match_field(area):
        return None
    return match


def heading_grades(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for index, block in enumerate(blocks):
        match = _pair(block)
        neighbours = blocks[max(0, index - 1) : index] + blocks[index + 1 : index + 2]
        if match is None or any(_pair(other) for other in neighbours):
            out.append(block)
            continue
        heading = replace(block, kind=HEADING, style="plain", level=PLAIN_LEVEL)
        heading.text = " ".join(match.group("area").split())
        grade = replace(heading, text=" ".join(match.group("grade").split()).capitalize())
        out.extend([heading, grade])
    return out
