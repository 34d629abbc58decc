"""An answer written under a quoted finding: a PCC response, an OPCC's Word document or a
committee paper quotes each recommendation or area for improvement of a report, numbered, and
answers it in a paragraph of its own that opens with what it is ("Response:", "Progress:",
"Force response –", "PCC comment:", "Update:").

Read as text after a numbered item, that paragraph ended the list, so only the first finding
of each list was proposed. It belongs with the finding above it (its explanation, which the
response import reads as the body's answer); the list goes on after it.
"""

from __future__ import annotations

import re

_ANSWER_RE = re.compile(
    r"^(?:(?:the\s+)?(?:force|constabulary|chief\s+constable|pcc|opcc|pfcc|commissioner)['’]?s?\s+)?"
    r"(?:response|progress|update|comments?|action(?:s\s+taken)?|position|status)"
    r"(?:\s+(?:update|to\s+date))?\s*[:–—-]\s*\S",
    re.IGNORECASE,
)


def is_answer(text: str) -> bool:
    """A paragraph that answers the finding above it, by the label it opens with."""
    return bool(_ANSWER_RE.match(text.strip().strip("*_ ")))
