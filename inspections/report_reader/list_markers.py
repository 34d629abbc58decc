"""The marks that make a line a list item or a table row: bullets and numbering ("•", "1.",
"(a)", "ii)"), sub-item markers, and a Markdown table's cells."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspections.report_reader.blocks import Block

BULLET_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-–•·*▪◦●■□➢►✓§o]|\(?(?P<num>\d{1,2})[.)]"
    r"|\(?(?P<alpha>[a-z])[.)]|\((?P<paren>[ivx]{1,4}|[a-z]|\d{1,2})\)|(?P<roman>[ivx]{1,4})[.)])\s+(?P<text>\S.*)$"
)
SUB_MARKERS = ("o", "◦", "▪", "■", "□", "§")


def pipe_cells(stripped: str) -> list[str] | None:
    """The cells of a Markdown table row; None for the row of dashes under its header."""
    cells = [cell.strip() for cell in stripped.strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells if cell):
        return None
    return cells


def bullet(line: str, stripped: str) -> re.Match | None:
    """The list marker opening a line, if it is one."""
    match = BULLET_RE.match(line.expandtabs(4))
    if match and match.group("marker") == "o" and not match.group("indent"):
        return None  # a sentence starting "o " is rare; an unindented "o" is not a bullet
    if match and match.group("marker") == "*" and stripped.startswith("**"):
        return None
    return match


def item_number(bullet: re.Match) -> str:
    """An item's numbering ("1", "a", "ii"), "" for a bullet."""
    return (
        bullet.group("num")
        or bullet.group("alpha")
        or bullet.group("paren")
        or bullet.group("roman")
        or ""
    )


def is_sub_item(bullet: re.Match, previous: Block | None, depth: int) -> bool:
    """A lettered or roman item right under a numbered or bulleted one at the same depth."""
    return bool(
        (bullet.group("alpha") or bullet.group("roman") or bullet.group("paren"))
        and previous is not None
        and previous.level == depth
        and (previous.number.isdigit() or not previous.number)
    )
