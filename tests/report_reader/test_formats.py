"""Formats and bad files. PDF, .docx and HTML versions of the seed documents are made here
(reportlab, python-docx, plain HTML) and must read exactly as their text does."""

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest

from inspections.report_reader import MAX_BYTES, ReportError, parse_text, read_report
from inspections.report_reader.extract import extract_text
from tests.report_reader import render

DATA = Path(__file__).resolve().parent / "data"
SEEDS = sorted(path.name for path in DATA.glob("*.txt"))


def key(report):
    return [
        (f.kind, f.area, " ".join(f.text.split()), f.parts, f.remains_from_earlier)
        for f in report.findings
    ]


def grades(report):
    return sorted((j.area, j.grade) for j in report.judgments)


@pytest.fixture(scope="module")
def seed_texts():
    return {name: (DATA / name).read_text(encoding="utf-8") for name in SEEDS}


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_every_format_reads_as_the_text_does(seed_texts, name, fmt):
    text = seed_texts[name]
    expected = parse_text(text)
    data = {
        "pdf": render.to_pdf,
        "docx": render.to_docx,
        "html": lambda t: render.to_html(t).encode(),
    }[fmt](text)
    report = read_report(data, f"report.{fmt}")
    assert report.source_format == fmt
    assert key(report) == key(expected)
    assert grades(report) == grades(expected)
    assert (report.title, report.published, report.framework) == (
        expected.title,
        expected.published,
        expected.framework,
    )


def test_pdf_headings_come_from_font_size_and_lists_from_bullets():
    pdf = render.to_pdf(
        "# Investigating crime\n\nGood\n\n## Areas for improvement\n\n"
        "- The force should improve supervision.\n- The force should improve file quality.\n"
    )
    text, fmt = extract_text(pdf, "report.pdf")
    assert fmt == "pdf"
    assert "# Investigating crime" in text
    assert "- The force should improve supervision." in text


def test_pdf_without_a_text_layer_is_refused():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.rect(100, 100, 300, 400, fill=1)  # a scanned page is an image: no text
    page.showPage()
    page.save()
    with pytest.raises(
        ReportError, match=r"This PDF has no text layer \(it may be a scanned image\)"
    ):
        read_report(buffer.getvalue(), "scan.pdf")


def test_damaged_pdf_is_refused():
    with pytest.raises(ReportError, match="This PDF could not be read"):
        read_report(b"%PDF-1.7\n" + os.urandom(2000).replace(b"\x00", b"x"), "broken.pdf")


def test_docx_response_template_in_a_layout_table():
    import docx

    document = docx.Document()
    document.add_paragraph("Cumbria Office of Police and Crime Commissioner")
    table = document.add_table(rows=4, cols=2)
    cells = [
        ("Inspection Title:", "Integrated PEEL Assessments 2018/2019"),
        ("Date Published:", "02nd May 2019"),
        ("Areas for Improvements:", ""),
        ("", ""),
    ]
    for row, (label, value) in zip(table.rows, cells, strict=True):
        row.cells[0].text = label
        row.cells[1].text = value
    cell = table.rows[2].cells[1]
    cell.paragraphs[0].text = "The force should ensure -"
    cell.add_paragraph("Effective external scrutiny of its use of force.", style="List Bullet")
    cell.add_paragraph(
        "It has an effective process to discuss ethical concerns.", style="List Bullet"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    report = read_report(buffer.getvalue(), "response.docx")
    assert (report.title, report.published.isoformat(), report.framework) == (
        "Integrated PEEL Assessments 2018/2019",
        "2019-05-02",
        "peel-2018-19",
    )
    assert [f.text for f in report.findings] == [
        "The force should ensure effective external scrutiny of its use of force.",
        "The force should ensure it has an effective process to discuss ethical concerns.",
    ]


def test_saved_web_page_skips_navigation_and_scripts():
    html = render.to_html("# Legitimacy\n\n## Areas for improvement\n\n- The force should act.\n")
    text, fmt = extract_text(html.encode(), "page.htm")
    assert fmt == "html"
    assert "Publications" not in text and "var x" not in text
    assert "## Areas for improvement" in text


def test_a_banner_or_menu_holding_parts_that_match_again_is_dropped_once():
    # A cookie banner holding an element named for cookies too, a navigation menu holding a
    # nested navigation panel and a header with a nav in it: the outer one is dropped and with
    # it what it holds; reading the inner one after that crashed the reader.
    html = (
        "<html><body><header><nav><ul><li><nav role='navigation'><a>Our work</a></nav></li>"
        "</ul></nav></header>"
        "<div class='cookie-banner'><div id='cookie-message'><p>We use cookies.</p></div>"
        "<div aria-label='cookie settings'><button>Accept</button></div></div>"
        "<main><h1>Exampleshire Police: PEEL 2023–25</h1><h2>Areas for improvement</h2>"
        "<ul><li>The force should answer non-emergency calls more quickly.</li></ul></main>"
        "</body></html>"
    )
    text, fmt = extract_text(html.encode(), "page.html")
    assert fmt == "html"
    assert "cookies" not in text and "Our work" not in text
    report = read_report(html.encode(), "page.html")
    assert [f.text for f in report.findings] == [
        "The force should answer non-emergency calls more quickly."
    ]


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda t: t.encode("utf-8"), "UTF-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "UTF-8 with BOM"),
        (lambda t: t.encode("utf-16"), "UTF-16 with BOM"),
        (lambda t: t.encode("cp1252"), "Windows-1252"),
    ],
)
def test_text_encodings(encode, label):
    text = "Legitimacy\nAreas for improvement\n- The force should use evidence of ‘what works’.\n"
    report = read_report(encode(text), "report.txt")
    assert [f.text for f in report.findings] == [
        "The force should use evidence of ‘what works’."
    ], label


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "empty.txt", "The file is empty."),
        (b"   \n\n  \n", "blank.txt", "no text in it"),
        (b"\x00\x01\x02binary\x00" * 50, "junk.bin", "binary, not text"),
        (b"Report \x81\x8d\x8f\x90\x9d" * 40, "odd.txt", "could not be read as text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc", "old-style Word (.doc)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.png", "This is an image"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(data, filename, message):
    with pytest.raises(ReportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_report(data, filename)


def test_zip_that_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ReportError, match="ZIP archive, not a Word document"):
        read_report(buffer.getvalue(), "notes.zip")


def test_files_over_the_limit_are_refused_before_reading():
    with pytest.raises(
        ReportError, match=r"The file is 20\.0 MB; the largest report this reads is 20 MB"
    ):
        read_report(b"x" * (MAX_BYTES + 1), "big.txt")


def test_docx_numbered_lists_keep_their_numbers():
    import docx

    document = docx.Document()
    document.add_paragraph("A thematic inspection", style="Title")
    document.add_paragraph("Recommendations", style="Heading 1")
    for text in (
        "By March 2027, chief constables should publish their data.",
        "By March 2027, the Home Office should fund the work.",
    ):
        document.add_paragraph(text, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    text, _ = extract_text(buffer.getvalue(), "thematic.docx")
    assert "1. By March 2027, chief constables" in text
    assert "2. By March 2027, the Home Office" in text
    report = read_report(buffer.getvalue(), "thematic.docx")
    assert [f.reference for f in report.findings] == ["Recommendation 1", "Recommendation 2"]


def test_docx_styles_are_looked_up_once_per_style_not_per_paragraph(monkeypatch):
    """python-docx scans every style of the document for each look-up (6 ms a paragraph: a
    10,000-paragraph report took 59 s to read, 2 s once each style is looked up once)."""
    import docx
    from docx.parts.document import DocumentPart

    document = docx.Document()
    for n in range(300):
        style = ("Heading 2", "List Number", "List Bullet", None)[n % 4]
        paragraph = document.add_paragraph(f"Paragraph {n}.", style=style)
        paragraph.add_run(" In bold.").bold = n % 3 == 0
        paragraph.add_run(" In a character style.").style = "Strong"
    buffer = io.BytesIO()
    document.save(buffer)
    looked_up = []
    original = DocumentPart.get_style

    def counted(self, style_id, style_type):
        looked_up.append((style_id, style_type))
        return original(self, style_id, style_type)

    monkeypatch.setattr(DocumentPart, "get_style", counted)
    text, _ = extract_text(buffer.getvalue(), "long.docx")

    assert "## Paragraph 0." in text and "1. Paragraph 1." in text and "- Paragraph 2." in text
    assert len(looked_up) == len(set(looked_up)) <= 8
