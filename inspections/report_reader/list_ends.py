"""Where a numbered list of findings ends, and where it does not.

- An answer written under a quoted finding does not end it: a PCC response, an OPCC's Word
  document or a committee paper quotes each recommendation or area for improvement of a
  report, numbered, and answers it in a paragraph of its own that opens with what it is
  ("Response:", "Progress:", "Force response –", "PCC comment:", "Update:"). Read as text
  after a numbered item, that paragraph ended the list, so only the first finding of each
  list was proposed. It belongs with the finding above it (its explanation, which the
  response import reads as the body's answer); the list goes on after it.
- A numbered section heading does end it: "1. Introduction" after the eighth recommendation
  of a report's summary was read as a ninth ("HM Prison and Probation Service should
  introduction."), and "4. Investigation and outcomes" after an area for improvement under
  its own label ran on into it with the chapter's first paragraph. It is a heading: a few
  words, capitalised, no full stop and no modal verb.
"""

from __future__ import annotations

import re

from inspections.report_reader import directives, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import Block

_ANSWER_RE = re.compile(
    r"^(?:(?:the\s+)?(?:force|constabulary|chief\s+constable|pcc|opcc|pfcc|commissioner)['’]?s?\s+)?"
    r"(?:response|progress|update|comments?|action(?:s\s+taken)?|position|status)"
    r"(?:\s+(?:update|to\s+date))?\s*[:–—-]\s*\S",
    re.IGNORECASE,
)


def is_answer(text: str) -> bool:
    """A paragraph that answers the finding above it, by the label it opens with."""
    return bool(_ANSWER_RE.match(text.strip().strip("*_ ")))


def numbered_heading(block: Block, ctx, current: model.ParsedFinding | None) -> bool:
    """A numbered item that is a section heading after a finding (see above): its number
    starts again rather than carrying on the list's, or the finding above was not an item of
    a list at all (under its own label, "Area for improvement 2") and ended its sentence."""
    if current is None or not block.number.isdigit():
        return False
    text = block.text.strip()
    heading = (
        len(vocab.words(text)) <= 8
        and text[:1].isupper()
        and not text.endswith((".", ";", ":", ","))
        and not re.search(rf"(?i)\b{directives.MODAL}\b", text)
    )
    last = re.search(r"(\d+)$", current.reference)
    restarts = bool(last) and int(block.number) <= int(last.group(1))
    after_label = ctx.style != "item" and current.text.rstrip().endswith(".")
    return heading and (restarts or after_label)
