"""How much of a document the reader opens, and how long and how much memory reading it may
take. One place for every bound, each with the reason for its value.

An upload's size (MAX_BYTES) says little about what it holds: a .docx is a ZIP archive, and a
606 KB one held 400 MB of XML (an admin import ran 30 s and grew the worker to 1.27 GB before it
was killed). So a .docx's parts are checked from the archive's central directory before any XML
is parsed, then again while they are decompressed (a header can lie); a PDF is read page by
page and stopped past a page or text limit; and the whole read runs in a child process with a
memory and time bound (recommendations/imports/reading.py), which no document can get past.

Measured on the seeds (tests/report_reader/data, the longest 105 KB of text, written out as
.docx by tests/report_reader/render.py): 17 parts, 0.84–0.95 MB uncompressed, the most
compressed part (stylesWithEffects.xml) 32:1; read in 1.0 s (.docx) and 1.6 s (PDF) within
about 130 MB.
"""

from inspections.report_reader.model import ReportError

MB = 1024 * 1024

# The file as uploaded. Inspection reports are rarely over 5 MB (a PDF with its photographs).
MAX_BYTES = 20 * MB

# Parts (ZIP entries) of a .docx. Word writes a dozen to a few dozen (styles, numbering, theme,
# fonts, headers and footers, one per image); a long report with many images, a few hundred.
MAX_DOCX_PARTS = 1000

# All parts of a .docx together, uncompressed. A real HMICFRS report is a few MB of XML (the
# seeds: under 1 MB) plus its images, which do not shrink when zipped, so are within the 20 MB
# of the upload. python-docx holds every part in memory and an XML tree costs several times
# its text, hence a bound well under the child's memory.
MAX_DOCX_UNCOMPRESSED_BYTES = 50 * MB

# How much one part may have been compressed: Word's XML shrinks about 5 to 35 times (the
# seeds' parts at most 32:1); a run of one repeated byte, the stuff of zip bombs, about 1000
# times. Only parts that expand past RATIO_CHECKED_FROM_BYTES are held to it: a small part,
# however compressed, costs nothing.
MAX_DOCX_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1 * MB

# Pages of a PDF. A PEEL force report is 50–150 pages, the longest national reports (State of
# Policing) about 250.
MAX_PDF_PAGES = 1000

# Characters of text taken out of a document (any format) before it is parsed. The longest seed
# is 105,000 characters and a long national report about 600,000; parsing time grows faster
# than the text, so text far beyond a real report is refused rather than left to the timeout.
MAX_TEXT_CHARS = 2_000_000

# The child process that reads a document. Seconds: a real report is read in a few (the longest
# seed: 1.6 s as PDF, plus about 0.5 s to start the process); gunicorn kills a worker after 30,
# so the reader stops first and the person importing gets a message rather than an error page.
# Memory, as address space: the process starts at about 25 MB; the longest seed as PDF peaks at
# 120 MB and four of it in one PDF (420,000 characters) at 340 MB, since pdfminer keeps an
# object per character; a .docx needs far less (50 MB). 1 GB leaves room for the longest
# national report; a PDF whose streams inflate to 500 MB reaches it in about 3 s.
READ_SECONDS = 20
READ_MEMORY_BYTES = 1024 * MB


def check_text_length(text: str) -> None:
    """Refuse text far longer than any real report before it is parsed."""
    if len(text) > MAX_TEXT_CHARS:
        raise ReportError(
            f"This document holds more than {MAX_TEXT_CHARS:,} characters of text; a real "
            "report has at most about 600,000, so it was not read. Check that this is the "
            "right file, or import the report's own text."
        )
