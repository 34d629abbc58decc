"""Shapes of a thematic report's recommendations seen while probing the reader with made-up
texts in the inspectorate's layouts: a date set off by commas after the modal verb, and a table
of contents after the last finding."""

import pytest

from inspections.report_reader import parse_text
from inspections.report_reader.addressees import deadline_and_addressees

THEMATIC = """An inspection of how well the police tackle serious youth violence
Published 29 September 2023

Recommendations

Recommendation 1
By 31 March 2024, chief constables should make sure their forces have effective processes
to identify children at risk of serious youth violence.

Recommendation 2
The Home Office should, by 31 December 2024, evaluate the effectiveness of violence reduction
units.

Area for improvement 1
Forces should improve the quality of the data they record about children.

Contents
1. Introduction
2. Our findings
Annex A: About our data

Introduction
This inspection looked at how well forces tackle serious youth violence.
"""


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("The Home Office should, by 31 December 2024, evaluate the units.", "By 31 December 2024"),
        ("The force should by March 2025 publish its plan.", "By March 2025"),
        ("The force should within three months review its approach.", "Within three months"),
        (
            "The force should, by the end of the year, review its approach.",
            "By the end of the year",
        ),
        ("The force should immediately review its approach.", "Immediately"),
        # Not a date: no deadline rather than its first word.
        ("Chief constables should by the next inspection have reviewed their plans.", ""),
    ],
)
def test_a_deadline_after_the_modal_verb_is_read_whole(sentence, deadline):
    assert deadline_and_addressees(sentence)[0] == deadline


def test_the_recommendations_deadlines_as_written():
    findings = parse_text(THEMATIC).findings
    assert [(f.kind, f.deadline) for f in findings] == [
        ("recommendation", "By 31 March 2024"),
        ("recommendation", "By 31 December 2024"),
        ("afi", ""),
    ]


def test_a_table_of_contents_after_the_last_finding_is_not_part_of_it():
    afi = parse_text(THEMATIC).findings[-1]
    assert afi.text == "Forces should improve the quality of the data they record about children."


def test_the_text_after_a_table_of_contents_is_still_read():
    text = THEMATIC.replace(
        "This inspection looked at how well forces tackle serious youth violence.",
        "Areas for improvement\nForces should record the ethnicity of every child they stop.",
    )
    findings = parse_text(text).findings
    assert findings[-1].kind == "afi"
    assert "ethnicity of every child" in findings[-1].text


@pytest.mark.parametrize(
    ("sentence", "addressees"),
    [
        (
            "Chief constables and police and crime commissioners should review their plans.",
            ["chief constables", "police and crime commissioners"],
        ),
        (
            "Police and crime commissioners should publish their responses.",
            ["police and crime commissioners"],
        ),
        (
            "Police, fire and crime commissioners and chief constables should agree a plan.",
            ["Police, fire and crime commissioners", "chief constables"],
        ),
        (
            "The Ministry of Justice and HM Prison and Probation Service should agree a plan.",
            ["Ministry of Justice", "HM Prison and Probation Service"],
        ),
        (
            "The Department for Levelling Up, Housing and Communities and the Home Office "
            "should agree a plan.",
            ["Department for Levelling Up, Housing and Communities", "Home Office"],
        ),
        (
            "The National Police Chiefs' Council lead for children and young people should "
            "work with the College of Policing.",
            ["National Police Chiefs' Council lead for children and young people"],
        ),
        # Controls: two bodies, and a name known already before "and".
        ("The Home Office and the NPCC should agree a plan.", ["Home Office", "NPCC"]),
        ("Forces and their partners should share data.", ["all forces"]),
        ("All forces in England and Wales should review their plans.", ["all forces"]),
    ],
)
def test_a_name_with_and_in_it_is_one_addressee(sentence, addressees):
    """'police and crime commissioners' was cut into 'crime commissioners', which named no
    policing body, so a recommendation to them was not owed by them."""
    assert deadline_and_addressees(sentence)[1] == addressees
