"""Text → blocks: headings, paragraphs, list items and table rows.

Reports reach us as Markdown converted from PDF (headings with #, bold lines), as plain text
(one paragraph per line, or hard-wrapped lines), or as the Markdown-like text the extractors
in extract.py write for PDF, Word and HTML files. Everything is reduced to the same blocks
here, so the structure pass in parse.py reads one shape."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from inspections.report_reader import vocabulary as vocab

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

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        detail = f" {self.cells!r}" if self.kind == ROW else f" {self.text[:70]!r}"
        return f"<{self.kind}{self.level if self.kind != PARA else ''}{detail}>"


_TERMINAL = tuple('.!?;:"”’)]…')
_BULLET_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-–•·*▪◦●■□➢►✓§o]|\(?(?P<num>\d{1,2})[.)]"
    r"|\(?(?P<alpha>[a-z])[.)]|\((?P<paren>[ivx]{1,4}|[a-z]|\d{1,2})\)|(?P<roman>[ivx]{1,4})[.)])\s+(?P<text>\S.*)$"
)
_MD_HEADING_RE = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_BOLD_LINE_RE = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*].*?)(?:\*\*|__)\s*[.:]?\s*$")
_RULE_RE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_CONTENTS_LINE_RE = re.compile(r"(?:\.{3,}|…+|\s)\s*\d{1,3}\s*$")
_SUB_MARKERS = ("o", "◦", "▪", "■", "□", "§")


def normalise(text: str) -> str:
    """Line endings, odd spaces, inline HTML and Markdown links left by converters."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = re.sub(r"[\u200b\u200c\u200d\u00ad\u2060]", "", text)
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


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _starts_lower(text: str) -> bool:
    first = text.lstrip("\"'“‘(")[:1]
    return first.islower()


def is_markdown(text: str) -> bool:
    """Markdown when headings are marked with # (more than one, or one below the first line)
    or lines are bold. A first line alone starting with # (a title pasted from Markdown, a
    hashtag) does not make the rest Markdown."""
    headings = [m.start() for m in re.finditer(r"^\s{0,3}#{1,6}\s+\S", text, re.MULTILINE)]
    first_line = len(text) - len(text.lstrip())
    return bool(
        len(headings) >= 2
        or (headings and headings[0] > first_line)
        or re.search(r"^\s*\*\*[^*\n].*\*\*\s*$", text, re.MULTILINE)
    )


def _wrap_width(lines: list[str]) -> int | None:
    """The width of hard-wrapped text (pdftotext output, e-mails), or None if lines are whole
    paragraphs."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) > 20)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    if width > 130:
        return None
    long_lines = [line.strip() for line in lines if len(line.strip()) >= 0.6 * width]
    open_ended = [line for line in long_lines if not _ends_sentence(line)]
    return width if long_lines and len(open_ended) / len(long_lines) > 0.3 else None


def looks_like_plain_heading(text: str) -> bool:
    """A line of plain text that reads as a heading: a question, a short title, a field
    label ('Key Findings', 'Areas for improvement', 'How effective is the force at …?')."""
    text = text.strip()
    if not text or len(text) > 300 or _starts_lower(text) or text.startswith(("“", '"', "'")):
        return False
    count = len(vocab.words(text))
    if text.endswith("?"):
        return 3 <= count <= 45
    if vocab.match_label(text) or vocab.match_grade_line(text) or vocab.match_field(text):
        return True
    if text.endswith(":"):
        return count <= 12 and not vocab.is_directive(text)
    if text.endswith((".", ";", ",", "!", "”", '"', "’")) or count > 14:
        return False
    if vocab.is_structural(text) or vocab.is_known_area(text):
        return True
    return not vocab.is_sentence_like(text)


def _is_label_line(text: str) -> bool:
    """A line that is a heading whatever comes before it: a grade, a finding label, a
    structural heading ('Main findings')."""
    return bool(
        vocab.match_grade_line(text)
        or vocab.match_label(text)
        or (vocab.is_structural(text) and len(text) < 60)
        or vocab.match_field(text)
    )


def to_blocks(text: str) -> list[Block]:
    text = normalise(text)
    markdown = is_markdown(text)
    raw_lines = text.split("\n")
    width = None if markdown else _wrap_width(raw_lines)
    blocks: list[Block] = []
    para: list[str] = []  # lines of the paragraph being read
    para_lines = [0, 0]  # its first and last line number
    para_is_plain_line = True
    in_contents = False
    indents: list[int] = []  # indentation of the list levels seen in the current list
    blank_before = True

    def flush() -> None:
        nonlocal para, para_is_plain_line
        if para:
            joined = _strip_inline(" ".join(para))
            if joined:
                if (
                    not markdown
                    and (para_is_plain_line or joined.endswith("?"))
                    and looks_like_plain_heading(joined)
                ):
                    blocks.append(Block(HEADING, joined, PLAIN_LEVEL, "plain", **where()))
                else:
                    blocks.append(Block(PARA, joined, **where()))
        para = []
        para_is_plain_line = True

    def where() -> dict:
        return {"line": para_lines[0], "end": para_lines[1]}

    def at(number: int) -> dict:
        return {"line": number, "end": number}

    for number, raw in enumerate(raw_lines, start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or _RULE_RE.match(stripped):
            if _RULE_RE.match(stripped) and para and len(para) == 1 and not blank_before:
                # Setext heading: a line underlined with === or ---.
                level = 1 if stripped.startswith("=") else 2
                blocks.append(Block(HEADING, _strip_inline(para[0]), level, "md", **where()))
                para = []
                continue
            flush()
            indents_reset = not stripped
            if indents_reset and blocks and blocks[-1].kind != ITEM:
                indents = []
            blank_before = True
            continue

        # Table rows: tab-separated cells (the leading tab of an empty first cell counts) or
        # Markdown pipes.
        cells = None
        if stripped.startswith("|") and stripped.count("|") >= 2:
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells if cell):
                continue
        elif "\t" in stripped or (blocks and blocks[-1].kind == ROW and "\t" in line):
            parts = line.split("\t")
            filled = [part for part in parts if part.strip()]
            in_table = blocks and blocks[-1].kind == ROW and not blank_before
            if len(filled) >= 2 or (in_table and filled):
                cells = [part.strip() for part in parts]
        if cells is not None:
            flush()
            cells = [_strip_inline(cell) for cell in cells]
            filled = [cell for cell in cells if cell]
            # A contents entry (title, page number) is navigation, not content.
            if filled and not (len(filled) >= 2 and re.fullmatch(r"\d{1,3}", filled[-1])):
                blocks.append(Block(ROW, " ".join(filled), cells=cells, **at(number)))
            blank_before = False
            continue

        if in_contents:
            if _CONTENTS_LINE_RE.search(stripped) and len(stripped) < 150:
                continue
            if not _MD_HEADING_RE.match(line):
                in_contents = False

        heading = _MD_HEADING_RE.match(line)
        if heading:
            flush()
            heading_text = _strip_inline(heading.group("text"))
            if heading_text:
                blocks.append(
                    Block(HEADING, heading_text, len(heading.group("hashes")), "md", **at(number))
                )
                in_contents = vocab.plain_heading(heading_text).lower() in (
                    "contents",
                    "table of contents",
                )
            blank_before = False
            indents = []
            continue

        bullet = _BULLET_RE.match(line.expandtabs(4))
        if bullet and bullet.group("marker") == "o" and not bullet.group("indent"):
            bullet = None  # a sentence starting "o " is rare; an unindented "o" is not a bullet
        if bullet and bullet.group("marker") == "*" and stripped.startswith("**"):
            bullet = None
        if bullet:
            flush()
            indent = len(bullet.group("indent"))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            depth = len(indents) - 1
            marker = bullet.group("marker")
            item_number = (
                bullet.group("num")
                or bullet.group("alpha")
                or bullet.group("paren")
                or bullet.group("roman")
                or ""
            )
            previous = blocks[-1] if blocks and blocks[-1].kind == ITEM else None
            if marker in _SUB_MARKERS or (
                (bullet.group("alpha") or bullet.group("roman") or bullet.group("paren"))
                and previous is not None
                and previous.level == depth
                and (previous.number.isdigit() or not previous.number)
            ):
                depth += 1
            blocks.append(
                Block(
                    ITEM,
                    _strip_inline(bullet.group("text")),
                    depth,
                    marker.strip(),
                    item_number,
                    **at(number),
                )
            )
            blank_before = False
            continue

        bold = _BOLD_LINE_RE.match(line)
        if bold and markdown:
            flush()
            bold_text = _strip_inline(bold.group("text"))
            if bold_text:
                blocks.append(Block(HEADING, bold_text, BOLD_LEVEL, "bold", **at(number)))
            blank_before = False
            continue

        # Text. A wrapped line continues its paragraph or list item.
        if para:
            previous_line = para[-1]
            # A date line ("date 2024-05-03") is a field of its own, never a wrapped line.
            continues = not vocab.match_field(stripped) and (
                markdown
                or (
                    not _ends_sentence(previous_line)
                    and (
                        _starts_lower(stripped)
                        or (
                            # Greedy wrapping: the line was broken only if the next word did
                            # not fit on it. A short line then a short word ended on purpose.
                            width is not None
                            and len(previous_line) + 1 + len(stripped.split(" ", 1)[0])
                            > 0.9 * width
                            and not _is_label_line(stripped)
                        )
                    )
                )
            )
            if continues:
                para.append(stripped)
                para_lines[1] = number
                para_is_plain_line = False
                blank_before = False
                continue
            flush()
        elif (
            blocks
            and blocks[-1].kind == ITEM
            and not blank_before
            and (not _ends_sentence(blocks[-1].text) or _starts_lower(stripped))
            and not (
                not markdown and looks_like_plain_heading(stripped) and not _starts_lower(stripped)
            )
        ):
            blocks[-1].text = f"{blocks[-1].text} {_strip_inline(stripped)}"
            blocks[-1].end = number
            continue
        para.append(stripped)
        para_lines[:] = [number, number]
        blank_before = False
    flush()
    return _split_inline_bullets(_merge_broken_paragraphs(blocks))


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
        if head and (block.kind == ITEM or vocab.has_directive_clause(head)):
            items.insert(0, head)
        elif head:
            out.append(Block(PARA, head, line=block.line, end=block.end))
        out.extend(
            Block(
                ITEM,
                item,
                level=block.level if block.kind == ITEM else 0,
                style="•",
                line=block.line,
                end=block.end,
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
            and not _ends_sentence(previous.text)
            and _starts_lower(block.text)
        ):
            previous.text = f"{previous.text} {block.text}"
            previous.end = block.end
            continue
        merged.append(block)
    return merged
