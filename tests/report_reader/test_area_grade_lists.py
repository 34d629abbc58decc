"""Several areas graded in one sentence, as a PCC's response or a committee paper restates a
report's judgments (the fifth blind set: 0 of 2 and 0 of 8 such grades were read)."""

from inspections.report_reader import parse_text
from inspections.report_reader.area_grade_lists import area_grade_list

PAIRS = (
    "HMICFRS graded the force as follows: police powers and public treatment – adequate; "
    "preventing crime – good; responding to the public – requires improvement; investigating "
    "crime – adequate."
)
COUNTS = (
    "The inspectorate graded the force as good in three areas, adequate in four, and requiring "
    "improvement in two: investigating crime and protecting vulnerable people."
)


def grades(text: str) -> dict[str, str]:
    return {j.area: j.grade for j in parse_text(text).judgments}


def test_area_and_grade_pairs_in_one_sentence():
    text = f"Warwickshire OPCC – PEEL 2023–25 improvement plan\n\nSummary\n\n{PAIRS}\n"
    assert grades(text) == {
        "Police powers and public treatment": "adequate",
        "Preventing crime": "good",
        "Responding to the public": "requires_improvement",
        "Investigating crime": "adequate",
    }


def test_a_count_of_areas_named_after_a_colon():
    text = (
        f"Thames Valley PCC's response to HMICFRS PEEL 2023–25\n\nI welcome the report. {COUNTS}\n"
    )
    assert grades(text) == {
        "Investigating crime": "requires_improvement",
        "Protecting vulnerable people": "requires_improvement",
    }


def test_pairs_of_things_that_are_no_areas_or_a_count_not_met_are_no_grades():
    assert area_grade_list("Ratings: the custody suite – good; the control room – adequate.") == []
    assert (
        area_grade_list("Graded good in three: investigating crime and managing offenders.") == []
    )
    assert area_grade_list("We met on 3 May: the board – good.") == []
