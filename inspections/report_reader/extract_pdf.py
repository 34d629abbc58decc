"""PDF → text: the text layer read with pdfminer.six; font size gives heading levels and a
bold font bold lines; running headers, footers and page numbers are dropped."""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter

from inspections.report_reader.grade_matrix import grade_run
from inspections.report_reader.limits import MAX_PDF_PAGES, MAX_TEXT_CHARS
from inspections.report_reader.model import ReportError
from inspections.report_reader.pdf_grade_table import Box, grade_tables

# --- PDF ------------------------------------------------------------------------------------

_BULLET_GLYPHS = "•●▪■◦○‣⁃∙·–-*\uf0b7\uf0a7\uf076\uf0d8"


def pdf_to_text(data: bytes) -> str:
    pages = _read_pages(data)
    lines = _pdf_lines(pages)
    if not "".join(text for _, text, *_ in lines).strip():
        raise ReportError(
            "This PDF has no text layer (it may be a scanned image); the reader needs the text. "
            "Use the report's original PDF from the inspectorate's website, or run it through "
            "OCR and upload the text."
        )
    return _pdf_lines_to_text(lines, len(pages))


def _read_pages(data: bytes) -> list:
    """The laid-out pages, or a ReportError that says why the PDF cannot be read."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfminer.psparser import PSException
    except ImportError as error:  # pragma: no cover - a dependency of the project
        raise ReportError("PDF support is not installed (pdfminer.six).") from error

    try:
        return _bounded_pages(extract_pages(io.BytesIO(data), laparams=LAParams()), LTTextContainer)
    except (ReportError, MemoryError):
        raise  # a bound of limits.py, already in words; or the reading process's own bound
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ReportError(
            "This PDF is password-protected. Save an unprotected copy and try again."
        ) from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise ReportError(f"This PDF could not be read; it may be damaged ({error}).") from error
    except Exception as error:  # pdfminer raises many kinds on broken files
        raise ReportError(f"This PDF could not be read; it may be damaged ({error}).") from error


def _pdf_lines(pages: list) -> list[tuple]:
    """Each line: (page, text, size, bold, x0, box, indent of its box, position on the page)."""
    from pdfminer.layout import LTTextContainer

    margins = _page_margins(pages)
    lines: list[tuple] = []
    box_number = 0
    for page_number, page in enumerate(pages):
        margin = margins[page_number % 2]
        height = page.height or 1
        # Bullets drawn in a symbol font often come out as lone "(cid:127)" glyphs beside the
        # item's text box rather than inside it.
        glyphs = [
            element
            for element in page
            if isinstance(element, LTTextContainer) and _GLYPH_RE.match(element.get_text())
        ]
        elements = [
            element
            for element in page
            if isinstance(element, LTTextContainer) and element not in glyphs
        ]
        boxes, owners = [], []  # the boxes grade_tables reads, and the element each is of
        for index, element in enumerate(elements):
            for box in _grade_parts(element) or [_plain_box(element)]:
                boxes.append(box)
                owners.append(index)
        found, took = grade_tables(boxes)
        tables = {owners[index]: rows for index, rows in found.items()}
        taken = {owners[index] for index in took}
        for index, element in enumerate(elements):
            for row in tables.get(index, []):
                # Each row of a grade matrix a line and a box of its own, at the body margin.
                box_number += 1
                size, _ = _size_and_bold(next(iter(element)))
                lines.append((page_number, row, size, False, element.x0, box_number, 0, False))
            if index in taken:
                continue
            box_number += 1
            indent = element.x0 - margin if margin is not None else 0
            box = (page_number, box_number, indent, height)
            lines.extend(_box_lines(element, _is_bulleted(element, glyphs), box))
    return lines


# The longest run of grade headings ("Outstanding Good Adequate Requires improvement
# Inadequate"), with room for spaces and line ends.
_GRADE_RUN_CHARS = 72


def _grade_parts(element) -> list[Box] | None:
    """A box whose text is grade headings run together ("Requires improvementInadequate": set
    close, pdfminer read them as one), cut into a box per grade by its characters' places."""
    from pdfminer.layout import LTChar, LTTextLine

    if len(element.get_text()) > _GRADE_RUN_CHARS:
        return None  # a paragraph: its characters are not walked twice for every page
    chars = [
        char
        for line in element
        if isinstance(line, LTTextLine)
        for char in line
        if isinstance(char, LTChar) and char.get_text().strip()
    ]
    spans = grade_run("".join(char.get_text() for char in chars).lower())
    if spans is None:
        return None
    return [
        Box(
            grade,
            min(char.x0 for char in chars[start:end]),
            max(char.x1 for char in chars[start:end]),
            min(char.y0 for char in chars[start:end]),
            max(char.y1 for char in chars[start:end]),
        )
        for start, end, grade in spans
    ]


def _plain_box(element) -> Box:
    """A text box as pdf_grade_table reads it: its lines joined, and its bounds."""
    from pdfminer.layout import LTTextLine

    texts = [line.get_text().strip() for line in element if isinstance(line, LTTextLine)]
    text = _join_lines([text for text in texts if text])
    return Box(text, element.x0, element.x1, element.y0, element.y1)


def _page_margins(pages: list) -> dict[int, int | None]:
    """The body text's left margin, per page parity (books mirror their margins): the x0 most
    text starts at. List items are indented from it even when their bullets are graphics."""
    from pdfminer.layout import LTTextContainer

    margin_votes: dict[int, Counter] = {0: Counter(), 1: Counter()}
    for page_number, page in enumerate(pages):
        for element in page:
            if isinstance(element, LTTextContainer) and not _GLYPH_RE.match(element.get_text()):
                margin_votes[page_number % 2][round(element.x0)] += len(element.get_text())
    return {parity: _margin(votes) for parity, votes in margin_votes.items()}


def _is_bulleted(element, glyphs: list) -> bool:
    """Whether a bullet glyph of its own sits just left of the box's first line."""
    from pdfminer.layout import LTTextLine

    first = next((line for line in element if isinstance(line, LTTextLine)), None)
    return first is not None and any(
        glyph.x1 <= element.x0 + 2
        and element.x0 - glyph.x1 < 40
        and first.y0 <= (glyph.y0 + glyph.y1) / 2 <= first.y1
        for glyph in glyphs
    )


def _box_lines(element, bulleted: bool, box: tuple) -> list[tuple]:
    """The lines of one text box, as _pdf_lines describes them; box is (page, box number,
    indent of the box, page height)."""
    from pdfminer.layout import LTTextLine

    page_number, box_number, indent, height = box
    lines = []
    for line_number, line in enumerate(element):
        if not isinstance(line, LTTextLine):
            continue
        text = line.get_text().replace("\n", " ").strip()
        # A glyph with no character code at the start of a line, before a space: the item's
        # bullet drawn inside its text box (reportlab's and Word's symbol-font bullets), not
        # only beside it. Dropped, the items of a list ran together as one finding.
        text = re.sub(r"^\(cid:\d+\)\s+(?=\S)", "• ", text)
        text = re.sub(r"\(cid:\d+\)", "", text).strip()
        if not text:
            continue
        if bulleted and line_number == 0:
            text = f"• {text}"
        size, bold = _size_and_bold(line)
        edge = line.y0 / height < 0.1 or line.y1 / height > 0.9
        lines.append((page_number, text, size, bold, line.x0, box_number, indent, edge))
    return lines


def _size_and_bold(line) -> tuple[float, bool]:
    """A line's font size (the median, to half a point) and whether most of it is bold."""
    from pdfminer.layout import LTChar

    chars = [char for char in line if isinstance(char, LTChar) and char.get_text().strip()]
    size = round(statistics.median(char.size for char in chars) * 2) / 2 if chars else 0
    bold = bool(chars) and sum(
        1 for char in chars if re.search(r"bold|black|heavy|semibold|,b\b", char.fontname, re.I)
    ) >= 0.8 * len(chars)
    return size, bold


def _bounded_pages(pages, text_container) -> list:
    """The laid-out pages, read one at a time and stopped past MAX_PDF_PAGES pages or
    MAX_TEXT_CHARS characters of text (limits.py): each page's layout holds an object per
    character, so a PDF far longer than a report is refused before it fills the memory."""
    kept, characters = [], 0
    for page in pages:
        kept.append(page)
        if len(kept) > MAX_PDF_PAGES:
            raise ReportError(
                f"This PDF has more than {MAX_PDF_PAGES:,} pages; an inspection report has at "
                "most a few hundred, so it was not read. Check that this is the right file."
            )
        characters += sum(
            len(element.get_text()) for element in page if isinstance(element, text_container)
        )
        if characters > MAX_TEXT_CHARS:
            raise ReportError(
                f"This PDF holds more than {MAX_TEXT_CHARS:,} characters of text (by page "
                f"{len(kept)}); a real report has at most about 600,000, so it was not read. "
                "Check that this is the right file."
            )
    return kept


def _pdf_lines_to_text(lines: list[tuple], page_count: int) -> str:
    # Running headers and footers repeat on most pages: keep the first, drop the rest.
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower())

    per_page = Counter()
    for shape_key in {(line[0], shape(line[1])) for line in lines if line[7]}:
        per_page[shape_key[1]] += 1
    repeated = {
        key for key, count in per_page.items() if page_count >= 3 and count >= page_count / 2
    }
    seen_repeated: set[str] = set()
    kept = []
    for line in lines:
        text = line[1]
        key = shape(text)
        if re.fullmatch(r"(?i)(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?", text):
            continue
        if key in repeated and line[7]:
            if key in seen_repeated:
                continue
            seen_repeated.add(key)
        kept.append(line)
    if not kept:
        return ""
    weights = Counter()
    for _, text, size, *_ in kept:
        weights[size] += len(text)
    body = weights.most_common(1)[0][0]
    heading_sizes = sorted({size for _, _, size, *_ in kept if size >= body + 1.5}, reverse=True)
    level_of = {size: min(position + 1, 4) for position, size in enumerate(heading_sizes)}

    out: list[str] = []
    boxes: dict[int, list[tuple]] = {}
    order: list[int] = []
    for line in kept:
        if line[5] not in boxes:
            order.append(line[5])
            boxes[line[5]] = []
        boxes[line[5]].append(line)
    pending_bullet = False
    for number in order:
        # A text box may hold a heading and the paragraph under it: split it into runs of
        # lines that share a heading level and boldness.
        runs: list[list[tuple]] = []
        for line in boxes[number]:
            shape_key = (level_of.get(line[2]), line[3])
            if runs and (level_of.get(runs[-1][-1][2]), runs[-1][-1][3]) == shape_key:
                runs[-1].append(line)
            else:
                runs.append([line])
        for run in runs:
            pending_bullet = _pdf_run(run, level_of, out, pending_bullet)
    return "\n\n".join(out) + "\n"


_GLYPH_RE = re.compile(r"^\s*(?:\(cid:\d+\)|[•●▪■◦○‣⁃∙·\uf0b7\uf0a7\uf076\uf0d8])\s*$")


def _margin(votes: Counter) -> int | None:
    """The body's left margin: the leftmost x0 that carries a real share of the text."""
    if not votes:
        return None
    total = sum(votes.values())
    return min(x0 for x0, weight in votes.items() if weight >= 0.1 * total)


def _pdf_run(run: list[tuple], level_of: dict, out: list[str], pending_bullet: bool) -> bool:
    texts = [line[1] for line in run]
    joined = _join_lines(texts)
    if run[0][2] in level_of:
        out.append("#" * level_of[run[0][2]] + " " + joined)
        return False
    if len(texts) == 1 and texts[0] in _BULLET_GLYPHS:
        return True  # the bullet glyph sits in a box of its own; the item text follows
    if run[0][3] and len(joined.split()) <= 40 and not _is_bullet(texts[0]) and not pending_bullet:
        out.append(f"**{joined}**")
        return False
    left = min(line[4] for line in run)
    current: list[str] = []
    prefix = ""
    indent = run[0][6]
    if 10 <= indent <= 80 and not any(_is_bullet(line[1]) for line in run):
        previous = out[-1].lstrip() if out else ""
        if (
            previous.startswith("- ")
            and joined[:1].islower()
            and not previous.endswith((".", ";", ":"))
        ):
            # The item's wrapped line in a box of its own, set under the item's text (right
            # of its bullet): the item carries on, it is not one more.
            out[-1] = f"{out[-1]} {joined}"
            return False
        # A list whose bullet glyphs were drawn as graphics: indented from the body margin.
        out.append("  " * max(0, round((indent - 10) / 18)) + "- " + joined)
        return False
    for _, text, _, _, x0, *_ in run:
        if _is_bullet(text) or pending_bullet:
            if current:
                out.append(prefix + _join_lines(current))
            depth = max(0, round((x0 - left) / 14))
            prefix = "  " * depth + "- "
            current = [text if pending_bullet else _strip_bullet(text)]
            pending_bullet = False
        else:
            current.append(text)
    if current:
        out.append(prefix + _join_lines(current))
    return False


def _is_bullet(text: str) -> bool:
    return bool(re.match(rf"^[{re.escape(_BULLET_GLYPHS)}]\s+\S", text)) or bool(
        re.match(r"^[\uf0b7\uf0a7\uf076\uf0d8•●▪■◦]\S", text)
    )


def _strip_bullet(text: str) -> str:
    return re.sub(rf"^[{re.escape(_BULLET_GLYPHS)}]\s*", "", text)


def _join_lines(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if not text:
            text = part
        elif text.endswith("-") and part[:1].islower() and not text.endswith(" -"):
            text += part  # a word hyphenated at the line end keeps its hyphen
        else:
            text += " " + part
    return text
