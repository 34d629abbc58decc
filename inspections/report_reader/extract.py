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
import unicodedata
import zipfile

from inspections.report_reader.extract_docx import check_docx_archive, docx_to_text
from inspections.report_reader.extract_html import html_to_text
from inspections.report_reader.extract_pdf import pdf_to_text
from inspections.report_reader.limits import MAX_BYTES, check_text_length
from inspections.report_reader.model import SUPPORTED, ParsedReport, ReportError
from inspections.report_reader.parse import parse_text


def check_size(size: int) -> None:
    if size == 0:
        raise ReportError("The file is empty.")
    if size > MAX_BYTES:
        raise ReportError(
            f"The file is {size / 1024 / 1024:.1f} MB; the largest report this reads is "
            f"{MAX_BYTES // 1024 // 1024} MB. Inspection reports are rarely over 5 MB: check "
            "that this is the right file, or save the report's text alone."
        )


def check_document(data: bytes) -> None:
    """The checks that cost nothing, before a document is opened: its size, and for a .docx
    what its central directory says it holds (see limits.py). read_report makes them too; a
    caller that reads in a child process makes them first to refuse a bomb at once."""
    check_size(len(data))
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_docx_archive(archive)
        except zipfile.BadZipFile:
            pass  # read_report says it is damaged


def read_report(data: bytes, filename: str = "") -> ParsedReport:
    """Read a report file. Raises ReportError with a message for the person importing when
    the file cannot be read (empty, too large, binary, scanned PDF, a .docx that would expand
    past limits.py's bounds …). A readable file with no findings returns a report whose
    `is_empty` is true: the caller decides what to say."""
    text, source_format = extract_text(data, filename)
    check_text_length(text)
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
    # U+F000–U+F0FF are the Symbol and Wingdings fonts' characters as PDF text gives them
    # (bullets: "\uf0b7 Forces should …"): text, however many, not a sign of binary data.
    odd = sum(
        1
        for char in sample
        if (
            unicodedata.category(char) in ("Cc", "Co", "Cn")
            and char not in "\t\n\r\f\v"
            and not "\uf000" <= char <= "\uf0ff"
        )
        or char == "\ufffd"
    )
    if odd / len(sample) > 0.001 and odd > 2:
        raise _not_text()
    return text
