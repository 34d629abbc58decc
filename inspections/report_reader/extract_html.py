"""A web page saved from the inspectorate's site → text: the main content, h1–h6, paragraphs,
lists, tables; navigation, scripts and footers dropped."""

from __future__ import annotations

import re

from inspections.report_reader.extract_docx import merge_rows
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
    text = "\n\n".join(merge_rows(out)) + "\n"
    if not text.strip():
        raise ReportError("This web page has no text in its main content.")
    return text
