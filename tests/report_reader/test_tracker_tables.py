"""An OPCC's tracker of the inspectorate's recommendations as a web page copied as text: a table
per report, each under its own "Report: …" line, with pipes between cells and none at the ends,
and the same header row over every table. Seen in the fifth blind set (0 of 10 findings)."""

from inspections.report_reader import parse_text
from inspections.report_reader.pipe_rows import pipe_rows

TRACKER = """HMICFRS recommendations tracker
Home | About | Contact us

Report: An inspection of vetting, misconduct, and misogyny in the police service (November 2022)
Ref | Recommendation | Due | Status
VMM 2 | By 30 April 2023, chief constables should make sure vetting units are resourced. | April 2023 | Closed
VMM 7 | By 31 October 2023, chief constables should review adverse vetting information. | October 2023 | Open

Report: PEEL 2021/22 – An inspection of Durham Constabulary (August 2022)
Ref | Area for improvement | Due | Status
AFI 1 | The force should audit its use of stop and search. | — | Closed

Report: Building back better? Child sexual exploitation and abuse online (2023)
Ref | Recommendation | Due | Status
CSEA 4 | By 31 August 2024, chief constables should respond to referrals on time. | August 2024 | Open

Report: Report on an unannounced inspection visit to police custody suites in Durham (June 2023)
Ref | Recommendation | Due | Status
CUST 1 | The force should transfer detainees to a place of safety without delay. | — | Open
"""  # noqa: E501 (the rows are as long as a tracker's)


def test_every_row_of_every_table_is_a_finding_of_its_tables_kind():
    findings = parse_text(TRACKER).findings
    assert [(f.kind, f.deadline) for f in findings] == [
        ("recommendation", "By 30 April 2023"),
        ("recommendation", "By 31 October 2023"),
        ("afi", ""),
        ("recommendation", "By 31 August 2024"),
        ("recommendation", ""),
    ]


def test_a_lone_line_of_pipes_is_no_table():
    lines = ["Home | About | Contact us", "", "Welcome to the site."]
    pipe_rows(lines)
    assert lines[0] == "Home | About | Contact us"
    rows = ["a | b | c", "d | e | f", "| g | h |"]
    pipe_rows(rows)
    assert rows == ["a\tb\tc", "d\te\tf", "| g | h |"]  # a Markdown row stays as it is


def test_a_trackers_rec_abbreviation_labels_a_recommendation():
    from inspections.report_reader import parse_text

    report = parse_text(
        "HMICFRS recommendations tracker\n\n"
        "AFI 1 (Responding to the public): The force needs to answer 101 calls more quickly.\n\n"
        "Amber\n\n"
        "Rec 15: By 31 October 2023, chief constables should make sure their forces have a "
        "process for responding to predatory behaviour.\n\n"
        "Blue\n"
    )
    assert [(f.kind, f.reference) for f in report.findings] == [
        ("afi", "AFI 1"),
        ("recommendation", "Recommendation 15"),
    ]


def test_a_findings_column_headed_with_whose_words_they_are_and_rows_naming_the_area_first():
    from inspections.report_reader import parse_text

    report = parse_text(
        "Improvement tracker\n\n"
        "Ref\tHMICFRS area for improvement (as worded in the report)\tLead\tRAG\n"
        "PEEL-24-01\tPreventing crime: The force needs to improve how it evaluates "
        "problem-solving plans.\tSupt Prevention\tGreen\n"
    )
    assert [(f.kind, f.area, f.text[:30]) for f in report.findings] == [
        ("afi", "Preventing crime", "The force needs to improve how")
    ]
