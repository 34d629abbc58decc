"""Lead-in pass: findings introduced by a sentence rather than a heading the vocabulary knows.

- "We made three recommendations in this report:", "HMIC recommends that the force should
  immediately:", "We identified three causes of concern, which were that the force:", "the
  text included a small number of broad 'Areas for Improvement' (AFIs) …:" — an announcement
  (someone made, identified or recommends findings) naming a kind of finding and ending in a
  colon. The list after it holds findings of that kind; the words after "that" ("the force
  should") start each one.
- "By March 2022, chief constables should:", "Within three months, Staffordshire Police should
  make sure that:" — a directive with a deadline: each item is a recommendation.
- "<HM Inspector's name> made three recommendations in this report:" followed by exactly three
  items, or "Recommendations from the March 2020 report." followed by items that each hold a
  modal verb ("There should be …", "Structures and funding should be put in place …"): the
  count announced, or the modal verbs, are the evidence.
- "Our inspection found:" and the quoted paragraph after it, or "we found that the force was
  …" before the recommendations, in a letter about a cause of concern: that cause of concern.
- The same announcement followed by the findings in the same paragraph (a PDF flattened into
  one paragraph): the rest is cut at each "The force should …".
- A finding quoted in running prose just after its label, in the same sentence: "one of the
  Areas for Improvement identified in the 2019 PEEL inspection that ‘the force should ensure
  …’ had been addressed". The quotation must tell someone to act; a label counted ("two
  national recommendations and one for chief constables; “…”") does not name it.

A sentence that only counts or describes findings ("The report makes two recommendations",
"These recommendations are designed to help forces … by:") announces nothing.
"""

from __future__ import annotations

import re

from inspections.report_reader import directives, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.announcements import (
    announced_kind,
    evidenced_kind,
    leadin_prefix,
    quoted_kind,
)
from inspections.report_reader.cells import THESE_WERE_RE, one_sentence, run_in_findings

_WORD = {
    model.RECOMMENDATION: "Recommendations",
    model.CAUSE_OF_CONCERN: "Causes of concern",
    model.AFI: "Areas for improvement",
    model.INNOVATIVE_PRACTICE: "Innovative practice",
    model.PROMISING_PRACTICE: "Promising practice",
    model.NOTABLE_PRACTICE: "Notable practice",
}
_DEADLINE_START_RE = re.compile(
    r"^(?:by|before|within|no\s+later\s+than|not\s+later\s+than|immediately)\b", re.IGNORECASE
)
_DATED_DIRECTIVE_RE = re.compile(
    r"^(?:by|before|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{vocab.MONTHS})\s+(?:19|20)\d\d\b,?\s+\S"
    r"|^(?:within\s+(?:\w+|\d+)\s+(?:weeks?|months?|years?)|immediately),\s+\S",
    re.IGNORECASE,
)
# A directive to forces or their chiefs opening a sentence.
_FORCES_DIRECTIVE_RE = re.compile(
    r"^(?:All\s+forces|Forces|Chief\s+constables|The\s+(?:force|constabulary))\s+(?:should|must)\b"
)
# Where one finding ends and the next begins in a flattened paragraph.
_DIRECTIVE_START_RE = re.compile(
    r"(?:(?<=\s)|^)(?=(?:The\s+(?:force|constabulary|service)|Forces|All\s+forces"
    r"|Chief\s+constables|(?:[A-Z][\w'-]+\s+){1,3}(?:Police|Constabulary))\s+"
    r"(?:should|must|needs?\s+to)\b)"
)
# A revisit letter restating the cause of concern: "Our inspection found:" then the quoted
# paragraph, or "we found that the force was …" with the cause of concern named nearby.
_PRACTICE_RUN_IN_RE = re.compile(
    r"^(?P<label>(?:innovative|promising|notable)\s+practice)\s+(?P<rest>(?-i:[A-Z])\S*\s+\S.{20,})$",
    re.IGNORECASE | re.DOTALL,
)
_SECTION_NUMBER_RE = re.compile(r"\s\d{1,2}\.\d{1,2}\s+(?=[A-Z])")


# A finding reported after its label in running prose, unquoted: "A further area for
# improvement was that the force needs to improve the timeliness …" (a panel's minutes).
_REPORTED_RE = re.compile(
    r"(?i)\b(?:area\s+for\s+improvement|recommendation|cause\s+of\s+concern)\s+(?:was|is)\s+"
    r"that\s+(?P<finding>(?:the\s+(?:force|constabulary)|forces|chief\s+constables)\s+[^.;]{10,400})"
)
# A quotation in curly quotes, or straight double quotes (a straight single quote is an
# apostrophe as often as not).
_QUOTATION_RE = re.compile(r"[‘“\"](?P<quote>[^‘’“”\"]{30,400}?)[’”\"]")


def last_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z‘'“\"])", text.strip())[-1]


class LeadInPass:
    """Lists of findings opened by a sentence: mixed into the parser."""

    def _open_leadin(self, kind: str, prefix: str, level: int) -> None:
        self._open_context(vocab.Label(kind=kind, plural=True, word=_WORD[kind]), level)
        assert self.ctx is not None
        self.ctx.prefix = prefix
        self.ctx.list_mode = "findings"
        self.ctx.base_depth = None
        self.ctx.confidence = 0.8
        self.ctx.from_leadin = True
        self.ctx.intro = " ".join(self.recent_paragraphs[-2:])
        self.current = None

    def _leadin_para(self, text: str, level: int) -> bool:
        """A paragraph that opens a list of findings (see the module's docstring)."""
        items = self._next_items()
        sentence = last_sentence(text)
        if THESE_WERE_RE.match(sentence) and self.recent_paragraphs:
            # "… we identified three areas of improvement." / "These were:": one lead-in.
            sentence = f"{last_sentence(self.recent_paragraphs[-1])} {sentence}"
        colon = re.search(r"(?::|\bas\s+follows\.?)\s*$", sentence)
        # "We make the following recommendations." then a list of directives: a lead-in too.
        directives_follow = bool(items) and directives.is_directive(items[0].text)
        evidenced = evidenced_kind(sentence, items)
        if items and (colon or directives_follow or evidenced):
            kind = announced_kind(sentence) or evidenced
            if (
                kind is None
                and _DEADLINE_START_RE.match(sentence)
                and directives.is_directive(sentence)
            ):
                kind = model.RECOMMENDATION
            if (
                kind is None
                and colon
                and self.ctx is not None
                and directives.has_directive_clause(sentence)
            ):
                # "To address this cause of concern, the force should, within three months:"
                # under "Recommendations": the label's own lead-in, its items one each.
                kind = self.ctx.kind if self.ctx.kind == model.RECOMMENDATION else None
            if kind is None or (not colon and not sentence.rstrip().endswith(".")):
                return False
            self._flush_narrative()
            self._open_leadin(kind, leadin_prefix(sentence) if colon else "", level)
            if colon and kind == model.RECOMMENDATION and one_sentence(items):
                # "… all forces should:" / "- monitor …;" / "- take action on those; and" /
                # "- publish …": one recommendation cut into bullets, not one per bullet.
                assert self.ctx is not None
                self._start_finding(leadin_prefix(sentence) + ":", style="leadin")
                self.ctx.list_mode = "parts"
            return True
        if self._deadline_directive(text, level):
            return True
        return (
            self._inline_list(text, level)
            or self._run_in_labels(text, level)
            or self._practice_run_in(text, level)
        )

    def _practice_run_in(self, text: str, level: int) -> bool:
        """A practice box flattened into one paragraph, its label run into its first sentence
        ("Innovative practice The force uses a rural crime team …", from a PDF's shaded box):
        the rest of the paragraph is the practice."""
        match = _PRACTICE_RUN_IN_RE.match(text.strip())
        label = vocab.match_label(match.group("label")) if match else None
        if label is None:
            return False
        self._flush_narrative()
        self._open_context(label, level)
        self._start_finding(match.group("rest"), style="inline")
        return True

    def _deadline_directive(self, text: str, level: int) -> bool:
        """'By March 2022, chief constables should …' standing on its own: a recommendation
        (a directive with a date to meet it by is how the inspectorate words one). So is a
        page that is one recommendation and nothing else ("All forces should …", the
        register's bare page): a directive first, and little after it."""
        if self.ctx is not None:
            return False
        # Quoted in full by a response or a letter: the quotation's own words.
        text = re.sub(r'^["“‘]\s*(.*?)\s*["”’]$', r"\1", text.strip(), flags=re.DOTALL)
        lone = bool(
            self.index == 0
            and _FORCES_DIRECTIVE_RE.match(text)
            and sum(len(vocab.words(block.text)) for block in self.blocks) <= 150
        )
        if not _DATED_DIRECTIVE_RE.match(text) and not lone:
            return False
        if not directives.is_directive(text) or len(vocab.words(text)) > 120:
            return False
        self._flush_narrative()
        self._open_leadin(model.RECOMMENDATION, "", level)
        assert self.ctx is not None
        self.ctx.confidence = 0.7
        self._start_finding(text, style="para")
        self._close_context()  # one paragraph: what follows is its explanation or other text
        self.lone_entry = lone
        return True

    def _inline_list(self, text: str, level: int) -> bool:
        """'… broad Areas for Improvement (AFIs) rather than detailed recommendations: The
        force should … The force should …' in one paragraph."""
        if not _DIRECTIVE_START_RE.search(text):
            return False
        for number, colon in enumerate(re.finditer(r":\s+", text)):
            if number >= 20:
                break  # an announcement comes early in its paragraph
            head, tail = text[: colon.start()], text[colon.end() :]
            kind = announced_kind(last_sentence(head))
            if kind is None:
                continue
            cut = _SECTION_NUMBER_RE.search(tail)
            if cut:
                tail = tail[: cut.start()]
            pieces = [
                piece.strip()
                for piece in _DIRECTIVE_START_RE.split(tail)
                if piece.strip() and directives.is_directive(piece.strip())
            ]
            if not pieces or not directives.is_directive(tail.strip()):
                continue
            self._flush_narrative()
            self._open_leadin(kind, "", level)
            for piece in pieces:
                if not piece.endswith(tuple(".!?")):
                    piece += "."
                self._start_finding(piece, style="inline")
                assert self.current is not None
                self.current.confidence = 0.7
            self._close_context()
            return True
        return False

    def _run_in_labels(self, text: str, level: int) -> bool:
        """A tracker's table flattened into one paragraph, each finding run in after its
        label and number: "… Comment 1 Area for Improvement The force should improve … AMBER
        No deadline set …". The finding is the directive sentence right after the label."""
        found = run_in_findings(text)
        for kind, finding in found:
            self._flush_narrative()
            self._open_leadin(kind, "", level)
            self._start_finding(finding, style="inline")
            assert self.current is not None
            self.current.confidence = 0.6
            self._close_context()
        return bool(found)

    def _quoted_findings(self, text: str, level: int) -> None:
        """Findings quoted in running prose after their label (see the module's docstring);
        the paragraph is read on as usual afterwards. Not inside a list of findings."""
        if self.ctx is not None:
            return
        reported = [
            (match.start("finding"), match.group("finding"))
            for match in _REPORTED_RE.finditer(text)
        ]
        quoted = [(match.start(), match.group("quote")) for match in _QUOTATION_RE.finditer(text)]
        for start, quote in sorted(quoted + reported):
            quote = " ".join(quote.split()).strip(" ,;")
            kind = quoted_kind(text[max(0, start - 200) : start])
            if kind is None or len(vocab.words(quote)) < 6 or not directives.is_directive(quote):
                continue
            self._flush_narrative()
            self._open_leadin(kind, "", level)
            if not quote.endswith(tuple(".!?")):
                quote += "."
            self._start_finding(quote[:1].upper() + quote[1:], style="inline")
            assert self.current is not None
            self.current.confidence = 0.6
            self._close_context()
