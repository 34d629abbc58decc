"""Test helpers: write a small Markdown report (the shape of seed 002) as PDF, .docx or HTML,
so the format tests check that each extractor keeps the structure the parser needs."""

import html
import io
import re

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
BOLD = re.compile(r"^\*\*(.+)\*\*$")
BULLET = re.compile(r"^(\s*)[-•·]\s+(.*)$")


def _clean(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = text.replace("\\(", "(").replace("\\)", ")").replace("<b>", "").replace("</b>", "")
    return text.replace("**", "").strip()


def markdown_blocks(markdown: str) -> list[tuple[str, str, int]]:
    """(kind, text, level) for heading, bold, bullet, row and paragraph lines."""
    blocks = []
    for line in markdown.splitlines():
        if not line.strip():
            continue
        if (
            "\t" in line.strip("\n")
            and len([c for c in line.split("\t") if c.strip()]) >= 1
            and (line.count("\t") >= 2)
        ):
            blocks.append(("row", line, 0))
            continue
        heading = HEADING.match(line)
        if heading:
            blocks.append(("heading", _clean(heading.group(2)), len(heading.group(1))))
            continue
        bold = BOLD.match(line.strip())
        if bold:
            blocks.append(("bold", _clean(bold.group(1)), 0))
            continue
        bullet = BULLET.match(line)
        if bullet:
            blocks.append(("bullet", _clean(bullet.group(2)), len(bullet.group(1)) // 2))
            continue
        blocks.append(("para", _clean(line), 0))
    return blocks


def to_pdf(markdown: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=10)
    bold = ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold")
    sizes = {1: 20, 2: 16, 3: 14, 4: 12}
    story = []
    for kind, text, level in markdown_blocks(markdown):
        escaped = html.escape(text)
        if kind == "heading":
            style = ParagraphStyle(
                f"h{level}",
                parent=body,
                fontName="Helvetica-Bold",
                fontSize=sizes.get(level, 12),
                leading=sizes.get(level, 12) + 4,
                spaceBefore=8,
            )
            story.append(Paragraph(escaped, style))
        elif kind == "bold":
            story.append(Paragraph(escaped, bold))
        elif kind == "bullet":
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escaped, body), leftIndent=18 + 18 * level)],
                    bulletType="bullet",
                    start="•",
                    bulletFontName="Helvetica",
                    leftIndent=18 + 18 * level,
                )
            )
        elif kind == "row":
            story.append(Table([[_clean(c) for c in text.split("\t")]]))
        else:
            story.append(Paragraph(escaped, body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def to_docx(markdown: str) -> bytes:
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush_rows():
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = cell
            rows.clear()

    for kind, text, level in markdown_blocks(markdown):
        if kind == "row":
            rows.append([_clean(c) for c in text.split("\t")])
            continue
        flush_rows()
        if kind == "heading":
            document.add_heading(text, level=min(level, 4))
        elif kind == "bold":
            document.add_paragraph().add_run(text).bold = True
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet 2" if level else "List Bullet")
        else:
            document.add_paragraph(text)
    flush_rows()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_html(markdown: str) -> str:
    out = [
        "<!DOCTYPE html><html lang='en'><head><title>Report</title><script>var x = 1;</script>",
        "</head><body><header><nav><ul><li>Home</li><li>Publications</li></ul></nav></header>",
        "<main>",
    ]
    in_list = False
    rows: list[str] = []
    for kind, text, level in markdown_blocks(markdown):
        if kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        if kind != "row" and rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows = []
        escaped = html.escape(text)
        if kind == "heading":
            out.append(f"<h{level}>{escaped}</h{level}>")
        elif kind == "bold":
            out.append(f"<p><strong>{escaped}</strong></p>")
        elif kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{escaped}</li>")
        elif kind == "row":
            cells = "".join(f"<td>{html.escape(_clean(c))}</td>" for c in text.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
        else:
            out.append(f"<p>{escaped}</p>")
    if in_list:
        out.append("</ul>")
    out.append("</main><footer>© HMICFRS</footer></body></html>")
    return "\n".join(out)
