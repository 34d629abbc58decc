"""A word hyphenated at a line's end in text pasted from a PDF ("all rape investi-" / "gations
are reviewed"): the lines were joined with a space, so the finding read "investi- gations".
The PDF extractor (extract_pdf.py) joins such a word for a PDF it reads itself; text already
extracted elsewhere gets the same here. The word's end is moved up onto the line it starts on,
keeping its hyphen as extract_pdf does (the text cannot tell "investi-gations" from
"non-emergency"); every line keeps its number.
"""

from __future__ import annotations

import re

_BROKEN_RE = re.compile(r"[a-z]-$")
_REST_RE = re.compile(r"^(\s*)([a-z][\w’'-]*[,;:.]?)(?:\s+|$)")


def join_hyphenated(out: list[str]) -> None:
    for index in range(len(out) - 1):
        line = out[index].rstrip()
        if not _BROKEN_RE.search(line):
            continue
        match = _REST_RE.match(out[index + 1])
        # not when the word is all the next line holds: a blank line would end the paragraph
        if match and out[index + 1][match.end() :].strip():
            out[index] = line + match.group(2)
            out[index + 1] = match.group(1) + out[index + 1][match.end() :]
