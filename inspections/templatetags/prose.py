"""{{ text|prose }}: a report's plain text (a summary, a finding's full text) as GOV.UK HTML.
The documents write lists as lines starting "- "; shown raw they read as Markdown."""

import re

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

BULLET = re.compile(r"^\s*[-•]\s+")


@register.filter
def prose(text: str | None) -> SafeString:
    """Paragraphs (separated by a blank line) as <p>, line breaks inside one kept as <br>, and
    each run of lines starting "- " (or "• ") as a bulleted <ul>; an indented line under a
    bullet continues it. Every text is escaped: what the documents hold is never markup."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", str(text or "").strip()):
        if paragraph.strip():
            blocks.extend(_blocks(paragraph.splitlines()))
    return mark_safe("".join(blocks))  # every text went through format_html or escape


def _blocks(lines: list[str]) -> list[str]:
    """One paragraph's lines as HTML blocks: text lines into a <p>, bullets into a <ul>."""
    blocks: list[str] = []
    kind, items = "", []  # the block being built: "p" (its lines) or "ul" (its items)

    def flush() -> None:
        if kind == "p":
            # Each line is escaped before the breaks are put between them.
            lines_html = mark_safe("<br>".join(conditional_escape(line) for line in items))
            blocks.append(format_html('<p class="govuk-body">{}</p>', lines_html))
        elif kind == "ul":
            rows = format_html_join("", "<li>{}</li>", ((item,) for item in items))
            blocks.append(format_html('<ul class="govuk-list govuk-list--bullet">{}</ul>', rows))

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if BULLET.match(raw):
            if kind != "ul":
                flush()
                kind, items = "ul", []
            items.append(BULLET.sub("", raw).strip())
        elif kind == "ul" and raw[:1].isspace():
            items[-1] = f"{items[-1]} {line}"  # an indented continuation of the last bullet
        else:
            if kind != "p":
                flush()
                kind, items = "p", []
            items.append(line)
    flush()
    return blocks
