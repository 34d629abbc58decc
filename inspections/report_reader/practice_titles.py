"""A practice's title. The inspectorate titles each innovative, promising or notable practice
it describes ("Innovative practice / Integrated offender management using GPS tags / The force
uses …"). In text taken from a PDF the title is a short line with no full stop, read as a
heading; a heading that names no finding reads as an area's, so the practice's section closed
on its own title and the practice was lost. The line right under a practice label, with text
under it, is marked as the title of the practice (a bold line, as the inspectorate's pages set
it), which the parser reads as the finding's headline."""

from __future__ import annotations

from inspections.report_reader import model
from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import BOLD_LEVEL, HEADING, PARA, Block

_PRACTICES = (model.INNOVATIVE_PRACTICE, model.PROMISING_PRACTICE, model.NOTABLE_PRACTICE)
_MOST_WORDS = 20
# Below every bold line, and not taken as evidence that the text is Markdown (parse.py): the
# text's own lines were plain.
TITLE_LEVEL = BOLD_LEVEL + 1


def practice_titles(blocks: list[Block]) -> list[Block]:
    for label, title, after in zip(blocks, blocks[1:], blocks[2:], strict=False):
        found = vocab.match_label(label.text) if label.kind == HEADING else None
        if (
            found is not None
            and found.kind in _PRACTICES
            and not found.inline
            and title.kind == HEADING
            and title.style == "plain"
            and after.kind == PARA
            and not vocab.match_label(title.text)
            and not vocab.match_grade_line(title.text)
            and not vocab.is_known_area(title.text)
            and len(vocab.words(title.text)) <= _MOST_WORDS
        ):
            title.style, title.level = "bold", TITLE_LEVEL
    return blocks
