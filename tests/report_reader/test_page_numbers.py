"""A page's number alone on a line, as text taken from a PDF has it between paragraphs, is not
a row's number: read as one, it joined two findings into one. A numbering that starts at 1
(or sits under a "No." column) still numbers rows."""

from inspections.report_reader import parse_text

PAGES = """PEEL 2021/22: An inspection of Dorset Police
Published 12 May 2022

Summary
The force has made progress since our last inspection. Officers we spoke to were positive
about the leadership of the force and the direction it is taking.

12

The force understands demand well. It uses data to plan its resources and has invested in new
technology to support officers on the front line.

13

Areas for improvement
The force should improve how it records crimes involving vulnerable people.

14

The force should make sure that officers complete risk assessments for all domestic abuse
incidents.

15

Our judgments
Investigating crime: requires improvement
"""


def texts(parsed) -> list[str]:
    return [" ".join(finding.text.split()) for finding in parsed.findings]


def test_page_numbers_between_findings_keep_them_apart():
    parsed = parse_text(PAGES)
    assert [finding.kind for finding in parsed.findings] == ["afi", "afi"]
    assert texts(parsed) == [
        "The force should improve how it records crimes involving vulnerable people.",
        "The force should make sure that officers complete risk assessments for all domestic "
        "abuse incidents.",
    ]
    assert not any(text[:1].isdigit() for text in texts(parsed))


def test_a_page_number_cutting_a_finding_is_not_read_as_a_second_one():
    parsed = parse_text(
        PAGES.replace(
            "vulnerable people.\n\n14\n\nThe force should make sure",
            "vulnerable people and make sure\n\n14\n\nThat officers complete",
        ).replace("That officers complete risk", "That officers complete their risk")
    )
    assert len(parsed.findings) == 1
    assert "14" not in parsed.findings[0].text


def test_a_numbering_from_1_still_numbers_the_rows():
    parsed = parse_text(
        """Cause of concern: Dorset Police does not investigate crime well enough.
Recommendations
1
By 31 March 2023, the force should review how it allocates crimes to investigators.
2
By 31 March 2023, the force should make sure supervisors review all open investigations.
3
The force should improve how it records the outcomes of crimes for victims.
"""
    )
    recommendations = [f for f in parsed.findings if f.kind == "recommendation"]
    assert len(recommendations) == 3
    assert "allocates crimes" in recommendations[0].text
    assert "outcomes of crimes" in recommendations[2].text


def test_a_head_printed_with_its_page_number_on_one_line_is_furniture():
    # Copied from a PDF viewer: the header and "Page N of M" on one line, spaces between,
    # falling inside a finding's paragraph and after it.
    from inspections.report_reader import parse_text

    head = "PEEL 2021/22 – Exampleshire Police" + " " * 30
    report = parse_text(
        "PEEL 2021/22 – Exampleshire Police\n\n"
        "Areas for improvement\n\n"
        "The force should improve how it records the grounds for stop and search, so that\n"
        f"{head}Page 7 of 40\n"
        "every record shows the grounds and supervisors check them.\n\n"
        f"{head}Page 8 of 40\n\n"
        "In our last inspection we identified an area for improvement about scrutiny.\n\n"
        f"{head}Page 9 of 40\n"
    )
    texts = [f.text for f in report.findings]
    assert texts and not any("Page" in text for text in texts)
    assert "every record shows the grounds" in texts[0]
