"""The reader's bounds (inspections/report_reader/limits.py): a .docx that would expand too far
is refused from its central directory, before any XML is parsed, and again while it is
decompressed when its headers lie; a PDF past the page or text limit is stopped. Each refusal
is quick and costs little memory (`pytest -s` prints the figures)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from inspections.report_reader import ReportError, extract_pdf, limits, read_report
from inspections.report_reader.extract import check_document
from tests import bombs
from tests.report_reader.render import to_docx, to_pdf

DATA = Path(__file__).parent / "data"
SEED = DATA / "002_3d1b060b47e8b9b9.txt"

SIZE = r"This \.docx would expand to \d+ MB of text and markup when opened; the reader opens at most 50 MB \(a real report is a few MB\), so it was not read\."  # noqa: E501
RATIO = r"A part of this \.docx \(word/document\.xml\) is compressed 1,0\d\d to 1"
PARTS = r"This \.docx holds 1,5\d\d parts; .* the reader opens at most 1,000, so it was not read\."
MISLED = (
    r"A part of this \.docx \(word/document\.xml\) does not expand to the size its archive says"
)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(lambda: bombs.ratio_bomb(300 * bombs.MB), SIZE, id="300 MB of spaces"),
        pytest.param(lambda: bombs.ratio_bomb(40 * bombs.MB), RATIO, id="40 MB at 1000:1"),
        pytest.param(bombs.size_bomb, SIZE, id="60 parts of 1 MB"),
        pytest.param(bombs.many_parts, PARTS, id="1,500 parts"),
        pytest.param(bombs.lying_bomb, MISLED, id="headers saying 1 KB"),
    ],
)
def test_a_docx_bomb_is_refused_quickly_and_cheaply(build, message):
    data = build()
    assert len(data) < 400 * 1024  # what the 20 MB upload limit alone would let through
    with bombs.measured() as cost, pytest.raises(ReportError, match=message):
        read_report(data, "report.docx")
    assert cost.seconds < 2
    assert cost.grown_mb < 50
    assert cost.python_peak_mb < 50


@pytest.mark.parametrize(
    ("build", "refused_at_once"),
    [
        (lambda: bombs.ratio_bomb(300 * bombs.MB), True),
        (bombs.many_parts, True),
        (bombs.size_bomb, True),
        # Only decompressing shows the lie: check_document lets it through to the reader.
        (bombs.lying_bomb, False),
    ],
)
def test_check_document_reads_only_the_central_directory(build, refused_at_once):
    data = build()
    if refused_at_once:
        with pytest.raises(ReportError):
            check_document(data)
    else:
        check_document(data)


def test_a_real_docx_is_within_every_bound():
    data = to_docx(SEED.read_text(encoding="utf-8"))
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = archive.infolist()
    assert len(parts) < limits.MAX_DOCX_PARTS / 10
    assert sum(part.file_size for part in parts) < limits.MAX_DOCX_UNCOMPRESSED_BYTES / 10
    assert max(part.file_size / part.compress_size for part in parts) < limits.MAX_DOCX_RATIO / 2
    check_document(data)
    assert read_report(data, "report.docx").findings


def test_a_docx_expanding_past_the_total_while_read_is_stopped(monkeypatch):
    """The running count stops decompression even when every declared size is believed."""
    data = bombs.size_bomb(parts=8)  # 8 MB, within the limit as it stands
    monkeypatch.setattr(
        "inspections.report_reader.extract_docx.MAX_DOCX_UNCOMPRESSED_BYTES", 2 * bombs.MB
    )
    archive = zipfile.ZipFile(io.BytesIO(data))
    from inspections.report_reader.extract_docx import check_docx_parts

    with pytest.raises(ReportError, match=r"would expand to more than 2 MB .* at most 2 MB"):
        check_docx_parts(archive)


def test_a_pdf_past_the_page_limit_is_refused(monkeypatch):
    markdown = "\n\n".join(f"# Page {number}\n\n" + "Text. " * 600 for number in range(4))
    monkeypatch.setattr(extract_pdf, "MAX_PDF_PAGES", 2)
    with pytest.raises(ReportError, match=r"This PDF has more than 2 pages; an inspection report"):
        read_report(to_pdf(markdown), "report.pdf")


def test_a_pdf_past_the_text_limit_is_refused(monkeypatch):
    monkeypatch.setattr(extract_pdf, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(ReportError, match=r"This PDF holds more than 1,000 characters of text"):
        read_report(to_pdf(SEED.read_text(encoding="utf-8")), "report.pdf")


def test_text_past_the_limit_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)
    monkeypatch.setattr(
        "inspections.report_reader.extract.parse_text", lambda text: pytest.fail("parsed")
    )
    with pytest.raises(ReportError, match=r"This document holds more than 1,000 characters"):
        read_report(SEED.read_bytes(), SEED.name)
