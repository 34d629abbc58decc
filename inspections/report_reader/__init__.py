"""Read an HMICFRS report or an OPCC response: its title, publication date, PEEL era, graded
judgments and findings. Plain Python (no Django), so it can be tested and reused on its own.

    read_report(data, filename)  # bytes of a .txt/.md, .pdf, .docx or saved .html file
    parse_text(text)             # text or Markdown already in hand
"""

from inspections.report_reader.extract import MAX_BYTES, read_report
from inspections.report_reader.model import (
    FINDING_KINDS,
    ParsedFinding,
    ParsedJudgment,
    ParsedReport,
    ReportError,
    ReportInfo,
)
from inspections.report_reader.parse import parse_text

__all__ = [
    "FINDING_KINDS",
    "MAX_BYTES",
    "ParsedFinding",
    "ParsedJudgment",
    "ParsedReport",
    "ReportError",
    "ReportInfo",
    "parse_text",
    "read_report",
]
