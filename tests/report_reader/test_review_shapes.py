"""Shapes a review of the day's reader changes found wrong (each a rule of the two probes that
reached too far), with the smallest text that shows each: what a response, a letter or a report
owes and when, read right again."""

from inspections.report_reader import model, parse_text
from inspections.report_reader.addressees import deadline_and_addressees

RESPONSE_FIELDS = """Kent Police and Crime Commissioner's response to HMICFRS PEEL 2023–25

Recommendation: The force must improve how it records crime within three months.
Response: The force has introduced a new audit regime and trained all staff.
Status: Complete

Recommendation: The force must improve the supervision of investigations.
Response: A new supervision policy was adopted in March 2024.
Status: In progress
"""


def test_findings_quoted_as_label_value_lines_with_their_answers_are_findings():
    # Three "Label: value" lines in a row were taken for a register entry's particulars, so a
    # response laid out so proposed no finding at all.
    findings = parse_text(RESPONSE_FIELDS).findings
    assert [f.text.split("\n")[0] for f in findings] == [
        "The force must improve how it records crime within three months.",
        "The force must improve the supervision of investigations.",
    ]


PCC_LETTER = """Office of the Police and Crime Commissioner for Cheshire
PCC response to HMICFRS Inspection
12 October 2023

Dear Home Secretary,

HMICFRS: An inspection of vetting, misconduct, and misogyny in the police service

I welcome this report. The chief constable has provided a response which I set out below.

Recommendation 1: By 30 April 2023, chief constables should make sure their vetting units
are properly resourced.

Response: The force has increased the size of its vetting unit.

Yours sincerely,

John Dwyer
Police and Crime Commissioner for Cheshire
cc
His Majesty's Chief Inspector of Constabulary
"""


def test_a_commissioners_letter_is_a_response_whoever_it_is_copied_to():
    # The letterhead above "Dear …" was blanked as the letter's furniture, and with it the only
    # words saying who wrote it: the response was read as the thematic report itself. A copy
    # line under the signature made it the inspector's letter.
    report = parse_text(PCC_LETTER)
    assert report.document_kind == model.PCC_RESPONSE
    assert report.responds_to == (
        "An inspection of vetting, misconduct, and misogyny in the police service"
    )
    # The letter's date is the response's own publication date; read as the inspector's
    # letter, it would have been taken for the report's (and moved its 56-day deadline).
    assert report.letter_date.isoformat() == "2023-10-12"
    assert report.published == report.letter_date


def test_a_response_title_line_names_no_report_on_the_line_below():
    text = PCC_LETTER.replace(
        "HMICFRS: An inspection of vetting, misconduct, and misogyny in the police service\n\n", ""
    )
    assert parse_text(text).responds_to == ""  # not "I welcome this report"


def test_a_report_that_mentions_a_response_to_the_inspectorate_is_the_report():
    text = (
        "PEEL 2023–25: Police effectiveness, efficiency and legitimacy\nAn inspection of Kent "
        "Police\n\nPublished 5 September 2024\n\nOverview\n\nIn response to HMICFRS's 2022 "
        "inspection of its crime recording, the force has made good progress.\n\nI am grateful "
        "to the chief constable and the police and crime commissioner for their support.\n\n"
        "Areas for improvement\n\nThe force needs to improve how it answers emergency calls.\n"
    )
    report = parse_text(text)
    assert report.document_kind == model.PEEL_FORCE
    assert [f.kind for f in report.findings] == [model.AFI]


def test_praise_and_hindsight_after_a_list_of_recommendations_are_no_findings():
    text = (
        "An inspection of how well the police tackle fraud\n\nRecommendations\n\n"
        "- By 31 March 2025, chief constables should make sure fraud victims get a needs "
        "assessment.\n- By 31 March 2025, chief constables should adopt the national fraud "
        "standard.\n\nThe College of Policing should be commended for the guidance it has "
        "already produced.\n\nThe force should have been able to show us more evidence of "
        "this, but it could not.\n"
    )
    findings = parse_text(text).findings
    assert [f.addressees for f in findings] == [["chief constables"], ["chief constables"]]


def test_only_an_area_a_framework_grades_is_not_inspected():
    text = (
        "PEEL 2023–25: An inspection of Kent Police\n\nOur judgments\n\n"
        "Responding to the public\tGood\n\n"
        "We did not inspect the force's control room in this inspection. We did not inspect "
        "how the force responds to the public in its rural areas during this inspection.\n"
    )
    assert [(j.area, j.grade) for j in parse_text(text).judgments] == [
        ("Responding to the public", "good")
    ]


CAUSE_LETTER = """Letter from HM Inspector of Constabulary to the Chief Constable of Devon
and Cornwall Police

Letter information
From
Wendy Williams, His Majesty's Inspector of Constabulary
Sent on
9 March 2023

Dear Chief Constable,

During our PEEL inspection of Devon and Cornwall Police we found serious problems with how
the force answers emergency calls. We are publishing this cause of concern now, before the full
report.

Cause of concern

The force is not answering emergency calls quickly enough.

Recommendations

Within three months, the force should:
- make sure it has enough call handlers to answer 999 calls within ten seconds;
- make sure it assesses risk properly for every call.

Yours sincerely,

Wendy Williams
His Majesty's Inspector of Constabulary
"""


def test_a_cause_of_concern_raised_by_letter_is_a_cause_of_concern_letter_not_a_revisit():
    assert parse_text(CAUSE_LETTER).document_kind == model.CAUSE_OF_CONCERN_LETTER
    revisit = CAUSE_LETTER.replace(
        "We are publishing this cause of concern now, before the full\nreport.",
        "In our 2022 report we said the force must improve; this cause of concern remains open.",
    )
    assert parse_text(revisit).document_kind == model.REVISIT_LETTER


def test_a_means_or_a_past_date_is_no_deadline():
    cases = {
        "By working with partners, the force should reduce repeat victimisation.": "",
        "The force should, by working with partners, reduce harm.": "",
        "The force should make sure it publishes the data it collected by March 2021.": "",
        "To address this, by 31 March 2024, chief constables should review vetting.": (
            "By 31 March 2024"
        ),
        "The Home Office should introduce a national standard by April 2025.": "By April 2025",
        "By the end of 2025, forces should publish their plans.": "By the end of 2025",
    }
    assert {text: deadline_and_addressees(text)[0] for text in cases} == cases
