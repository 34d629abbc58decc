"""The document's title: its first heading or first line (past a page's type label, a date
banner, a letter's address block, a committee's or the author's name), completed by a
subtitle ("An inspection of …") or a pillar's name just below it; or the name its own header
gives it (an email's subject, a converter's front matter). Mixed into the parser beside
MetadataPass."""

from __future__ import annotations

import re

from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, PARA, ROW
from inspections.report_reader.forces import forces_named
from inspections.report_reader.line_shapes import (
    address_line,
    date_or_weather,
    not_a_title,
    section_part,
)

CREDIT_LINE_RE = re.compile(
    r"(?i)(?:source|publisher|published\s+by|via|credit|from)\s*[·:|•]\s*\S.{0,60}"
)


class TitlePass:
    """The document's title: mixed into the parser."""

    def _md_heading_near(self, index: int) -> bool:
        """A Markdown heading of the top two levels just below: the document's title, the
        plain lines above it a committee's or a site's name ("JOINT INDEPENDENT AUDIT
        COMMITTEE" / "10 December 2024" / "Agenda item 9" / "# PEEL 2023–25 Improvement
        Plan")."""
        return any(
            block.kind == HEADING and block.style == "md" and block.level <= 2
            for block in self.blocks[index + 1 : index + 8]
        )

    def _read_title(self) -> None:
        """The first heading names the document ('PEEL 2021/22'); 'An inspection of X' or a
        pillar name just below it completes the title. A first heading that is only the
        force's or the inspectorate's name is skipped; one that is an area, a label or a
        grade is not a title at all."""
        if self.furniture.header_title:
            # An email's subject, a converter's front matter: the document names itself.
            self.segments[0].title = self.furniture.header_title
            return
        first = None
        skip = 0
        # A page's type or section label above its title ("Correspondence" on GOV.UK,
        # "Report Summary" on the SPA's site) does not name the document.
        # So does a bare date or a news site's date-and-weather banner ("Monday 22 April
        # 2024" / "7.2 C") above the headline.
        # So is a letter's address block above its subject line.
        while skip < min(8, len(self.blocks)) and (
            not_a_title(self.blocks[skip].text)
            or CREDIT_LINE_RE.fullmatch(self.blocks[skip].text.strip())
            or date_or_weather(self.blocks[skip].text)
            or address_line(self.blocks[skip].text, self.blocks[skip + 1 : skip + 2])
            or _only_a_name(self.blocks[skip].text)
        ):
            self.title_blocks.add(skip)
            skip += 1
        opening = self.blocks[skip] if skip < len(self.blocks) else None
        if (
            opening is not None
            and opening.kind == PARA
            and not opening.text.rstrip().endswith(tuple(".!?;:,"))
            and 2 <= len(vocab.words(opening.text)) <= 30
            and not (vocab.parse_date(opening.text) and len(vocab.words(opening.text)) <= 6)
            and not self._md_heading_near(skip)
        ):
            # A first line that no layout marks as a heading (a register entry's title, a
            # saved page's first line) still names the document.
            first = skip
        for index, block in enumerate(self.blocks[: max(6, skip + 2)] if first is None else []):
            if (
                index < skip
                or block.kind != HEADING
                or vocab.match_field(block.text)
                or not_a_title(block.text)
            ):
                continue
            text = block.text.strip()
            if first is None and (
                vocab.force_names(text) == [text]
                or CREDIT_LINE_RE.fullmatch(text)
                or re.fullmatch(
                    r"(?i)hmicfrs|hmic|hm\s+inspectorate\b.*|his\s+majesty.*|her\s+majesty.*", text
                )
            ):
                self.title_blocks.add(index)
                continue
            first = index
            break
        if first is None:
            return
        block = self.blocks[first]
        if (
            # "Chief Constable's response" is a part; "… the police response to domestic
            # abuse (2321)" is a title.
            section_part(block.text, self.blocks[first + 1 : first + 2])
            or vocab.match_label(block.text)
            or vocab.match_grade_line(block.text)
            or vocab.is_known_area(block.text)
            or block.text.strip().endswith("?")
            or (
                first + 1 < len(self.blocks)
                and vocab.match_grade_line(self.blocks[first + 1].text)
                and len(vocab.words(self.blocks[first + 1].text)) <= 4
                and not re.search(r"\bPEEL\b", block.text)
            )
        ):
            self.title_blocks.clear()
            return
        title = block.text.strip().rstrip(":")
        self.title_blocks.add(first)
        for index in range(first + 1, min(first + 5, len(self.blocks))):
            block = self.blocks[index]
            text = block.text.strip()
            if block.kind == ROW or vocab.match_field(text) or vocab.match_label(text):
                break
            if re.match(
                r"(?i)^(?:an?\s+)?(?:joint\s+)?(?:inspection|review|assessment)\s+of\b", text
            ) and not (len(vocab.words(text)) > 20 or re.search(r"[.!?]\s*$", text)):
                # a subtitle, not the first sentence of the text ("An inspection of … has
                # called for …")
                title = f"{title}: {text}"
                self.title_blocks.add(index)
                break
            if re.fullmatch(r"(?i)police effectiveness,? efficiency,? (?:and )?legitimacy", text):
                self.title_blocks.add(index)
                continue
            if (
                block.kind == HEADING
                and len(vocab.words(text)) <= 3
                and vocab.canonical_area(vocab.framework_from_text(title), text)
            ):
                title = f"{title}: {text}"
                self.title_blocks.add(index)
                continue
            break
        self.segments[0].title = title


def _only_a_name(text: str) -> bool:
    """A first line that is only a force's or the inspectorate's name, in any case
    ("NORTHUMBRIA POLICE" over a board paper, "HM Inspectorate of Constabulary and Fire &
    Rescue Services" over a saved page): it names who wrote it, not the document."""
    text = text.strip()
    if len(vocab.words(text)) > 10:
        return False
    # The whole line is the name ("Norfolk Constabulary: PEEL 2021/22" is a title).
    named = {vocab.plain(name) for name in forces_named(text.title())}
    return vocab.plain(text) in named or bool(
        re.fullmatch(
            r"(?i)(?:his|her)?\s*(?:majesty['’]s\s+)?hm\s+inspectorate\s+of\s+constabulary"
            r"(?:\s+and\s+fire\s+(?:&|and)\s+rescue\s+services)?|hmicfrs|hmic",
            text,
        )
    )
