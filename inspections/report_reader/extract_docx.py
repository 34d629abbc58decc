"""Word .docx → text: python-docx; heading styles, list paragraphs, bold paragraphs, tables
(small data tables as rows, layout tables such as OPCC response templates cell by cell)."""

from __future__ import annotations

import io
import re
import zipfile

from inspections.report_reader.grade_matrix import is_scale, matrix_rows
from inspections.report_reader.limits import (
    MAX_DOCX_PARTS,
    MAX_DOCX_RATIO,
    MAX_DOCX_UNCOMPRESSED_BYTES,
    MB,
    RATIO_CHECKED_FROM_BYTES,
    check_text_length,
)
from inspections.report_reader.model import SUPPORTED, ReportError

# --- Word -----------------------------------------------------------------------------------


_DAMAGED = "This file looks like a Word document but is damaged."
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def docx_to_text(data: bytes) -> str:
    _check_archive(data)
    document = _open_document(data)
    writer = _DocxText(document)
    writer.walk(document.element.body)
    text = "\n\n".join(line for line in merge_rows(writer.out)) + "\n"
    check_text_length(text)
    if not text.strip():
        raise ReportError("This Word document has no text in it.")
    return text


def _check_archive(data: bytes) -> None:
    """Before python-docx opens it: a ZIP archive, holding a Word document, that expands no
    further than limits.py allows."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise ReportError(_DAMAGED) from error
    with archive:
        names = set(archive.namelist())
        check_docx_archive(archive)  # before anything is decompressed
        if "word/document.xml" not in names:
            if "content.xml" in names:
                raise ReportError(
                    "This is an OpenDocument file. Save it as .docx or PDF and try again."
                )
            raise ReportError(
                f"This is a ZIP archive, not a Word document. The reader takes {SUPPORTED}."
            )
        try:
            check_docx_parts(archive)
        except (ReportError, MemoryError):
            raise
        except Exception as error:  # zlib.error, an encrypted part, a method zipfile lacks …
            raise ReportError(_DAMAGED) from error


def _open_document(data: bytes):
    try:
        import docx
    except ImportError as error:  # pragma: no cover - a dependency of the project
        raise ReportError("Word support is not installed (python-docx).") from error
    try:
        return docx.Document(io.BytesIO(data))
    except MemoryError:
        raise  # the reading process's bound (recommendations/imports/reading.py)
    except Exception as error:
        raise ReportError(
            f"This Word document could not be read; it may be damaged ({error})."
        ) from error


class _DocxText:
    """The text of one Word document, element by element, into `out`: paragraphs, list items
    with their numbers, and tables."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.document = document
        self.out: list[str] = []
        self.formats = _numbering_formats(document, qn)
        self.styles = _Styles(document)
        self.counters: dict[tuple[str, int], int] = {}

    def walk(self, element) -> None:
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                self._paragraph(Paragraph(child, self.document))
            elif child.tag == qn("w:tbl"):
                self._table(Table(child, self.document))
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.walk(content)

    def _paragraph(self, paragraph) -> None:
        text = " ".join(paragraph.text.split())
        if not text:
            return
        paragraph_style = self.styles.of_paragraph(paragraph)
        style = (paragraph_style.name if paragraph_style is not None else "") or ""
        heading = re.match(r"(?i)heading\s*(\d)", style)
        if heading:
            self.out.append("#" * min(int(heading.group(1)), 6) + " " + text)
            return
        if style.lower() == "title":
            self.out.append("# " + text)
            return
        properties = paragraph._p.pPr
        numbered = properties is not None and properties.numPr is not None
        if numbered or style.lower().startswith("list"):
            self.out.append(
                self._list_item(text, properties if numbered else None, paragraph_style)
            )
            return
        runs = [run for run in paragraph.runs if run.text.strip()]
        if (
            runs
            and all(self.styles.bold(run, paragraph) for run in runs)
            and len(text.split()) <= 40
        ):
            self.out.append(f"**{text}**")
            return
        self.out.append(text)

    def _list_item(self, text: str, numbering, paragraph_style) -> str:
        """A list paragraph as a "- " or numbered line; numbering is the paragraph's own
        numbering properties, None when only its style makes it a list item."""
        level = 0
        if numbering is not None and numbering.numPr.ilvl is not None:
            level = int(numbering.numPr.ilvl.val)
        style_properties = getattr(getattr(paragraph_style, "element", None), "pPr", None)
        if numbering is not None:
            marker = self._list_marker(numbering)
        elif style_properties is not None and style_properties.numPr is not None:
            marker = self._list_marker(style_properties)  # "List Number": numbered by its style
        else:
            marker = "-"
        return "  " * level + marker + " " + text

    def _list_marker(self, properties) -> str:
        """'3.' for the third item of a decimal list, 'b)' for a lettered one, '-' for a
        bullet: Word keeps list numbers in its numbering part, not in the text."""
        try:
            num_id = str(properties.numPr.numId.val)
            level = int(properties.numPr.ilvl.val) if properties.numPr.ilvl is not None else 0
        except (AttributeError, TypeError, ValueError):
            return "-"
        fmt = self.formats.get((num_id, level), "bullet")
        self.counters[(num_id, level)] = self.counters.get((num_id, level), 0) + 1
        for key in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[key]  # a deeper list starts again under each item
        return _marker(fmt, self.counters[(num_id, level)])

    def _table(self, table) -> None:
        rows = [_distinct_cells(row) for row in table.rows]
        if rows and is_scale([cell.text for cell in rows[0]]):
            # A grade matrix: each paragraph of a cell is an area under its column's grade.
            lines = [[[p.text.strip() for p in cell.paragraphs] for cell in row] for row in rows]
            self.out.extend([*(matrix_rows(lines) or []), ""])
            return
        if _is_layout_table(rows):
            if _header_row(rows):
                # "Recommendation | Force response | Status" over long cells read as
                # paragraphs: only the findings' column name stays, as the label over them;
                # the other names were read as the first finding.
                self.out.append(" ".join(rows[0][0].text.split()))
                rows = rows[1:]
            for cells in rows:
                for cell in cells:
                    self.walk(cell._tc)
            return
        for cells in rows:
            self.out.append("\t".join(" ".join(cell.text.split()) for cell in cells))
        self.out.append("")


def _marker(fmt: str, count: int) -> str:
    """The marker of the count-th item of a list numbered in Word's format fmt."""
    if fmt == "decimal":
        return f"{count}."
    if fmt == "lowerLetter" and count <= 26:
        return f"{chr(96 + count)})"
    if fmt == "lowerRoman" and count <= 10:
        return f"({_ROMAN[count - 1]})"
    return "-"


def _distinct_cells(row) -> list:
    """A row's cells, a cell merged across columns once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(cell)
    return cells


def _header_row(rows: list[list]) -> bool:
    """A first row of column names (short, no colon) over rows of as many cells."""
    names = [" ".join(cell.text.split()) for cell in rows[0]]
    return (
        len(rows) >= 2
        and len(names) >= 2
        and all(name and len(name.split()) <= 5 and not name.endswith(":") for name in names)
        and all(len(cells) == len(names) for cells in rows[1:])
    )


def _is_layout_table(rows: list[list]) -> bool:
    """A table used for layout (a response template: labels ending ':' beside their text,
    cells of several paragraphs or long text, nested tables, single-cell rows) rather than a
    small data table: its cells are read as paragraphs."""
    if any(len(cells) == 1 for cells in rows):
        return True
    for cells in rows:
        for position, cell in enumerate(cells):
            filled = [p for p in cell.paragraphs if p.text.strip()]
            if len(filled) > 1 or len(cell.text) > 200 or cell.tables:
                return True
            if position == 0 and cell.text.strip().endswith(":"):
                return True
    return False


def check_docx_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a .docx that would expand too far, from its central directory alone (nothing is
    decompressed): too many parts, too many bytes in all, or a part compressed like a bomb."""
    parts = archive.infolist()
    if len(parts) > MAX_DOCX_PARTS:
        raise ReportError(
            f"This .docx holds {len(parts):,} parts; a Word document has a few dozen (a real "
            f"report with its images at most a few hundred) and the reader opens at most "
            f"{MAX_DOCX_PARTS:,}, so it was not read."
        )
    declared = sum(part.file_size for part in parts)
    if declared > MAX_DOCX_UNCOMPRESSED_BYTES:
        raise ReportError(_expands_too_far(f"{declared / MB:,.0f} MB"))
    for part in parts:
        if part.file_size > RATIO_CHECKED_FROM_BYTES and part.file_size > MAX_DOCX_RATIO * max(
            part.compress_size, 1
        ):
            ratio = part.file_size / max(part.compress_size, 1)
            raise ReportError(
                f"A part of this .docx ({part.filename}) is compressed {ratio:,.0f} to 1: it "
                f"would expand from {part.compress_size / 1024:,.0f} KB to "
                f"{part.file_size / MB:,.0f} MB when opened. Word's parts shrink at most about "
                f"35 times and the reader opens none shrunk more than {MAX_DOCX_RATIO} times, "
                "so it was not read (a file built to exhaust memory looks like this)."
            )


def check_docx_parts(archive: zipfile.ZipFile) -> None:
    """Decompress every part in chunks, counting, and stop past the limit: the sizes in the
    central directory are the sender's word, and a part may expand further than it says."""
    total = 0
    for part in archive.infolist():
        expanded = 0
        misled = ReportError(
            f"A part of this .docx ({part.filename}) does not expand to the size its archive "
            "says; the file is damaged or was built to mislead, so it was not read."
        )
        try:
            with archive.open(part) as stream:
                while chunk := stream.read(MB):
                    expanded += len(chunk)
                    total += len(chunk)
                    if total > MAX_DOCX_UNCOMPRESSED_BYTES:
                        raise ReportError(
                            _expands_too_far(f"more than {MAX_DOCX_UNCOMPRESSED_BYTES // MB} MB")
                        )
                    if expanded > part.file_size:
                        raise misled
        except zipfile.BadZipFile as error:
            # zipfile stops at the declared size, then finds the checksum wrong.
            raise misled from error


def _expands_too_far(how_far: str) -> str:
    return (
        f"This .docx would expand to {how_far} of text and markup when opened; the reader "
        f"opens at most {MAX_DOCX_UNCOMPRESSED_BYTES // MB} MB (a real report is a few MB), "
        "so it was not read."
    )


def merge_rows(lines: list[str]) -> list[str]:
    """Table rows must stay on consecutive lines; everything else is a paragraph."""
    merged: list[str] = []
    for line in lines:
        if merged and "\t" in line and "\t" in merged[-1]:
            merged[-1] += "\n" + line
        elif line:
            merged.append(line)
    return merged


class _Styles:
    """Style look-ups made once per style. python-docx finds a paragraph's or a run's style by
    scanning every style of the document on each call (about 6 ms a paragraph on a document
    with Word's usual few hundred styles: a long report took minutes), so the styles and their
    boldness are kept here by style id for the one document being read."""

    def __init__(self, document) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self._part = document.part
        self._paragraph_type = WD_STYLE_TYPE.PARAGRAPH
        self._character_type = WD_STYLE_TYPE.CHARACTER
        self._styles: dict[tuple, object] = {}
        self._bold: dict[tuple, bool] = {}

    def _style(self, style_id: str | None, style_type):
        key = (style_id, style_type)
        if key not in self._styles:
            self._styles[key] = self._part.get_style(style_id, style_type)
        return self._styles[key]

    def of_paragraph(self, paragraph):
        return self._style(paragraph._p.style, self._paragraph_type)

    def _style_bold(self, style_id: str | None, style_type) -> bool:
        key = (style_id, style_type)
        if key not in self._bold:
            style = self._style(style_id, style_type)
            self._bold[key] = bool(style is not None and style.font.bold)
        return self._bold[key]

    def bold(self, run, paragraph) -> bool:
        """Whether a run shows in bold: its own setting, else its character style's, else its
        paragraph style's."""
        if run.bold is not None:
            return bool(run.bold)
        if self._style_bold(run._r.style, self._character_type):
            return True
        return self._style_bold(paragraph._p.style, self._paragraph_type)


def _numbering_formats(document, qn) -> dict[tuple[str, int], str]:
    """(numId, level) → number format ('decimal', 'bullet', 'lowerLetter' …) from the
    document's numbering definitions; empty when it has none or they cannot be read."""
    try:
        root = document.part.numbering_part.element
    except (AttributeError, KeyError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            try:
                levels[int(lvl.get(qn("w:ilvl")))] = fmt.get(qn("w:val")) if fmt is not None else ""
            except (TypeError, ValueError):
                continue
        abstract[node.get(qn("w:abstractNumId"))] = levels
    formats = {}
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(qn("w:val")), {}).items():
            formats[(num.get(qn("w:numId")), level)] = fmt
    return formats
