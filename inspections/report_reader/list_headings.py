"""Headings and short lines inside an open list of findings: a finding's headline, a topic
of the list ("Leadership" between a custody summary's numbered areas for improvement), a
practice box's own title, or the end of the list. Mixed into the parser beside FindingsPass."""

from __future__ import annotations

from inspections.report_reader import directives, model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import BOLD_LEVEL, ITEM, PARA, Block
from inspections.report_reader.findings import SUMMARY_LIST_RE
from inspections.report_reader.line_shapes import is_label_line

_PRACTICE = (model.NOTABLE_PRACTICE, model.INNOVATIVE_PRACTICE, model.PROMISING_PRACTICE)


class ListHeadingsPass:
    """Headings inside lists of findings: mixed into the parser."""

    def _label_heading(self, block: Block) -> bool:
        """A heading that opens a list of findings: a label ("Areas for improvement", "AFI 3:
        …"), or a cause of concern run into its recommendations' lead-in."""
        text = block.text
        if self.ctx is None and self._cause_run_into_leadin(text, BOLD_LEVEL):
            return True
        label = vocab.match_label(text)
        if label is None:
            return False
        self._flush_narrative()
        self._open_context(label, block.level)
        if self.ctx is not None and SUMMARY_LIST_RE.search(text):
            # A summary's list: left out where each finding is set out in full later.
            self.ctx.from_leadin = True
        return True

    def _heading_in_list(self, block: Block) -> bool:
        """A heading inside an open list of findings: a topic of the list, or a finding's
        headline. True when it was read so."""
        text = block.text
        practice = self.ctx is not None and self.ctx.kind in _PRACTICE
        if practice and directives.is_directive(text):
            return False  # good practice tells no one to act: the box is over
        if practice and self.ctx.count == 0 and block.style in ("bold", "md"):
            # The practice's own title under the box's label ("Problem-solving hub").
            self._start_finding(vocab.strip_numbering(text), style="heading")
            return True
        if self._topic_in_list(block):
            return True  # "In the custody cell: safeguarding and health care", over a finding
        if (
            self.ctx is not None
            and not self.ctx.single
            and (
                directives.is_headline_like(text)
                or (block.style == "bold" and block.level > self.ctx.level)
            )
        ):
            self._start_finding(vocab.strip_numbering(text), style="heading")
            return True
        if self.ctx is not None and self.ctx.single and self.current is None:
            self._start_finding(vocab.strip_numbering(text), style="heading")
            return True
        # A topic subheading inside the list ("Stop and search"): keep reading.
        return (
            self.ctx is not None
            and block.style != "plain"
            and block.level > self.ctx.level
            and len(vocab.words(text)) <= 6
        )

    def _boxed(self) -> bool:
        return 0 <= self.index < len(self.blocks) and self.blocks[self.index].boxed

    def _topic_in_list(self, block: Block) -> bool:
        """A short plain heading inside an open list of findings, followed by a finding in the
        list's own shape (a directive paragraph or item): a topic of the list ("Leadership",
        "Release and transfer from custody" between a summary's numbered areas for
        improvement), not its end."""
        text = block.text.strip()
        if (
            self.ctx is None
            or self.ctx.single
            or block.style not in ("plain", "")
            or len(vocab.words(text)) > 12
            or text.endswith((".", ";", ":", "!", "?"))
            or directives.is_directive(text)
            or is_label_line(text)
            or (self.ctx.count and self.ctx.style not in ("para", "item"))
        ):
            return False
        following = next((b for b in self.blocks[self.index + 1 :] if b.text.strip()), None)
        return (
            following is not None
            and following.kind in (PARA, ITEM)
            and directives.is_directive(vocab.strip_numbering(following.text))
        )
