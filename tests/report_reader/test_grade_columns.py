"""A judgments table read a column at a time (grade headings each followed by their areas, as
text taken from a PDF table can come): each area gets its column's grade, not the next one's
(inspections/report_reader/grade_columns.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from inspections.report_reader import parse_text
from inspections.report_reader.grade_columns import grade_columns

HEAD = """PEEL 2023–25: An inspection of Durham Constabulary
Published 20 March 2024

Our judgments
Our inspection assessed how good Durham Constabulary is in nine areas of policing. We make
graded judgments in eight of these nine areas.
"""


def grades(text: str) -> dict[str, str]:
    return {judgment.area: judgment.grade for judgment in parse_text(text).judgments}


def test_each_area_gets_the_grade_of_its_column():
    table = """Outstanding
Preventing crime
Good
Police powers and public treatment
Managing offenders
Adequate
Responding to the public
Investigating crime
Leadership and force management
Requires improvement
Protecting vulnerable people
Developing a positive workplace
"""
    assert grades(HEAD + table) == {
        "Preventing crime": "outstanding",
        "Police powers and public treatment": "good",
        "Managing offenders": "good",
        "Responding to the public": "adequate",
        "Investigating crime": "adequate",
        "Leadership and force management": "adequate",
        "Protecting vulnerable people": "requires_improvement",
        "Developing a positive workplace": "requires_improvement",
    }


def test_empty_columns_give_no_grade():
    table = """Outstanding
Good
Preventing crime
Managing offenders
Adequate
Investigating crime
Requires improvement
Inadequate
"""
    assert grades(HEAD + table) == {
        "Preventing crime": "good",
        "Managing offenders": "good",
        "Investigating crime": "adequate",
    }


def test_an_area_followed_by_its_grade_is_read_as_before():
    pairs = """
Preventing crime
Good

Investigating crime
Adequate
"""
    assert grade_columns(HEAD + pairs) == HEAD + pairs
    assert grades(HEAD + pairs) == {"Preventing crime": "good", "Investigating crime": "adequate"}


def test_without_a_word_about_judgments_above_nothing_is_rewritten():
    text = "Summary of the day\nGood\nMorning briefing\nAdequate\nLunch\nInadequate\nTea\n"
    assert grade_columns(text) == text


def test_grades_out_of_the_scales_order_are_not_a_table():
    text = HEAD + "Good\nPreventing crime\nOutstanding\nInvestigating crime\nAdequate\nCrime\n"
    assert grade_columns(text) == text


LINES = st.sampled_from(
    [
        "",
        "Outstanding",
        "Good",
        "Adequate",
        "Requires improvement",
        "Inadequate",
        "Our judgments",
        "Preventing crime",
        "Investigating crime",
        "The force should improve its training.",
        "Areas for improvement",
        "12",
    ]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(LINES, max_size=30))
def test_the_rewrite_keeps_every_line_and_is_done_once(lines):
    text = "\n".join(lines)
    once = grade_columns(text)
    assert once.count("\n") == text.count("\n")
    assert grade_columns(once) == once
    parse_text(once)  # reads without error


def test_a_question_and_grade_table_flattened_into_paragraphs_grades_each_question():
    # A PDF's summary table, one cell a paragraph, in a document read as Markdown.
    from inspections.report_reader import parse_text

    report = parse_text(
        "# PEEL: Police efficiency 2016 – Exampleshire Police\n\n"
        "# Overview\n\n"
        "Question\n\nJudgment\n\n"
        "How well does the force understand demand?\n\nRequires improvement\n\n"
        "How well is the force planning for demand in the future?\n\nGood\n\n"
        "# Detailed findings\n\nThe force has plans.\n"
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Understanding demand", "requires_improvement"),
        ("Planning for demand in the future", "good"),
    ]


def test_the_pillars_own_question_under_an_overview_heading_grades_the_pillar():
    from inspections.report_reader import parse_text

    report = parse_text(
        "# PEEL: Police efficiency 2017 – Exampleshire Police\n\n"
        "## Overview – How efficient is the force at keeping people safe and reducing crime?\n\n"
        "**Good**\n\n"
        "Exampleshire Police is good at keeping people safe and reducing crime efficiently.\n"
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Efficiency", "good")]


def test_an_inspectors_name_over_their_role_is_not_an_area_to_grade():
    from inspections.report_reader import parse_text

    report = parse_text(
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Exampleshire Police\n\n"
        "Zoë Billingham\nHM Inspector of Constabulary\n"
        "The force continues to be good at tackling serious and organised crime.\n"
    )
    assert not any("Billingham" in j.area for j in report.judgments)


def test_a_2014_summary_of_questions_each_with_its_grade_after_it():
    from inspections.report_reader import parse_text

    report = parse_text(
        "PEEL: Police efficiency 2014\n\nAn inspection of Lincolnshire Police\n\n"
        "How efficient is the force at keeping people safe and reducing crime?\n\n"
        "Overall judgment¹\n\nGood\n\n"
        "Below we summarise the three questions which make up this judgment.\n\n"
        "To what extent has the force an affordable way of providing policing? Good\n\n"
        "To what extent is the force efficient in its use of resources? Requires improvement\n\n"
        "The force's audit committee reviews its plans.\n"
    )
    grades = {j.area: j.grade for j in report.judgments}
    assert grades["Efficiency"] == "good"
    assert grades["To what extent has the force an affordable way of providing policing?"] == "good"
    assert (
        grades["To what extent is the force efficient in its use of resources?"]
        == "requires_improvement"
    )
    # An audit committee named in passing does not make the report a committee paper.
    assert report.document_kind == "peel_force"
