"""A sentence that restates the grade of the area it sits under ("… requires improvement in the
way it prevents crime …" under "How effective is the force at preventing crime …? / Requires
improvement", PEEL 2015–2017) is not a second area; with no grade above it, or another grade,
"in the way it …" still names an area of its own (PEEL 2018/19)."""

from inspections.report_reader import parse_text

AREA = (
    "How effective is the force at preventing crime, tackling anti-social behaviour "
    "and keeping people safe?"
)
QUESTION = f"""PEEL: Police effectiveness 2016
An inspection of Lancashire Constabulary

{AREA}
Requires improvement

Lancashire Constabulary requires improvement in the way it prevents crime and tackles
anti-social behaviour. The force has a clear commitment to neighbourhood policing.
"""


def grades(text: str) -> list[tuple[str, str]]:
    return [(judgment.area, judgment.grade) for judgment in parse_text(text).judgments]


def test_a_sentence_restating_its_areas_grade_is_not_another_area():
    assert grades(QUESTION) == [(AREA, "requires_improvement")]


def test_another_grade_in_the_way_it_works_is_an_area_of_its_own():
    text = QUESTION.replace(
        "requires improvement in the way it prevents crime",
        "is good in the way it prevents crime",
    )
    assert ("Preventing crime and tackles anti-social behaviour", "good") in grades(text)


def test_with_no_grade_above_the_way_it_works_is_the_area():
    text = """PEEL 2018/19: An inspection of Lancashire Constabulary

Efficiency

The force requires improvement in the way it plans for the future.
"""
    assert ("Planning for the future", "requires_improvement") in grades(text)
