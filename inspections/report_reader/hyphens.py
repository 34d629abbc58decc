"""A word broken at a line's end with a hyphen, as text taken from a PDF has it ("anti-" /
"social behaviour", "dispro-" / "portionality"). Joined as wrapped lines are, with a space,
it read "anti- social behaviour": an area's name no longer matched its era's, and a finding's
words no longer matched the report's. The word is moved up whole onto the line before (line
numbers kept). Whether the hyphen stays is read from the document: it goes when the document
writes the word elsewhere without it ("disproportionality"), and stays otherwise: the
inspectorate's reports are set ragged-right, so a hyphen at a line's end is most often the
word's own ("non-emergency", "anti-social")."""

from __future__ import annotations

import re
from collections import Counter

_BROKEN_RE = re.compile(r"(?P<head>[A-Za-z]{2,})-$")
_TAIL_RE = re.compile(r"^(?P<indent>\s*)(?P<tail>[a-z]+)(?P<after>[.,;:)’'!?]*)(?:\s+|$)")
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def join_hyphens(text: str) -> str:
    lines = text.split("\n")
    words = Counter(word.lower() for line in lines for word in _WORD_RE.findall(line.rstrip("-")))
    for index in range(len(lines) - 1):
        broken = _BROKEN_RE.search(lines[index].rstrip())
        if not broken:
            continue
        tail = _TAIL_RE.match(lines[index + 1])
        if not tail:
            continue
        head, rest = broken.group("head"), tail.group("tail")
        if rest in ("and", "or", "to"):
            continue  # a hyphen left hanging: "pre- and post-charge"
        joined = f"{head}{rest}"
        keep = words[f"{head}-{rest}".lower()] or not words[joined.lower()]
        word = f"{head}-{rest}" if keep else joined
        line = lines[index].rstrip()
        lines[index] = f"{line[: -len(head) - 1]}{word}{tail.group('after')}"
        lines[index + 1] = tail.group("indent") + lines[index + 1][tail.end() :]
    return "\n".join(lines)
