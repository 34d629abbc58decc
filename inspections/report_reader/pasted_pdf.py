"""Text extracted from a PDF elsewhere (pasted, or saved by pdfminer) keeps what the reader's
own PDF extractor (extract_pdf.py) cleans up; the same is done here, every line keeping its
number:
- a word hyphenated at a line's end ("all rape investi-" / "gations are reviewed") was read
  "investi- gations": the word's end is moved up onto the line it starts on, keeping its
  hyphen as extract_pdf does (the text cannot tell "investi-gations" from "non-emergency");
- a bullet set in the Symbol font comes out as a private-use character ("\uf0b7 Forces should
  …"), not read as a bullet, so a list of areas for improvement was one with its lead-in: it
  becomes "•", a bullet the reader knows.
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


_SYMBOL_BULLET_RE = re.compile(r"^(\s*)[\uf0b7\uf0a7\uf076\uf0d8](?=\s*\S)")


def symbol_bullets(out: list[str]) -> None:
    for index, line in enumerate(out):
        if _SYMBOL_BULLET_RE.match(line):
            out[index] = _SYMBOL_BULLET_RE.sub(lambda m: m.group(1) + "• ", line, count=1)
