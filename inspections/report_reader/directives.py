"""Directive sentences: a finding tells someone to act ("The force should …", "By March 2022,
chief constables must …"); a judgment or an explanation does not. Modal verbs, the subject
before them, and the headline/sentence shapes the block and findings passes ask about."""

from __future__ import annotations

import re

from inspections.report_reader.vocabulary import words

MODAL = (
    r"(?:should|must|needs?\s+to|is\s+to|are\s+to|will\s+need\s+to|ought\s+to|has\s+to|have\s+to)"
)
# "The force should …", "Forces should …", "The Home Office, the NPCC and the College of
# Policing should …", "By July 2021, forces should …", "Within three months, the force should:".
# The subject before the modal may not itself hold a verb: "The force has a good culture, but
# it needs to …" is a finding's explanation, not a directive.
DIRECTIVE_RE = re.compile(  # after a report's paragraph number ("2.1 By 31 May 2025, …") too
    r"^(?:\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+)?"
    r"(?:(?:by|before|within|no\s+later\s+than|from|immediately)\b[^,.]{0,60},\s*)?"
    r"(?:we\s+recommend\s+(?:that\s*,?\s*)?(?:(?:by|before|within)\b[^,.]{0,60},\s*)?)?"
    rf"(?P<subject>[^.;:!?]{{1,160}}?)\s+{MODAL}\b",
    re.IGNORECASE,
)
_SUBJECT_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|but|which|who|whom|that|found|find|can|could|would|does|do"
    r"|did|if|when|while|because|although|so|we|i|it|this|these|there\s+is|there\s+are)\b",
    re.IGNORECASE,
)
SUBJECT_START_RE = re.compile(
    r"^(?:the\s+(?:force|constabulary|service|forces)\b|forces\b|all\s+forces\b"
    r"|(?:the\s+)?chief\s+(?:constables?|officers?)\b"
    r"|(?:[A-Z][\w'&-]*\s+){1,5}(?:Constabulary|Police|Police\s+Service)\b)",
    re.IGNORECASE,
)
_SENTENCE_VERBS = re.compile(
    r"\b(?:is|are|was|were|has|have|had|should|must|needs?|will|would|can|could|does|do|did|may"
    r"|might|shall|isn't|aren't|doesn't|don't|hasn't|haven't|wasn't|provides?|makes?|uses?"
    r"|works?|takes?|understands?|manages?|continues?|requires?)\b",
    re.IGNORECASE,
)
_NO_ACTION_RE = re.compile(
    r"(?i)\s+(?:(?:not\s+)?have\s+(?:been|done|had|made|known|seen|taken|given|[a-z]+ed)\b"
    r"|be\s+(?:commended|congratulated|praised|proud|pleased|reassured|recogni[sz]ed|credited)\b)"
)


def is_directive(text: str) -> bool:
    """A sentence telling someone to act ('The force should …'), not judging what was done."""
    head = text.strip().strip("*").strip()
    match = DIRECTIVE_RE.match(head)
    if not match:
        return bool(re.match(r"(?i)^we\s+recommend\b", head))
    subject, after = match.group("subject"), head[match.end() :]
    return len(words(subject)) <= 18 and not (
        _SUBJECT_VERBS.search(subject) or _NO_ACTION_RE.match(after)
    )


_DIRECTIVE_CLAUSE_RE = re.compile(
    r"(?i)^[^.;:]{0,80}?\b(?:the\s+(?:force|constabulary)|forces|chief\s+constables?)\s+"
    r"(?:should|must)\b"
)


def has_directive_clause(text: str) -> bool:
    """A directive, or a sentence whose main clause is one: 'To address this cause of
    concern, the force should immediately …'."""
    return is_directive(text) or bool(_DIRECTIVE_CLAUSE_RE.match(text.strip()))


def is_sentence_like(text: str) -> bool:
    return bool(_SENTENCE_VERBS.search(text))


def is_headline_like(text: str) -> bool:
    """A heading that states a finding ('The force is reducing reoffending through …'), as
    opposed to a section title ('Stop and search')."""
    text = text.strip().strip("*").strip()
    count = len(words(text))
    if is_directive(text) or (SUBJECT_START_RE.match(text) and count >= 4):
        return True
    return count >= 8 or (count >= 5 and is_sentence_like(text))
