"""Causes of concern a letter or page states without its label: what the inspection found
("Our inspection found:" over a quoted paragraph, "In our inspection we found that:" under
the cause's heading, "we said that investigations were not always …" before "We recommended
that the force should:"), a cause quoted after the sentence announcing it, and the shortcoming
stated just before a cause-of-concern page's first recommendation. Mixed into the parser
beside LeadInPass; each cause leads the recommendations after it."""

from __future__ import annotations

import re

from inspections.report_reader import announcements, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.announcements import announced_kind
from inspections.report_reader.blocks import PARA
from inspections.report_reader.leadins import last_sentence

_FOUND_COLON_RE = re.compile(
    r"(?i)(?:\b(?:our|the|this|that|its)\s+(?:[\w-]+\s+){0,3}(?:inspection|review|revisit|report)"
    r"|\bwe|\binspectors)\s+(?:also\s+)?(?:found|said|stated|wrote|concluded)(?:\s+that)?\s*:\s*$"
)
_FOUND_THAT_RE = re.compile(
    r"(?i:\bwe\s+found\s+that\s+)(?P<clause>(?:(?i:the\s+(?:force|constabulary))"
    r"|(?:[A-Z][\w'-]+\s+){1,3}(?:Police|Constabulary))\s+"
    r"(?i:was|were|is|had|did|has|does|wasn't|didn't|hadn't|isn't|hasn't)\b.+)$",
    re.DOTALL,
)
# "In our inspection we found that: The force doesn't …", "we said that investigations were
# not always …": under a cause of concern's heading, what was found, whoever its subject.
_WE_FOUND_THAT_RE = re.compile(
    r"(?i)\b(?:we|our\s+(?:\w+\s+)?inspection|the\s+inspection|inspectors)\s+(?:also\s+)?"
    r"(?:found|said|concluded|reported)\s+that\s*:?\s*(?P<clause>\S.{20,}?)\s*$",
    re.DOTALL,
)
_CAUSE_THEN_LEADIN_RE = re.compile(
    r"(?is)^causes?\s+of\s+concern\s*(?:\d{1,2}\s*)?[:–—-]\s*(?P<cause>\S.{20,}?[.!?])\s+"
    r"(?:recommendations?\s*[:–—-]\s*)?(?P<leadin>(?:to\s+address\s+th\w+\s+causes?\s+of\s+"
    r"concern,?\s+)?(?:hmic\w*|we|i|hm\s+inspectors?)\s+(?:therefore\s+)?recommends?\s+that\b"
    r"[^:]*:)\s*$"
)
# "we said that the force's investigations were not always …" up to the sentence's end.
_SAID_THAT_RE = re.compile(
    r"(?i:\bwe\s+(?:said|found|reported|concluded)\s+that\s+)(?P<clause>(?:(?i:the\s+(?:force|"
    r"constabulary))|(?:[A-Z][\w'-]+\s+){1,3}(?:Police|Constabulary))(?:['’]s(?:\s+[\w-]+){1,3})?"
    r"\s+(?i:was|were|is|are|had|did|has|have|does|do|wasn't|weren't|didn't|hadn't|isn't|"
    r"hasn't)\b[^:]+?[.!?])"
)
# A sentence stating what the force fails to do: "Exampleshire Police doesn't always …", "The
# force isn't effectively identifying …".
_SHORTCOMING_RE = re.compile(
    r"^(?:the\s+(?:force|constabulary)|(?:[A-Z][\w'-]+\s+){1,3}(?:Police|Constabulary))\s+"
    r"(?:(?:still|currently)\s+)?(?:doesn't|does\s+not|isn't|is\s+not|hasn't|has\s+not|can't|cannot"
    r"|fails?\s+to|didn't|did\s+not|wasn't|was\s+not|lacks)\b",
    re.IGNORECASE,
)
_CAUSE_WORDS_RE = re.compile(r"(?i)\bcauses?\s+of\s+concern\b")


class RestatedCausesPass:
    """Causes of concern stated without their label: mixed into the parser."""

    def _found_cause(self, text: str, level: int) -> bool:
        """The cause of concern a letter restates as what the inspection found (see above):
        the quoted paragraph after "Our inspection found:" when the letter is about a cause of
        concern, or the clause after "we found that the force …" when the cause of concern
        is named there or in the recommendations' lead-in just after it."""
        following = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        if following is None:
            return False
        around = " ".join([*self.recent_paragraphs[-2:], text, self.segments[self.report].title])
        if (
            _FOUND_COLON_RE.search(last_sentence(text))
            and following.kind == PARA
            and (_CAUSE_WORDS_RE.search(around) or self._under_cause_heading())
        ) or (
            # "The report identified one cause of concern:" and the quoted paragraph (a PCC
            # response quoting the report).
            text.rstrip().endswith(":")
            and announced_kind(last_sentence(text)) == model.CAUSE_OF_CONCERN
            and following.kind == PARA
            and following.text.lstrip().startswith(("“", '"', "‘"))
        ):
            self.quoted_cause = self.index + 1
            return True
        if self._said_then_recommended(text, level, around):
            return True
        if self._cause_run_into_leadin(text, level):
            return True
        restated = _WE_FOUND_THAT_RE.search(text) if self._under_cause_heading() else None
        if restated:
            # Under "Cause of concern 2: protecting children", "In our inspection we found
            # that: The force doesn't consistently identify …": what was found is the cause.
            clause = restated.group("clause").strip()
            self._add_cause(clause[:1].upper() + clause[1:], level)
            return True
        found = _FOUND_THAT_RE.search(text)
        if (
            found
            and _CAUSE_WORDS_RE.search(f"{text} {following.text}")
            and (
                announcements.RECOMMENDED_THAT_RE.search(following.text)
                or announced_kind(last_sentence(following.text)) == model.RECOMMENDATION
            )
        ):
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", found.group("clause").strip())
            # "… This was a cause of concern." says what it was, it is not part of it.
            kept = [sentences[0], *(x for x in sentences[1:] if not _CAUSE_WORDS_RE.search(x))]
            clause = " ".join(kept)
            self._add_cause(clause[:1].upper() + clause[1:], level)
            return True
        return False

    def _cause_run_into_leadin(self, text: str, level: int) -> bool:
        """ "Cause of concern: X Police does not … Recommendations: To address this cause of
        concern, HMIC recommends that the force should immediately:" (a PDF's box, in one
        paragraph or line): the cause, then its recommendations' list."""
        run_in = _CAUSE_THEN_LEADIN_RE.match(text.strip())
        if not run_in:
            return False
        self._add_cause(run_in.group("cause"), level)
        self._leadin_para(run_in.group("leadin"), level)
        return True

    def _said_then_recommended(self, text: str, level: int, around: str) -> bool:
        """One paragraph restating a cause of concern and leading into its recommendations:
        "In our report, we said that the force's investigations were not always effective …
        We recommended that the force should:" (a revisit letter, under the cause's heading
        or naming it): the cause, then the list."""
        said = _SAID_THAT_RE.search(text) or (
            _WE_FOUND_THAT_RE.search(text) if self._under_cause_heading() else None
        )
        recommended = announcements.RECOMMENDED_THAT_RE.search(text)
        if not (
            said
            and recommended
            and recommended.start() > said.start("clause")
            and text.rstrip().endswith(":")
            and (self._under_cause_heading() or _CAUSE_WORDS_RE.search(around))
        ):
            return False
        clause = text[said.start("clause") : recommended.start()].strip()
        self._add_cause(clause[:1].upper() + clause[1:], level)
        self._leadin_para(text[recommended.start() :], level)
        return True

    def _cause_stated_before(self, level: int) -> None:
        """On a cause-of-concern page, the paragraph just before its first recommendation,
        stating a shortcoming of the force ("Exampleshire Police doesn't always carry out
        effective investigations …"), is the cause the recommendations address."""
        previous = self.blocks[self.index - 1] if self.index > 0 else None
        if (
            previous is None
            or previous.kind != PARA
            or not _CAUSE_WORDS_RE.search(self.segments[self.report].title)
            or any(
                f.kind == model.CAUSE_OF_CONCERN and f.report == self.report for f in self.findings
            )
            or not _SHORTCOMING_RE.match(previous.text.strip())
        ):
            return
        self._add_cause(previous.text, level)
        self.findings[-1].lines = (previous.line, previous.end or previous.line)

    def _under_cause_heading(self) -> bool:
        """Under a heading naming one cause of concern ("Cause of concern 1: responding to the
        public") and before its text: a revisit letter quotes the cause there ("In our report,
        we said:") and its recommendations after it, which are read as on their own."""
        ctx = self.ctx
        return bool(
            ctx and ctx.kind == model.CAUSE_OF_CONCERN and ctx.single and self.current is None
        )

    def _add_cause(self, text: str, level: int) -> None:
        self._flush_narrative()
        label = vocab.Label(kind=model.CAUSE_OF_CONCERN, plural=False, word="Cause of concern")
        self._open_context(label, level)
        assert self.ctx is not None
        self.ctx.confidence = 0.8
        self._start_finding(text.strip().strip("\"“”'‘’ "), style="para")
        self._close_context()  # its recommendations follow, linked to it (findings.py)
