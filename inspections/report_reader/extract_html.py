"""A web page saved from the inspectorate's site → text: the main content, h1–h6, paragraphs,
lists, tables; navigation, scripts and footers dropped."""

from __future__ import annotations

import re

from inspections.report_reader.extract_docx import merge_rows
from inspections.report_reader.grade_matrix import is_scale, matrix_rows
from inspections.report_reader.model import ReportError

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


# Strings in a page that are not its text.
_NOT_TEXT = ("Comment", "Doctype", "Declaration", "CData")


def html_to_text(html: str) -> str:
    try:
        from bs4 import BeautifulSoup
    except ImportError as error:  # pragma: no cover - a dependency of the project
        raise ReportError("Web page support is not installed (beautifulsoup4).") from error
    page = _PageText()
    page.walk(_main_content(BeautifulSoup(html, "html.parser")))
    page.flush()
    text = "\n\n".join(merge_rows(page.out)) + "\n"
    if not text.strip():
        raise ReportError("This web page has no text in its main content.")
    return text


def _main_content(soup):
    """The page's main content, with navigation, scripts, forms and hidden parts dropped."""
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    # Cookie banners and breadcrumbs by any class, id or label that names them, in any case:
    # sites name them their own way (".govuk-cookie-banner", "#cookie-consent", ".breadcrumb").
    # A banner's own heading ("Cookies on hmicfrs.justiceinspectorates.gov.uk") was read as the
    # page's title, and a breadcrumb trail, an ordered list on many sites, as numbered findings.
    for tag in soup.select(
        '[role="navigation"], [aria-hidden="true"], [class*="breadcrumb" i], '
        '[id*="breadcrumb" i], [aria-label*="breadcrumb" i], [class*="cookie" i], '
        '[id*="cookie" i], [aria-label*="cookie" i]'
    ):
        if tag.decomposed:
            continue  # inside a banner or menu already dropped ("#cookie-inner" in ".cookie")
        if tag.name in ("body", "html", "main", "article"):
            continue  # a page whose body or main content carries a cookie class: keep it
        if tag.get("aria-hidden") == "true" and _holds_sentences(tag):
            continue  # a collapsed accordion's panel: the text, hidden until opened
        tag.decompose()
    return (
        soup.find("main")
        or soup.find(attrs={"role": "main"})
        or soup.find("article")
        or soup.body
        or soup
    )


def _text_of(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def _cell_lines(cell) -> list[str]:
    """A table cell's lines: each paragraph, list item or line ended by <br> its own (a grade
    matrix lists a grade's areas so in one cell)."""
    from bs4 import NavigableString

    lines, current = [], []
    for node in cell.descendants:
        if type(node) is NavigableString:
            current.append(str(node))
        elif node.name in ("br", "p", "li", "div"):
            lines.append(" ".join("".join(current).split()))
            current = []
    lines.append(" ".join("".join(current).split()))
    return [line for line in lines if line]


def _is_all_bold(tag) -> bool:
    strong = " ".join(_text_of(b) for b in tag.find_all(["strong", "b"]))
    whole = _text_of(tag)
    return bool(whole) and " ".join(strong.split()) == whole


def _item_text(item) -> tuple[str, list]:
    """A list item's own text, and the lists nested in it."""
    from bs4 import NavigableString, Tag

    own: list[str] = []
    nested = []
    for child in item.children:
        if isinstance(child, Tag) and child.name in ("ul", "ol"):
            nested.append(child)
        elif isinstance(child, Tag):
            own.append(_text_of(child))
        elif isinstance(child, NavigableString):
            own.append(str(child))
    return " ".join(" ".join(own).split()), nested


class _PageText:
    """The text of a page's main content, element by element: `out` holds its lines, `inline`
    the loose text and inline elements read since the last block element."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.inline: list[str] = []

    def flush(self) -> None:
        text = " ".join(" ".join(self.inline).split())
        self.inline.clear()
        if text:
            self.out.append(text)

    def walk(self, node) -> None:
        from bs4 import NavigableString, Tag

        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ not in _NOT_TEXT:
                    self.inline.append(str(child))
            elif isinstance(child, Tag):
                self._element(child)

    def _element(self, tag) -> None:
        name = tag.name
        if re.fullmatch(r"h[1-6]", name):
            self.flush()
            text = _text_of(tag)
            if text:
                self.out.append("#" * int(name[1]) + " " + text)
        elif name in ("p", "dt", "dd", "li", "caption"):
            self.flush()
            text = _text_of(tag)
            if text:
                self.out.append(f"**{text}**" if _is_all_bold(tag) else text)
        elif name in ("ul", "ol"):
            self.flush()
            self._list(tag, 0)
        elif name == "table":
            self.flush()
            self._table(tag)
        elif name == "br":
            self.flush()
        elif name in _BLOCK_TAGS or name == "dl":
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.inline.append(tag.get_text(" "))

    def _list(self, tag, depth: int) -> None:
        ordered = tag.name == "ol"
        number = int(tag.get("start", 1) or 1) if ordered else 0
        for item in tag.find_all("li", recursive=False):
            text, nested = _item_text(item)
            if text:
                marker = f"{number}." if ordered else "-"
                self.out.append(f"{'  ' * depth}{marker} {text}")
            number += 1
            for child in nested:
                self._list(child, depth + 1)

    def _table(self, tag) -> None:
        rows = tag.find_all("tr")
        cells = [row.find_all(["td", "th"], recursive=False) for row in rows]
        if cells and is_scale([_text_of(cell) for cell in cells[0]]):
            lines = [[_cell_lines(cell) for cell in row] for row in cells]
            self.out.extend([*(matrix_rows(lines) or []), ""])
            return
        if rows and all(_is_field_row(row) for row in rows):
            # A table of fields, a label cell heading each row ("Date of publication" |
            # "27 March 2014"): "Label: value" lines, as a page in text would write them, so
            # its date is read as the date and its rows are not taken for the text above.
            for row in rows:
                label, value = row.find_all(["th", "td"], recursive=False)
                self.out.append(f"{_text_of(label).rstrip(':')}: {_text_of(value)}")
            self.out.append("")
            return
        # Long cells are read as paragraphs (a layout table), unless a header row names the
        # columns ("No. | Recommendation | For | By"): a data table, one finding a row, whose
        # cells read one after another ran all its recommendations into one.
        long_cells = not _headed(rows) and any(
            len(_text_of(cell)) > 200 for cell in tag.find_all(["td", "th"])
        )
        for row in rows:
            cells = row.find_all(["td", "th"], recursive=False)
            if long_cells:
                for cell in cells:
                    self.walk(cell)
                    self.flush()
            else:
                self.out.append("\t".join(_text_of(cell) for cell in cells))
        self.out.append("")


def _is_field_row(row) -> bool:
    cells = row.find_all(["th", "td"], recursive=False)
    return (
        len(cells) == 2
        and cells[0].name == "th"
        and cells[1].name == "td"
        and len(_text_of(cells[0]).split()) <= 5
    )


def _headed(rows: list) -> bool:
    """A first row of column names (header cells, a few words each) over rows of as many
    cells."""
    first = rows[0].find_all(["th", "td"], recursive=False) if rows else []
    return (
        len(rows) >= 2
        and len(first) >= 2
        and all(cell.name == "th" and 0 < len(_text_of(cell).split()) <= 5 for cell in first)
        and all(len(row.find_all(["th", "td"], recursive=False)) == len(first) for row in rows[1:])
    )


def _holds_sentences(tag) -> bool:
    """Paragraphs of text (not an icon, a menu or a screen reader's duplicate): a paragraph of
    eight words or more."""
    return any(len(_text_of(p).split()) >= 8 for p in tag.find_all("p"))
