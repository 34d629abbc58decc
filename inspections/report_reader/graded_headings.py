"""An area's heading that wraps over two lines in text taken from a PDF ("Preventing and
deterring crime and anti-social behaviour, and / reducing vulnerability"), with the area's
grade alone on the line under it. A line ending in "and" or a comma cannot end a heading, so
the block reader joins the two lines into a paragraph; read as one, the heading ran on as a
finding of the list above it and the section's grade had no area. The grade under it is the
evidence: a paragraph with no closing punctuation, short as a heading is, directly over a
grade on its own is that area's heading.

PEEL 2014–2016 reports close each question's section with its grade under "Summary of
findings", after subheadings that are questions too ("How well does the force understand the
threat and risk of harm within its communities?"). The grade is the section's question's: the
first question since the last grade. The later ones are its subheadings, read as text."""

from __future__ import annotations

from inspections.report_reader import vocabulary as vocab
from inspections.report_reader.blocks import HEADING, PARA, PLAIN_LEVEL, Block
from inspections.report_reader.heading_grades import heading_grades
from inspections.report_reader.line_shapes import ends_sentence, starts_lower
from inspections.report_reader.practice_titles import practice_titles

_MOST_WORDS = 20


def _lone_grade(block: Block) -> bool:
    if block.kind != HEADING:
        return False
    grade = vocab.match_grade_line(block.text)
    return bool(grade) and len(vocab.words(block.text)) <= 4


def graded_headings(blocks: list[Block]) -> list[Block]:
    """Such paragraphs, and plain headings long enough to read as a finding's headline, made
    headings styled "graded": the grade under them names them an area (grades.py)."""
    blocks = heading_grades(blocks)
    for block, after in zip(blocks, blocks[1:], strict=False):
        text = " ".join(block.text.split())
        if not _lone_grade(after) or not text or starts_lower(text) or ends_sentence(text):
            continue
        if len(vocab.words(text)) > _MOST_WORDS or text.endswith(","):
            continue
        if (block.kind == PARA and block.end > block.line) or (
            block.kind == HEADING and block.style == "plain"
        ):
            block.kind, block.style, block.text = HEADING, "graded", text
            block.level = block.level or PLAIN_LEVEL
    return practice_titles(_sub_questions(blocks))


def _question(block: Block) -> bool:
    return block.kind == HEADING and block.text.rstrip().endswith("?")


def _sub_questions(blocks: list[Block]) -> list[Block]:
    since_grade: list[Block] = []
    for block, after in zip(blocks, blocks[1:], strict=False):
        if _lone_grade(block):
            since_grade = []
        elif _question(block):
            since_grade.append(block)
        elif block.kind == HEADING and _lone_grade(after) and len(since_grade) >= 2:
            # A summary's heading over the grade: the questions after the first are its own.
            for sub in since_grade[1:]:
                sub.kind, sub.style = PARA, ""
            since_grade = []
    return blocks
