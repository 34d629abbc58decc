"""Reading a list's sortable column headings (recommendations.sorting) off a rendered page."""

import re
from html import unescape
from urllib.parse import parse_qsl

HEADING = re.compile(
    r'<th scope="col" class="govuk-table__header app-sortable"(?: aria-sort="(\w+)")?>'
    r'<a class="govuk-link app-sort-link" href="([^"]*)">([^<]+)'
    r'<span class="govuk-visually-hidden"> – sort by: ([^<]*)</span>'
)


def headings(response, *, raw: bool = False) -> dict[str, tuple[str | None, dict | str, str]]:
    """Each sortable heading by its label: (its aria-sort, its link's query as a dict, or as
    written if `raw`, and what a click does)."""
    found = {}
    for aria, href, label, action in HEADING.findall(response.content.decode()):
        query = unescape(href).removeprefix("?")
        found[label] = (aria or None, query if raw else dict(parse_qsl(query)), unescape(action))
    return found
