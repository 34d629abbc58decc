"""Files → text. Each format is turned into the Markdown-like text parse.py reads: "# "
headings, "**bold**" lines, "- " list items indented two spaces per level, tab-separated table
rows, blank lines between paragraphs.

- Plain text and Markdown: UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1252,
  then Latin-1; anything that still does not read as text is refused.
- PDF: the text layer, read with pdfminer.six; font size gives heading levels and bold font
  gives bold lines; running headers, footers and page numbers are dropped.
- Word .docx: python-docx; heading styles, list paragraphs, bold paragraphs, tables (small
  data tables as rows, layout tables such as OPCC response templates cell by cell).
- HTML saved from the inspectorate's website: the main content, h1–h6, paragraphs, lists,
  tables; navigation, scripts and footers dropped.
"""

from __future__ import annotations

import codecs
import io
import re
import statistics
import unicodedata
import zipfile
from collections import Counter

from inspections.report_reader.model import ParsedReport, ReportError
from inspections.report_reader.parse import parse_text

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED = "plain text or Markdown (.txt, .md), PDF, Word (.docx) or a saved web page (.html)"


def check_size(size: int) -> None:
    if size == 0:
        raise ReportError("The file is empty.")
    if size > MAX_BYTES:
        raise ReportError(
            f"The file is {size / 1024 / 1024:.1f} MB; the largest report this reads is "
            f"{MAX_BYTES // 1024 // 1024} MB. Inspection reports are rarely over 5 MB: check "
            "that this is the right file, or save the report's text alone."
        )


def read_report(data: bytes, filename: str = "") -> ParsedReport:
    """Read a report file. Raises ReportError with a message for the person importing when
    the file cannot be read (empty, too large, binary, scanned PDF …). A readable file with no
    findings returns a report whose `is_empty` is true: the caller decides what to say."""
    text, source_format = extract_text(data, filename)
    report = parse_text(text)
    report.source_format = source_format
    return report


def extract_text(data: bytes, filename: str = "") -> tuple[str, str]:
    """(text, format) for a file's bytes; format is text, markdown, pdf, docx or html."""
    check_size(len(data))
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return pdf_to_text(data), "pdf"
    if head.startswith(b"PK\x03\x04"):
        return docx_to_text(data), "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ReportError(
            "This is an old-style Word (.doc) or other Office 97–2003 file. Open it in Word and "
            f"save it as .docx or PDF, then try again. The reader takes {SUPPORTED}."
        )
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        raise ReportError(
            "This is an image, not a document. Use the report's PDF or text instead "
            "(a scanned page has no text to read)."
        )
    if head.startswith(b"{\\rtf"):
        raise ReportError("This is an RTF file. Save it as .docx or PDF, then try again.")
    text = decode_text(data)
    lowered = text[:4096].lstrip().lower()
    name = filename.lower()
    if lowered.startswith(("<!doctype html", "<html")) or (
        name.endswith((".html", ".htm")) and "<" in lowered
    ):
        return html_to_text(text), "html"
    if not text.strip():
        raise ReportError("The file has no text in it (only spaces or blank lines).")
    return text, "markdown" if name.endswith((".md", ".markdown")) else "text"


# --- plain text -----------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, Windows-1252, then Latin-1. Refuses data that is
    not text in any of them (NUL bytes, control characters)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _check_text(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise _not_text() from error
    if b"\x00" in data[:8192]:
        raise ReportError(
            "This file is binary, not text (it contains NUL bytes), and is not a PDF, .docx or "
            f"web page either. The reader takes {SUPPORTED}."
        )
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _check_text(text)
    raise _not_text()  # pragma: no cover - latin-1 decodes every byte


def _not_text() -> ReportError:
    return ReportError(
        "This file could not be read as text: it is either binary or in an encoding the reader "
        "does not know (it reads UTF-8, UTF-16 with a byte-order mark, Windows-1252 and "
        "Latin-1). Save the report as UTF-8 text, PDF or .docx and try again."
    )


def _check_text(text: str) -> str:
    sample = text[:200_000]
    if not sample:
        return text
    odd = sum(
        1
        for char in sample
        if (unicodedata.category(char) in ("Cc", "Co", "Cn") and char not in "\t\n\r\f\v")
        or char == "\ufffd"
    )
    if odd / len(sample) > 0.001 and odd > 2:
        raise _not_text()
    return text


# --- PDF ------------------------------------------------------------------------------------

_BULLET_GLYPHS = "•●▪■◦○‣⁃∙·–-*\uf0b7\uf0a7\uf076\uf0d8"


def pdf_to_text(data: bytes) -> str:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
        from pdfminer.psparser import PSException
    except ImportError as error:  # pragma: no cover - a dependency of the project
        raise ReportError("PDF support is not installed (pdfminer.six).") from error

    try:
        pages = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ReportError(
            "This PDF is password-protected. Save an unprotected copy and try again."
        ) from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise ReportError(f"This PDF could not be read; it may be damaged ({error}).") from error
    except Exception as error:  # pdfminer raises many kinds on broken files
        raise ReportError(f"This PDF could not be read; it may be damaged ({error}).") from error

    # The body text's left margin, per page parity (books mirror their margins): the x0 most
    # text starts at. List items are indented from it even when their bullets are graphics.
    margin_votes: dict[int, Counter] = {0: Counter(), 1: Counter()}
    for page_number, page in enumerate(pages):
        for element in page:
            if isinstance(element, LTTextContainer) and not _GLYPH_RE.match(element.get_text()):
                margin_votes[page_number % 2][round(element.x0)] += len(element.get_text())
    margins = {parity: _margin(votes) for parity, votes in margin_votes.items()}
    # Each line: (page, text, size, bold, x0, box, indent of its box, position on the page)
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
        for element in page:
            if not isinstance(element, LTTextContainer) or element in glyphs:
                continue
            box_number += 1
            first = next((line for line in element if isinstance(line, LTTextLine)), None)
            bulleted = first is not None and any(
                glyph.x1 <= element.x0 + 2
                and element.x0 - glyph.x1 < 40
                and first.y0 <= (glyph.y0 + glyph.y1) / 2 <= first.y1
                for glyph in glyphs
            )
            indent = element.x0 - margin if margin is not None else 0
            for line_number, line in enumerate(element):
                if not isinstance(line, LTTextLine):
                    continue
                text = re.sub(r"\(cid:\d+\)", "", line.get_text().replace("\n", " ")).strip()
                if not text:
                    continue
                if bulleted and line_number == 0:
                    text = f"• {text}"
                chars = [
                    char for char in line if isinstance(char, LTChar) and char.get_text().strip()
                ]
                size = round(statistics.median(char.size for char in chars) * 2) / 2 if chars else 0
                bold = bool(chars) and sum(
                    1
                    for char in chars
                    if re.search(r"bold|black|heavy|semibold|,b\b", char.fontname, re.I)
                ) >= 0.8 * len(chars)
                edge = line.y0 / height < 0.1 or line.y1 / height > 0.9
                lines.append((page_number, text, size, bold, line.x0, box_number, indent, edge))
    if not "".join(text for _, text, *_ in lines).strip():
        raise ReportError(
            "This PDF has no text layer (it may be a scanned image); the reader needs the text. "
            "Use the report's original PDF from the inspectorate's website, or run it through "
            "OCR and upload the text."
        )
    return _pdf_lines_to_text(lines, len(pages))


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


# --- Word -----------------------------------------------------------------------------------


def docx_to_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise ReportError("This file looks like a Word document but is damaged.") from error
    if "word/document.xml" not in names:
        if "content.xml" in names:
            raise ReportError(
                "This is an OpenDocument file. Save it as .docx or PDF and try again."
            )
        raise ReportError(
            f"This is a ZIP archive, not a Word document. The reader takes {SUPPORTED}."
        )
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as error:  # pragma: no cover - a dependency of the project
        raise ReportError("Word support is not installed (python-docx).") from error
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        raise ReportError(
            f"This Word document could not be read; it may be damaged ({error})."
        ) from error

    out: list[str] = []

    def paragraph_text(paragraph: Paragraph) -> None:
        text = " ".join(paragraph.text.split())
        if not text:
            return
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        heading = re.match(r"(?i)heading\s*(\d)", style)
        if heading:
            out.append("#" * min(int(heading.group(1)), 6) + " " + text)
            return
        if style.lower() == "title":
            out.append("# " + text)
            return
        properties = paragraph._p.pPr
        numbered = properties is not None and properties.numPr is not None
        if numbered or style.lower().startswith("list"):
            level = 0
            if numbered and properties.numPr.ilvl is not None:
                level = int(properties.numPr.ilvl.val)
            out.append("  " * level + "- " + text)
            return
        runs = [run for run in paragraph.runs if run.text.strip()]
        if runs and all(_run_bold(run, paragraph) for run in runs) and len(text.split()) <= 40:
            out.append(f"**{text}**")
            return
        out.append(text)

    def table(tbl: Table) -> None:
        rows = []
        layout = False
        for row in tbl.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell)
            rows.append(cells)
            for position, cell in enumerate(cells):
                filled = [p for p in cell.paragraphs if p.text.strip()]
                if len(filled) > 1 or len(cell.text) > 200 or cell.tables:
                    layout = True
                if position == 0 and cell.text.strip().endswith(":"):
                    layout = True
        if any(len(cells) == 1 for cells in rows):
            layout = True
        for cells in rows:
            if layout:
                for cell in cells:
                    walk(cell._tc)
            else:
                out.append("\t".join(" ".join(cell.text.split()) for cell in cells))
        if not layout:
            out.append("")

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                paragraph_text(Paragraph(child, document))
            elif child.tag == qn("w:tbl"):
                table(Table(child, document))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    text = "\n\n".join(line for line in _merge_rows(out)) + "\n"
    if not text.strip():
        raise ReportError("This Word document has no text in it.")
    return text


def _merge_rows(lines: list[str]) -> list[str]:
    """Table rows must stay on consecutive lines; everything else is a paragraph."""
    merged: list[str] = []
    for line in lines:
        if merged and "\t" in line and "\t" in merged[-1]:
            merged[-1] += "\n" + line
        elif line:
            merged.append(line)
    return merged


def _run_bold(run, paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    if run.style is not None and run.style.font.bold:
        return True
    style = paragraph.style
    return bool(style is not None and style.font.bold)


# --- HTML -----------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "div",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "details",
    "summary",
    "body",
    "html",
    "center",
}
_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "form",
    "svg",
    "iframe",
    "template",
    "button",
    "head",
    "select",
    "input",
]


def html_to_text(html: str) -> str:
    try:
        from bs4 import BeautifulSoup, NavigableString, Tag
    except ImportError as error:  # pragma: no cover - a dependency of the project
        raise ReportError("Web page support is not installed (beautifulsoup4).") from error
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.select(
        '[role="navigation"], [aria-hidden="true"], .breadcrumbs, .cookie-banner'
    ):
        tag.decompose()
    root = (
        soup.find("main")
        or soup.find(attrs={"role": "main"})
        or soup.find("article")
        or soup.body
        or soup
    )
    out: list[str] = []
    inline: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(inline).split())
        inline.clear()
        if text:
            out.append(text)

    def text_of(tag) -> str:
        return " ".join(tag.get_text(" ", strip=True).split())

    def is_all_bold(tag) -> bool:
        strong = " ".join(text_of(b) for b in tag.find_all(["strong", "b"]))
        whole = text_of(tag)
        return bool(whole) and " ".join(strong.split()) == whole

    def list_items(tag, depth: int) -> None:
        ordered = tag.name == "ol"
        number = int(tag.get("start", 1) or 1) if ordered else 0
        for item in tag.find_all("li", recursive=False):
            own: list[str] = []
            nested = []
            for child in item.children:
                if isinstance(child, Tag) and child.name in ("ul", "ol"):
                    nested.append(child)
                elif isinstance(child, Tag):
                    own.append(text_of(child))
                elif isinstance(child, NavigableString):
                    own.append(str(child))
            text = " ".join(" ".join(own).split())
            if text:
                marker = f"{number}." if ordered else "-"
                out.append(f"{'  ' * depth}{marker} {text}")
            number += 1
            for child in nested:
                list_items(child, depth + 1)

    def table(tag) -> None:
        rows = tag.find_all("tr")
        long_cells = any(len(text_of(cell)) > 200 for cell in tag.find_all(["td", "th"]))
        for row in rows:
            cells = row.find_all(["td", "th"], recursive=False)
            if long_cells:
                for cell in cells:
                    walk(cell)
                    flush()
            else:
                out.append("\t".join(text_of(cell) for cell in cells))
        out.append("")

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "CData"):
                    continue
                inline.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if re.fullmatch(r"h[1-6]", name):
                flush()
                text = text_of(child)
                if text:
                    out.append("#" * int(name[1]) + " " + text)
            elif name in ("p", "dt", "dd", "li", "caption"):
                flush()
                text = text_of(child)
                if text:
                    out.append(f"**{text}**" if is_all_bold(child) else text)
            elif name in ("ul", "ol"):
                flush()
                list_items(child, 0)
            elif name == "table":
                flush()
                table(child)
            elif name == "br":
                flush()
            elif name in _BLOCK_TAGS or name == "dl":
                flush()
                walk(child)
                flush()
            else:
                inline.append(child.get_text(" "))

    walk(root)
    flush()
    text = "\n\n".join(_merge_rows(out)) + "\n"
    if not text.strip():
        raise ReportError("This web page has no text in its main content.")
    return text
