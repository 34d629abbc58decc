"""A commissioner's comments under section 55 restate the report's grades and answer its
findings; and a joint inspection numbers its paragraphs (the sixth blind set)."""

from inspections.report_reader import model, parse_text

RESPONSE = """Police and Crime Commissioner's response to the HMICFRS report: PEEL 2023–25 – An inspection of Hampshire and Isle of Wight Constabulary

Report published\t28 November 2024
Date of this response\t22 January 2025

Commissioner's comments

I welcome this report. The chief constable said the force would act on every finding.

Under section 55 of the Police Act 1996, I am required to publish a response to this report
within 56 days of its publication.

The report graded the Constabulary as follows: preventing crime – good; responding to the
public – inadequate; investigating crime – adequate.
"""  # noqa: E501 (a title as long as the report's)


def test_grades_restated_in_a_statutory_response_are_the_bodys_record_not_news():
    # Two features of news ("the chief constable said", "the report graded") had made it a
    # news item, whose grades are never proposed.
    report = parse_text(RESPONSE)
    assert report.document_kind == model.PCC_RESPONSE
    assert {j.area: j.grade for j in report.judgments} == {
        "Preventing crime": "good",
        "Responding to the public": "inadequate",
        "Investigating crime": "adequate",
    }


def test_a_paragraph_number_before_a_recommendation_hides_neither_deadline_nor_addressee():
    text = (
        "Joint inspection of the police and CPS response to stalking\n\nRecommendations\n\n"
        "2.1 By 31 May 2025, chief constables should make sure that all reports of stalking "
        "are supervised.\n\n2.2 By 31 March 2025, the Crown Prosecution Service should update "
        "its legal guidance on restraining orders.\n"
    )
    assert [(f.deadline, f.addressees) for f in parse_text(text).findings] == [
        ("By 31 May 2025", ["chief constables"]),
        ("By 31 March 2025", ["Crown Prosecution Service"]),
    ]


def test_a_recommendation_quoted_in_full_in_a_letter_is_read_without_its_quotation_marks():
    from inspections.report_reader import parse_text

    report = parse_text(
        "Dear Home Secretary,\n\n"
        "The report makes seven recommendations. The first two, which I quote in full:\n\n"
        '    "By 31 March 2026, chief constables should make sure that every child reported\n'
        '    missing is given a risk assessment."\n\n'
        "The force already uses a structured risk assessment.\n\n"
        "Yours sincerely,\n"
    )
    assert [(f.kind, f.deadline, f.addressees) for f in report.findings] == [
        ("recommendation", "By 31 March 2026", ["chief constables"])
    ]
    assert report.findings[0].text.startswith("By 31 March 2026, chief constables should")


def test_a_commissioners_response_page_with_a_table_of_recommendations():
    # The body says in the third person that it must publish; its own section "Response to
    # recommendations" is no second response in a listing; each row's label gives its number.
    from inspections.report_reader import parse_text

    report = parse_text(
        "# Response to HMICFRS: An inspection of how well the police vet their workforce\n\n"
        "Published: 11 April 2025\n\n"
        "Under section 55 of the Police Act 1996, the Commissioner must publish comments on any "
        "HMICFRS report relating to Exampleshire Police within 56 days of its publication.\n\n"
        "## Response to recommendations\n\n"
        "Recommendation\tForce response\tPCC comment\n"
        "Recommendation 1: By 31 October 2025, chief constables should make sure that every "
        "vetting decision is reviewed.\tThe force has done so.\tI am assured.\n"
        "Recommendation 8: By 30 September 2025, chief constables and police and crime "
        "commissioners should make sure vetting units are resourced.\tUnder way.\tAgreed.\n"
    )
    assert report.document_kind == "pcc_response"
    assert [(f.reference, f.deadline, f.addressees) for f in report.findings] == [
        ("Recommendation 1", "By 31 October 2025", ["chief constables"]),
        (
            "Recommendation 8",
            "By 30 September 2025",
            ["chief constables", "police and crime commissioners"],
        ),
    ]


def test_a_flattened_tables_column_headings_under_a_label_are_no_finding():
    from inspections.report_reader import parse_text

    report = parse_text(
        "# Response to the report\n\n## Table 1\n\n"
        "Recommendation (as worded in the report)\n\nResponse\n\nOwner / status\n\n"
        "Recommendation 1: By 30 June 2026, chief constables should make sure that every risk "
        "assessment of a missing child uses all the information the force holds.\n\n"
        "Accepted. The force is changing its forms.\n"
    )
    assert [f.text[:40] for f in report.findings] == ["By 30 June 2026, chief constables should"]
