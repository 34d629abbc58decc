"""Text → blocks: headings, paragraphs, list items and table rows.

Reports reach us as Markdown converted from PDF (headings with #, bold lines), as plain text
(one paragraph per line, or hard-wrapped lines), or as the Markdown-like text the extractors
in extract.py write for PDF, Word and HTML files. Everything is reduced to the same blocks
here, so the structure pass in parse.py reads one shape."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspections.report_reader import directives, list_markers
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.line_shapes import (
    ends_open,
    ends_sentence,
    is_label_line,
    is_markdown,
    looks_like_plain_heading,
    starts_lower,
    wrap_width,
)

HEADING = "heading"
PARA = "para"
ITEM = "item"
ROW = "row"

BOLD_LEVEL = 7  # a line that is bold and nothing else: a heading below every other
PLAIN_LEVEL = 2  # a heading recognised in plain text by its shape


@dataclass
class Block:
    kind: str
    text: str = ""
    level: int = 0  # heading level; for an item, its depth (0 = top)
    style: str = ""  # heading: md | bold | plain; item: its marker
    number: str = ""  # item numbering ("1", "a") if numbered
    cells: list[str] = field(default_factory=list)
    line: int = 0  # first and last line of the text it was read from (1-based)
    end: int = 0
    boxed: bool = False  # read from a box: a Markdown blockquote ("> **Innovative practice**")

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        detail = f" {self.cells!r}" if self.kind == ROW else f" {self.text[:70]!r}"
        return f"<{self.kind}{self.level if self.kind != PARA else ''}{detail}>"


_MD_HEADING_RE = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_BOLD_LINE_RE = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*].*?)(?:\*\*|__)\s*[.:]?\s*$")
_RULE_RE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
# A report's numbered paragraph ("7.5 The force should …", "2.1. Forces should …").
_NUMBERED_PARAGRAPH_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+[A-Z‘“\"]")
_CONTENTS_LINE_RE = re.compile(r"(?:\.{3,}|…+|\s)\s*\d{1,3}\s*$")


def normalise(text: str) -> str:
    """Line endings, odd spaces, a symbol font's bullets (private-use glyphs: ""), inline
    HTML and Markdown links left by converters."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = re.sub(r"[\u200b\u200c\u200d\u00ad\u2060]", "", text)
    text = re.sub(r"(?m)^([ \t]*)[\uf0a7-\uf0fc\uf076][ \t]*", r"\1• ", text)
    text = re.sub(r"</?(?:b|strong)>", "**", text, flags=re.IGNORECASE)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</?(?:i|em|u|span|sup|sub|a|font)(?:\s[^>]*)?>", "", text, flags=re.IGNORECASE)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^)\n]*\))*\)", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>~])", r"\1", text)
    text = re.sub(r"\[bookmark:[^\]]*\]\s*", "", text)
    return text


def _strip_inline(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])", r"\1", text)
    return " ".join(text.split())


def to_blocks(text: str) -> list[Block]:
    text = normalise(text)
    markdown = is_markdown(text)
    raw_lines = text.split("\n")
    reader = _BlockReader(markdown, None if markdown else wrap_width(raw_lines))
    for number, raw in enumerate(raw_lines, start=1):
        reader.read(number, raw.rstrip())
    reader.flush()
    for block in reader.blocks:
        block.boxed = block.line in reader.quoted
    return _split_inline_bullets(_merge_broken_paragraphs(reader.blocks))


def _at(number: int) -> dict:
    return {"line": number, "end": number}


class _BlockReader:
    """Reads a text line by line into `blocks`: each kind of line (blank or rule, table row,
    Markdown heading, list item, bold line, text) has its own method. Text lines gather into a
    paragraph until one cannot continue it."""

    def __init__(self, markdown: bool, width: int | None) -> None:
        self.markdown = markdown
        self.width = width  # of hard-wrapped text, None if lines are whole paragraphs
        self.blocks: list[Block] = []
        self.para: list[str] = []  # lines of the paragraph being read
        self.para_lines = [0, 0]  # its first and last line number
        self.para_is_plain_line = True
        self.in_contents = False
        self.indents: list[int] = []  # indentation of the list levels seen in the current list
        self.blank_before = True
        self.quoted: set[int] = set()  # line numbers inside a blockquote

    def flush(self) -> None:
        if self.para:
            joined = _strip_inline(" ".join(self.para))
            if joined:
                if (
                    not self.markdown
                    and (self.para_is_plain_line or joined.endswith("?"))
                    and looks_like_plain_heading(joined)
                ):
                    self.blocks.append(
                        Block(HEADING, joined, PLAIN_LEVEL, "plain", **self._where())
                    )
                else:
                    self.blocks.append(Block(PARA, joined, **self._where()))
        self.para = []
        self.para_is_plain_line = True

    def _where(self) -> dict:
        return {"line": self.para_lines[0], "end": self.para_lines[1]}

    def read(self, number: int, line: str) -> None:
        """One line, its trailing spaces stripped."""
        if self.markdown and line.lstrip().startswith(">"):
            # A Markdown blockquote is a report's box (a practice, a case study): its lines
            # read as any others, a bare ">" as the blank line between its paragraphs.
            line = re.sub(r"^\s*(?:>\s?)+", "", line)
            self.quoted.add(number)
        stripped = line.strip()
        if not stripped or _RULE_RE.match(stripped):
            self._blank_or_rule(stripped)
            return
        # Table rows: tab-separated cells (the leading tab of an empty first cell counts) or
        # Markdown pipes.
        if stripped.startswith("|") and stripped.count("|") >= 2:
            cells = list_markers.pipe_cells(stripped)
            if cells is None:
                return  # the |---|---| line under a Markdown table's header
        else:
            cells = self._tab_cells(line, stripped)
        if cells is not None:
            self._row(number, cells)
            return
        if self.in_contents and self._skips_contents_line(line, stripped):
            return
        heading = _MD_HEADING_RE.match(line)
        if heading:
            self._md_heading(number, heading)
            return
        bullet = list_markers.bullet(line, stripped)
        if bullet:
            self._item(number, bullet)
            return
        bold = _BOLD_LINE_RE.match(line)
        if bold and self.markdown:
            self._bold_line(number, bold)
            return
        self._text(number, stripped)

    def _blank_or_rule(self, stripped: str) -> None:
        if _RULE_RE.match(stripped) and self.para and len(self.para) == 1 and not self.blank_before:
            # Setext heading: a line underlined with === or ---.
            level = 1 if stripped.startswith("=") else 2
            self.blocks.append(
                Block(HEADING, _strip_inline(self.para[0]), level, "md", **self._where())
            )
            self.para = []
            return
        self.flush()
        indents_reset = not stripped
        if indents_reset and self.blocks and self.blocks[-1].kind != ITEM:
            self.indents = []
        self.blank_before = True

    def _tab_cells(self, line: str, stripped: str) -> list[str] | None:
        in_rows = bool(self.blocks) and self.blocks[-1].kind == ROW
        if not ("\t" in stripped or (in_rows and "\t" in line)):
            return None
        parts = line.split("\t")
        filled = [part for part in parts if part.strip()]
        in_table = in_rows and not self.blank_before
        if len(filled) >= 2 or (in_table and filled):
            return [part.strip() for part in parts]
        return None

    def _row(self, number: int, cells: list[str]) -> None:
        self.flush()
        cells = [_strip_inline(cell) for cell in cells]
        filled = [cell for cell in cells if cell]
        # A contents entry (title, page number) is navigation, not content.
        if filled and not (len(filled) >= 2 and re.fullmatch(r"\d{1,3}", filled[-1])):
            self.blocks.append(Block(ROW, " ".join(filled), cells=cells, **_at(number)))
        self.blank_before = False

    def _skips_contents_line(self, line: str, stripped: str) -> bool:
        """Under a "Contents" heading: an entry ending in its page number is skipped; any
        other line but a heading ends the contents."""
        if _CONTENTS_LINE_RE.search(stripped) and len(stripped) < 150:
            return True
        if not _MD_HEADING_RE.match(line):
            self.in_contents = False
        return False

    def _md_heading(self, number: int, heading: re.Match) -> None:
        self.flush()
        heading_text = _strip_inline(heading.group("text"))
        if heading_text:
            self.blocks.append(
                Block(HEADING, heading_text, len(heading.group("hashes")), "md", **_at(number))
            )
            self.in_contents = vocab.plain_heading(heading_text).lower() in (
                "contents",
                "table of contents",
            )
        self.blank_before = False
        self.indents = []

    def _item(self, number: int, bullet: re.Match) -> None:
        self.flush()
        depth = self._list_depth(len(bullet.group("indent")))
        marker = bullet.group("marker")
        previous = self.blocks[-1] if self.blocks and self.blocks[-1].kind == ITEM else None
        if marker in list_markers.SUB_MARKERS or list_markers.is_sub_item(bullet, previous, depth):
            depth += 1
        self.blocks.append(
            Block(
                ITEM,
                _strip_inline(bullet.group("text")),
                depth,
                marker.strip(),
                list_markers.item_number(bullet),
                **_at(number),
            )
        )
        self.blank_before = False

    def _list_depth(self, indent: int) -> int:
        """The depth of an item indented this far, from the indents seen in the list."""
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
        if not self.indents or self.indents[-1] < indent:
            self.indents.append(indent)
        return len(self.indents) - 1

    def _bold_line(self, number: int, bold: re.Match) -> None:
        self.flush()
        bold_text = _strip_inline(bold.group("text"))
        if bold_text:
            self.blocks.append(Block(HEADING, bold_text, BOLD_LEVEL, "bold", **_at(number)))
        self.blank_before = False

    def _text(self, number: int, stripped: str) -> None:
        """Text. A wrapped line continues its paragraph or list item."""
        if self.para:
            if self._continues_paragraph(stripped):
                self.para.append(stripped)
                self.para_lines[1] = number
                self.para_is_plain_line = False
                self.blank_before = False
                return
            self.flush()
        elif self._continues_item(stripped):
            self.blocks[-1].text = f"{self.blocks[-1].text} {_strip_inline(stripped)}"
            self.blocks[-1].end = number
            return
        self.para.append(stripped)
        self.para_lines[:] = [number, number]
        self.blank_before = False

    def _continues_paragraph(self, stripped: str) -> bool:
        previous_line = self.para[-1]
        # A date line ("date 2024-05-03") is a field of its own, never a wrapped line.
        return not vocab.match_field(stripped) and (
            self.markdown
            or (
                not ends_sentence(previous_line)
                and (starts_lower(stripped) or self._wrapped_after(previous_line, stripped))
            )
        )

    def _wrapped_after(self, previous_line: str, stripped: str) -> bool:
        # Greedy wrapping: the line was broken only if the next word did not fit on it. A
        # short line then a short word ended on purpose.
        # A line ending on "and", "of", "the" … was wrapped, whatever its length.
        width = self.width is not None and len(previous_line) + len(stripped.split()[0]) + 1
        full = bool(width) and width > 0.9 * (self.width or 0)
        if _NUMBERED_PARAGRAPH_RE.match(stripped) and not ends_open(previous_line):
            return False  # "7.5 The force should …" opens a paragraph under a heading line
        return (ends_open(previous_line) or full) and not is_label_line(stripped)

    def _continues_item(self, stripped: str) -> bool:
        return bool(
            self.blocks
            and self.blocks[-1].kind == ITEM
            and not self.blank_before
            and (not ends_sentence(self.blocks[-1].text) or starts_lower(stripped))
            and not (
                not self.markdown
                and looks_like_plain_heading(stripped)
                and not starts_lower(stripped)
            )
        )


_INLINE_BULLET_RE = re.compile(r"(?:^|\s)•\s+")


def _split_inline_bullets(blocks: list[Block]) -> list[Block]:
    """A paragraph holding a list flattened onto one line ("… • The force should … • The
    force should …", as a register page prints a cause of concern's recommendations): its
    opening text, then one item per bullet. Text before the first bullet that is itself a
    directive is the first item."""
    out: list[Block] = []
    for block in blocks:
        pieces = _INLINE_BULLET_RE.split(block.text) if block.kind in (PARA, ITEM) else []
        if len([piece for piece in pieces if piece.strip()]) < 3:
            out.append(block)
            continue
        head, *items = (piece.strip() for piece in pieces)
        if head and (block.kind == ITEM or directives.has_directive_clause(head)):
            items.insert(0, head)
        elif head:
            out.append(Block(PARA, head, line=block.line, end=block.end, boxed=block.boxed))
        out.extend(
            Block(
                ITEM,
                item,
                level=block.level if block.kind == ITEM else 0,
                style="•",
                line=block.line,
                end=block.end,
                boxed=block.boxed,
            )
            for item in items
            if item
        )
    return out


def _merge_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """A paragraph cut by a page break ('… people no longer have to' / 'travel into town')
    is joined back: the first part does not end a sentence and the second starts in lower
    case."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and block.kind == PARA
            and previous.kind in (PARA, ITEM)
            and not ends_sentence(previous.text)
            and starts_lower(block.text)
        ):
            previous.text = f"{previous.text} {block.text}"
            previous.end = block.end
            continue
        merged.append(block)
    return merged
