"""Shapes of whole documents, as a user's upload gives them, that the reader got wrong while
being probed with full-length made-up texts in the inspectorate's and OPCCs' layouts (national
thematics, joint inspections, letters, PCC responses, plans, register pages): one small
made-up text per shape, with controls."""

from datetime import date

import pytest

from inspections.report_reader import model, parse_text, read_report

HEADER = "An inspection of vetting, misconduct, and misogyny in the police service"


def _pages(*pages: str) -> str:
    """pdfminer's text: the page's number alone on a line at its foot, a form feed, the
    running header at the top of the next page."""
    out = []
    for number, page in enumerate(pages, start=1):
        top = f"{HEADER}\n\n" if number > 1 else ""
        out.append(f"{top}{page}\n\n{number}\n\n")
    return "\f".join(out)


def test_a_long_running_header_between_two_halves_of_a_finding_is_furniture():
    """A whole title as the running header was kept (longer than a name, few capitals): it
    cut the finding at the page break and the body's repeat of it no longer matched the
    summary, so both were proposed."""
    text = _pages(
        f"{HEADER}\n\nNovember 2024\n\nSummary of recommendations\n\nRecommendation 1\n"
        "By 31 March 2026, the National Police Chiefs' Council lead for counter-corruption should",
        "establish a national framework for the monitoring of police IT systems.\n\n"
        "Counter-corruption\n\nOnly three forces could monitor all their systems.",
        "Recommendation 1\nBy 31 March 2026, the National Police Chiefs' Council lead for "
        "counter-corruption should establish a national framework for the monitoring of police "
        "IT systems.\n\nConclusion\n\nWe will monitor progress.",
    )
    findings = parse_text(text).findings
    assert len(findings) == 1
    assert findings[0].text.endswith("for the monitoring of police IT systems.")


def test_a_heading_repeated_by_each_section_is_not_a_running_header():
    text = _pages(
        "Areas for improvement\n\nThe force should improve how it records crime.",
        "Areas for improvement\n\nThe force should improve how it supervises investigations.",
        "Areas for improvement\n\nThe force should improve how it answers calls.",
    )
    assert [f.kind for f in parse_text(text).findings] == [model.AFI] * 3


REGISTER_PAGE = """<html><body><main>
<ol class="breadcrumb"><li>Home</li><li>Recommendations</li><li>Exampleshire Police</li></ol>
<h1>An inspection of how forces record crime (4321)</h1>
<p>By March 2016, every chief constable should make sure that crime is recorded within 24
hours of a report.</p>
<table>
<tr><th>Force</th><td>Exampleshire Police</td></tr>
<tr><th>Report</th><td>An inspection of how forces record crime</td></tr>
<tr><th>Date of publication</th><td>5 March 2015</td></tr>
<tr><th>Status</th><td>Complete</td></tr>
</table>
<h2>Status history</h2>
<table>
<tr><th>Date</th><th>Status</th><th>Comment</th></tr>
<tr><td>5th March 2015</td><td>Awaiting review</td><td>New recommendation</td></tr>
<tr><td>2nd June 2015</td><td>Being progressed</td><td>The force should make sure the
audit is recorded.</td></tr>
<tr><td>30th August 2017</td><td>Complete</td><td>I am satisfied that the terms of this
recommendation have been properly addressed.</td></tr>
</table>
</main></body></html>"""


def test_a_register_page_saved_as_html_is_its_one_recommendation():
    """The breadcrumb trail (an ordered list) was read as three numbered recommendations, the
    status history table's comments as more, and the entry's own recommendation ran on into
    its table of particulars."""
    report = read_report(REGISTER_PAGE.encode(), "entry.html")
    assert report.document_kind == model.REGISTER_ENTRY
    assert [f.text for f in report.findings] == [
        "By March 2016, every chief constable should make sure that crime is recorded within "
        "24 hours of a report."
    ]
    assert report.published == date(2015, 3, 5)
    assert len(report.status_log) == 4  # the header row and three entries


def test_a_table_of_dates_and_statuses_in_a_report_is_not_a_status_history():
    """Control: rows whose second cell is not one of the register's statuses stay text."""
    report = parse_text(
        "Recommendations\n\nDate\tMilestone\n"
        "5 March 2025\tThe force should publish its plan.\n"
        "5 June 2025\tThe force should train its call handlers.\n"
    )
    assert not report.status_log


REVISIT = """# Exampleshire Police: PEEL causes of concern revisit letter

Dear Chief Constable,

## Cause of concern 1: responding to the public

In our 2023 report, we said:

The force needs to improve how it responds to calls for service. It is not answering calls
quickly enough.

We recommended that, within three months, the force should:

- make sure it has enough call handlers to meet demand at peak times; and

- improve the way it records the risk assessment made on each call.

### Our findings

The force has made good progress. We have closed this cause of concern.

## Cause of concern 2: protecting vulnerable people

In our 2023 report, we said:

The force isn't managing the risk posed by registered sex offenders effectively.

We recommended that, within six months, the force should:

- reduce the number of overdue home visits.

### Our findings

This cause of concern remains open. The force has reduced its overdue visits.
"""


def test_a_revisit_letter_quoting_each_cause_under_its_own_heading():
    """Under "Cause of concern 1: <area>" the letter quotes the cause ("In our report, we
    said:") and then its recommendations ("We recommended that, within three months, the
    force should:"): all of it was read as one cause of concern, and the second one was lost;
    "This cause of concern remains open." was read as a third."""
    findings = parse_text(REVISIT).findings
    assert [(f.kind, f.text[:30], f.cause_of_concern) for f in findings] == [
        ("cause_of_concern", "The force needs to improve how", None),
        ("recommendation", "Within three months, the force", 0),
        ("recommendation", "Within three months, the force", 0),
        ("cause_of_concern", "The force isn't managing the r", None),
        ("recommendation", "Within six months, the force s", 3),
    ]
    assert findings[1].deadline == "Within three months"


def test_a_finding_said_to_remain_in_its_own_words_is_still_proposed():
    """Control: a later report naming an earlier finding in its own words that remains."""
    findings = parse_text(
        "Stop and search\n\nThe area for improvement on external scrutiny of stop and search "
        "we set in 2019 remains in place.\n"
    ).findings
    assert [f.kind for f in findings] == [model.AFI]
    assert (
        parse_text("Stop and search\n\nThis area for improvement remains in place.\n").findings
        == []
    )


INSPECTORS_LETTER = """Jane Example QPM
His Majesty's Inspector of Constabulary

4th Floor
Globe House
London SW1V 1PN

Chief Constable Sam Smith
Exampleshire Police
Headquarters
Anytown AN1 2BC

12 June 2023

Dear Chief Constable,

PEEL 2023–25: Exampleshire Police – accelerated cause of concern

I have copied this letter to the Police and Crime Commissioner for Exampleshire, who will be
required to publish a response under section 55 of the Police Act 1996. In 37 cases the force
closed the investigation without telling the victim.

Cause of concern

Exampleshire Police isn't carrying out effective investigations.

Recommendations

Within six months, Exampleshire Police should make sure that:

• investigations are allocated promptly; and
• investigations are effectively supervised.

Yours sincerely,

Jane Example

His Majesty's Inspector of Constabulary
"""


def test_an_inspectors_letter_copied_to_the_commissioner_is_the_inspectorates():
    """A letter as a PDF gives it (no "Letter information" block): its sender's name was the
    title, and "the Police and Crime Commissioner …, who will be required to publish a
    response" made it the commissioner's response."""
    report = parse_text(INSPECTORS_LETTER)
    assert report.document_kind == model.CAUSE_OF_CONCERN_LETTER
    assert report.title == "PEEL 2023–25: Exampleshire Police – accelerated cause of concern"
    assert report.letter_date == date(2023, 6, 12)
    assert [f.kind for f in report.findings] == ["cause_of_concern"] + ["recommendation"] * 2


def test_a_commissioners_letter_to_the_chief_inspector_stays_a_response():
    """Control: the inspector's title is in the address block, not under the sign-off."""
    text = INSPECTORS_LETTER.replace(
        "Jane Example QPM\nHis Majesty's Inspector of Constabulary\n\n4th Floor",
        "Office of the Police and Crime Commissioner for Exampleshire\n\nSir Andy Cooke\n"
        "His Majesty's Chief Inspector of Constabulary\n4th Floor",
    )
    text = text.replace(
        "PEEL 2023–25: Exampleshire Police – accelerated cause of concern\n",
        "Response to the HMICFRS PEEL 2023–25 inspection of Exampleshire Police\n\nI have asked "
        "the Chief Constable to comment on the report.\n",
    ).replace(
        "Jane Example\n\nHis Majesty's Inspector of Constabulary",
        "Alex Example\nPolice and Crime Commissioner for Exampleshire",
    )
    report = parse_text(text)
    assert report.document_kind == model.PCC_RESPONSE
    assert report.title == "Response to the HMICFRS PEEL 2023–25 inspection of Exampleshire Police"


def _response_docx(answer_label: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_heading("Exampleshire Police and Crime Commissioner", level=1)
    document.add_heading(
        "Response to the HMICFRS report: An inspection of how well the police tackle "
        "serious youth violence",
        level=2,
    )
    document.add_paragraph("I have asked the Chief Constable for his comments.")
    document.add_heading("Recommendations", level=2)
    for text in (
        "By 30 June 2024, chief constables should make sure their forces identify children "
        "at risk of serious youth violence.",
        "By 31 March 2024, chief constables should review their use of stop and search on "
        "children.",
        "Within six months, chief constables should evaluate their diversion schemes.",
    ):
        document.add_paragraph(text, style="List Number")
        document.add_paragraph(f"{answer_label} The force has a plan in place. Status: on track.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_response_answering_each_numbered_finding_below_it():
    """A paragraph answering a numbered finding ("Progress: …") ended the list, so only the
    first finding was read; and the body's name in a heading above "Response to the HMICFRS
    report: …" was not read as the commissioner's response (a thematic report was proposed)."""
    report = read_report(_response_docx("Progress:"), "response.docx")
    assert report.document_kind == model.PCC_RESPONSE
    assert report.title.startswith("Response to the HMICFRS report: An inspection of how well")
    assert report.responds_to == (
        "An inspection of how well the police tackle serious youth violence"
    )
    assert len(report.findings) == 3
    for finding in report.findings:
        headline, answer = finding.text.split("\n\n")
        assert headline.startswith(("By 3", "Within six months"))
        assert answer.startswith("Progress: The force has a plan in place.")


def test_a_paragraph_after_a_numbered_finding_that_answers_nothing_ends_the_list():
    """Control: a paragraph that does not open with an answer's label ends the list."""
    report = read_report(_response_docx("Response times have improved."), "response.docx")
    assert len(report.findings) == 1


def test_a_numbered_section_heading_after_a_numbered_list_of_findings_ends_it():
    """'1. Introduction' after the eighth recommendation was read as a ninth ("HM Prison
    and Probation Service should introduction.")."""
    text = (
        "Recommendations\n\nPolice forces should:\n\n"
        "7. make sure that officers record mental health needs on the custody record;\n\n"
        "HM Prison and Probation Service should:\n\n"
        "8. make sure that pre-sentence reports include an assessment of mental health needs.\n\n"
        "1. Introduction\n\nWhy this thematic?\n\nA high proportion of people have mental "
        "health needs.\n"
    )
    findings = parse_text(text).findings
    assert [f.text[:40] for f in findings] == [
        "Police forces should make sure that offi",
        "HM Prison and Probation Service should m",
    ]


def test_an_item_whose_number_starts_again_but_reads_as_a_finding_is_still_one():
    """Control: an item numbered 1 again that carries on the lead-in's sentence (lower case)
    is the list's next finding, not a heading."""
    text = (
        "Recommendations\n\nHM Prison and Probation Service should:\n\n"
        "8. make sure that pre-sentence reports include an assessment of mental health needs;\n\n"
        "1. review the training given to probation staff.\n"
    )
    assert len(parse_text(text).findings) == 2


def test_with_immediate_effect_is_a_deadline():
    """The inspectorate's other word for "immediately" gave no deadline."""
    from inspections.report_reader.addressees import deadline_and_addressees

    for sentence in (
        "With immediate effect, chief constables should review any vetting clearance.",
        "Chief constables should, with immediate effect, review any vetting clearance.",
    ):
        assert deadline_and_addressees(sentence) == ("With immediate effect", ["chief constables"])
    # control: the words in passing are no deadline
    assert deadline_and_addressees("Forces should review the effect of their policy.")[0] == ""


def test_a_response_names_its_report_without_the_reports_date_and_gives_its_own_date():
    """'… to HMICFRS report: "An inspection of …", published 5 September 2024' kept the date
    in the name of the report answered; 'Response to HMICFRS PEEL 2023–25: An inspection of …'
    (no word "report") named none; "Date of this response: …" was not the response's date."""
    report = parse_text(
        "Exampleshire Police and Crime Commissioner\n\n"
        "Response to HMICFRS PEEL 2023–25: An inspection of Exampleshire Police\n\n"
        "HMICFRS report published: 8 August 2024\n"
        "Date of this response: 1 October 2024\n\n"
        "I have asked the Chief Constable to comment on the report.\n"
    )
    assert report.document_kind == model.PCC_RESPONSE
    assert report.responds_to == "PEEL 2023–25: An inspection of Exampleshire Police"
    assert report.letter_date == date(2024, 10, 1)
    letter = parse_text(
        "Dear Sir Andy,\n\nPolice and Crime Commissioner's response to HMICFRS report: 'An "
        "inspection of the police response to stalking', published 5 September 2024\n\n"
        "I have asked the Chief Constable to comment on the report.\n"
    )
    assert letter.responds_to == "An inspection of the police response to stalking"
    assert letter.letter_date is None  # control: the report's date is not the response's


TRACKER = (
    "HMICFRS recommendations and areas for improvement – progress update\n\n"
    "Ref\tReport\tType\tRecommendation / AFI\tOwner\tRAG\tDue date\n"
    "P-AFI1\tPEEL 2023–25\tAFI\tThe force should make sure it answers calls within national "
    "standards.\tSupt Contact\tA\t31/03/2025\n"
    "VAW-R3\tViolence against women and girls\tRecommendation\tBy 31 March 2025, chief "
    "constables should make sure that risk assessments are reviewed within 24 hours.\t"
    "Det Supt\tG\t31/03/2025\n"
)


def test_a_tracker_table_headed_by_two_kinds_reads_each_rows_own_kind():
    """A column headed "Recommendation / AFI" matched no single label, so none of the rows
    was read; each row's kind is in its own "Type" cell."""
    findings = parse_text(TRACKER).findings
    assert [(f.kind, f.text[:24]) for f in findings] == [
        ("afi", "The force should make su"),
        ("recommendation", "By 31 March 2025, chief "),
    ]
    assert findings[1].addressees == ["chief constables"]


def test_a_tracker_table_without_a_type_column_takes_the_headings_first_kind():
    """Control: no row says its kind, so the heading's first kind is every row's."""
    text = (
        TRACKER.replace("\tType", "")
        .replace("\tAFI\t", "\t")
        .replace("\tRecommendation\tBy", "\tBy")
    )
    assert [f.kind for f in parse_text(text).findings] == ["recommendation"] * 2


def test_a_letter_saved_as_a_web_page_is_published_as_sent():
    """The "Letter information" block under its own heading (a saved page's h2) was not
    recognised, so the letter had no publication date."""
    page = (
        "<html><body><main><h1>Exampleshire Police: PEEL causes of concern revisit letter</h1>"
        "<h2>Letter information</h2><dl><dt>From</dt><dd>Jane Example, His Majesty's Inspector "
        "of Constabulary</dd><dt>Sent on</dt><dd>14 February 2025</dd></dl>"
        "<p>Dear Chief Constable,</p><p>We have closed the cause of concern.</p>"
        "</main></body></html>"
    )
    report = read_report(page.encode(), "letter.html")
    assert (report.published, report.letter_date) == (date(2025, 2, 14), date(2025, 2, 14))


def test_a_cover_title_broken_at_its_colon_is_the_title():
    """ "Police response to domestic abuse:" on the cover, "an inspection of progress since
    2014" below it: the first line read as a section heading ("… response …") and the report
    had no title."""
    text = (
        "Police response to domestic abuse:\nan inspection of progress since 2014\n\n"
        "March 2025\n\nRecommendations\n\nRecommendation 1\nChief constables should make sure "
        "that evidence-led prosecutions are considered.\n"
    )
    assert parse_text(text).title == (
        "Police response to domestic abuse: an inspection of progress since 2014"
    )
    # control: a part's heading with no subtitle under it is still no title
    assert parse_text("Chief Constable's response\n\nThe force welcomes the report.\n").title == ""


def test_a_numbered_chapter_heading_after_a_labelled_finding_ends_it():
    """ "4. Investigation and outcomes" after "Area for improvement 2" ran on into the area for
    improvement, with the chapter's first paragraph."""
    text = (
        "3. Risk assessment\n\nRisk assessments were completed in most cases.\n\n"
        "Area for improvement 2\nForces should make sure that officers record the victim's "
        "answers in enough detail.\n\n4. Investigation and outcomes\n\nThe charge rate has "
        "fallen. This is why we have made recommendation 4.\n"
    )
    (afi,) = parse_text(text).findings
    assert afi.text == (
        "Forces should make sure that officers record the victim's answers in enough detail."
    )


def test_capitalised_items_of_a_lead_in_list_are_each_a_finding():
    """Control: items of a list the lead-in opened stay findings, capitalised or not."""
    text = (
        "Recommendations\n\nWithin three months, the force should:\n\n"
        "1. Improve how it answers emergency calls\n\n2. Review its custody training\n\n"
        "Next steps\n\nWe will revisit the force in the summer.\n"
    )
    assert len(parse_text(text).findings) == 2


def test_an_opcc_page_titled_with_the_inspectorates_name_and_the_reports_title():
    """ "HMICFRS: An inspection of how well …" named no report answered: the page's own title
    is the report's after the inspectorate's name."""
    report = parse_text(
        "HMICFRS: An inspection of how well the police tackle online child abuse\n\n"
        'The Police and Crime Commissioner said: "I welcome this report."\n\n'
        "Recommendation 4\n\nBy 31 October 2023, chief constables should make sure their "
        "teams have enough investigators.\n\nChief Constable's response\n\nThe team has grown.\n"
    )
    assert report.document_kind == model.PCC_RESPONSE
    assert report.responds_to == "An inspection of how well the police tackle online child abuse"


def test_an_inspectors_engage_letter_restating_causes_of_concern_is_no_improvement_plan():
    """A letter moving a force into Engage restates the report's causes of concern and asks
    for "an improvement plan": it was read as the force's improvement plan."""
    text = INSPECTORS_LETTER.replace(
        "PEEL 2023–25: Exampleshire Police – accelerated cause of concern",
        "Exampleshire Police – move to Engage",
    ).replace(
        "Yours sincerely,",
        "I would ask you to provide me with an improvement plan.\n\nYours sincerely,",
    )
    report = parse_text(text)
    assert report.document_kind == model.REVISIT_LETTER
    assert [f.kind for f in report.findings] == ["cause_of_concern"] + ["recommendation"] * 2
    # control: the same text signed by the force is its plan, not the inspectorate's letter
    signed = text.replace(
        "Jane Example\n\nHis Majesty's Inspector of Constabulary", "Sam Smith\nChief Constable"
    )
    assert parse_text(signed).document_kind == model.IMPROVEMENT_PLAN


CUSTODY = """Report on an unannounced inspection visit to police custody suites in Exampleshire

Section 1. Summary

1.1 We inspected the force's three custody suites.

Areas for improvement

1.2 We also identified four areas for improvement. These are listed in Section 7.

Section 2. Leadership, accountability and partnerships

2.1 The force had a clear governance structure for custody.

Areas for improvement

2.2 The force should make sure that custody staff are not routinely redeployed to other
duties.

2.3 The force should make sure that it reviews the quality of custody records.

Section 3. In the custody suite: booking in, individual needs and legal rights

3.1 The booking-in process was generally respectful.

Area for improvement

3.2 The force should improve the privacy of booking-in desks.

Section 4. In the custody cell: safeguarding and health care

4.1 Cells were clean and in good condition.

Section 7. Summary of causes of concern, recommendations and areas for improvement

Areas for improvement

7.1 The force should make sure that custody staff are not routinely redeployed to other
duties. (2.2)

7.2 The force should make sure that it reviews the quality of custody records. (2.3)

7.3 The force should improve the privacy of booking-in desks. (3.2)
"""


def test_a_joint_inspection_with_numbered_paragraphs_and_a_closing_summary():
    """Every paragraph opens with its number ("2.3 The force should …"): the second area for
    improvement ran on into the first, "Section 3. …" headings became areas for improvement
    with the paragraph below them, the count of areas for improvement was one, and the
    closing summary's repeats ("… (2.3)") were proposed again."""
    findings = parse_text(CUSTODY).findings
    assert [f.text for f in findings] == [
        "The force should make sure that custody staff are not routinely redeployed to other "
        "duties.",
        "The force should make sure that it reviews the quality of custody records.",
        "The force should improve the privacy of booking-in desks.",
    ]
    assert {f.kind for f in findings} == {model.AFI}


def test_a_few_numbered_paragraphs_keep_their_numbers():
    """Control: a report with one or two numbered paragraphs is not laid out by them."""
    report = parse_text(
        "Areas for improvement\n\n2.3 The force should review its custody records.\n"
    )
    assert report.findings[0].text.startswith("2.3 The force should")


def test_a_letterhead_set_on_two_lines_is_not_the_title():
    """ "Leicester, Leicestershire and Rutland" / "Police and Crime Commissioner": the place
    alone was taken for the response's title."""
    report = parse_text(
        "Leicester, Leicestershire and Rutland\nPolice and Crime Commissioner\n\n"
        "Response to HMICFRS PEEL 2023–25: An inspection of Leicestershire Police\n\n"
        "I have asked the Chief Constable to comment on the report.\n"
    )
    assert (
        report.title == "Response to HMICFRS PEEL 2023–25: An inspection of Leicestershire Police"
    )
    # control: a title over a line naming no commissioner stays the title
    report = parse_text(
        "Leicester, Leicestershire and Rutland\nCommunity Safety Partnership\n\n"
        "The partnership met on 3 May.\n"
    )
    assert report.title.startswith("Leicester, Leicestershire and Rutland")


def test_a_recommendation_the_inspectorate_makes_in_the_first_person():
    """ "I recommend that, by March 2025, chief constables make sure …" (no modal verb) named
    no one, so a recommendation to the Home Office or to chief constables was left to every
    force the report applies to; a date ending the sentence was no deadline."""
    from inspections.report_reader.addressees import deadline_and_addressees

    cases = {
        "I recommend that, by March 2025, chief constables make sure that their forces have "
        "enough detectives.": ("By March 2025", ["chief constables"]),
        "We recommend that the Home Office and the College of Policing introduce a register.": (
            "",
            ["Home Office", "College of Policing"],
        ),
        "HMICFRS recommends that police and crime commissioners publish their plans.": (
            "",
            ["police and crime commissioners"],
        ),
        "The Home Office should introduce a national standard by April 2025.": (
            "By April 2025",
            ["Home Office"],
        ),
        # controls: the force itself is no separate addressee; a date inside is no deadline
        "We recommend that the force reviews its plan.": ("", []),
        "Chief constables should review the plans they made by April 2025 for the new system.": (
            "",
            ["chief constables"],
        ),
    }
    for sentence, expected in cases.items():
        assert deadline_and_addressees(sentence) == expected, sentence


def test_a_response_is_its_own_bodys_whatever_other_forces_it_names():
    """A response by Cheshire's commissioner naming "the City of London Police as the national
    lead force" twice was given to the City of London Police."""
    report = parse_text(
        "OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR CHESHIRE\n\n"
        "PCC response to HMICFRS inspection: An inspection into activity to prevent fraud\n\n"
        "The report made recommendations to the City of London Police as the national lead "
        "force. I have asked the Chief Constable for his response.\n\n"
        "Other recommendations\n\nThe remaining recommendations are for the City of London "
        "Police.\n\nDavid Keane\n\nPolice and Crime Commissioner for Cheshire\n"
    )
    assert report.document_kind == model.PCC_RESPONSE
    assert report.force == "Cheshire Constabulary"
    assert report.findings == []  # whom the rest are for, and the signatory, are no findings


def test_a_word_response_table_with_long_cells_is_read_row_by_row():
    """A Word table "Recommendation | Force response | Status" whose cells are long is read as
    paragraphs; its column names were read as the first recommendation."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("PCC response to HMICFRS inspection: An inspection of fraud", level=1)
    document.add_paragraph("I have asked the Chief Constable for his response.")
    table = document.add_table(rows=1, cols=3)
    names = ["Recommendation", "Force response", "Status"]
    for cell, name in zip(table.rows[0].cells, names, strict=True):
        cell.text = name
    answer = "The force adopted the guidance in September 2021 and trained its staff. " * 4
    for text in (
        "By 31 October 2021, chief constables should make sure their forces follow the guidance.",
        "Chief constables should make sure that fraud is in their force management statements.",
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = text, answer, "Complete"
    buffer = io.BytesIO()
    document.save(buffer)
    report = read_report(buffer.getvalue(), "response.docx")
    assert [f.text.split("\n\n")[0][:30] for f in report.findings] == [
        "By 31 October 2021, chief cons",
        "Chief constables should make s",
    ]
    assert all("The force adopted the guidance" in f.text for f in report.findings)


def test_a_web_pages_table_of_recommendations_with_long_cells_is_one_a_row():
    """ "No. | Recommendation | For | By" with long cells was read cell after cell as
    paragraphs, and all the recommendations ran into one."""
    long = "and that the assessment takes into account the child's history and any links. " * 3
    rows = "".join(
        f"<tr><td>{n}</td><td>{who} should make sure that every report is assessed {long}</td>"
        f"<td>{who}</td><td>30 June 2025</td></tr>"
        for n, who in ((1, "Chief constables"), (2, "The Home Office"))
    )
    page = (
        "<html><body><main><h1>An inspection of the police response to missing children</h1>"
        "<h2>Recommendations</h2><table><tr><th>No.</th><th>Recommendation</th><th>For</th>"
        f"<th>By</th></tr>{rows}</table></main></body></html>"
    )
    findings = read_report(page.encode(), "report.html").findings
    assert [f.addressees for f in findings] == [["chief constables"], ["Home Office"]]


def test_a_layout_table_of_long_cells_without_column_names_is_still_read_as_paragraphs():
    """Control: no header row, so the long cells are paragraphs as before."""
    long = "The force has trained its staff and reviews its progress every month. " * 4
    page = (
        "<html><body><main><h2>Recommendations</h2><table><tr><td>The force should review its "
        f"custody records.</td><td>{long}</td></tr></table></main></body></html>"
    )
    report = read_report(page.encode(), "response.html")
    assert report.findings[0].text.startswith("The force should review its custody records.")


def test_a_word_hyphenated_at_a_line_end_of_pasted_pdf_text_is_one_word():
    """ "rape investi-" / "gations are reviewed" read "investi- gations"; it is joined as the
    PDF extractor joins it, its hyphen kept."""
    text = (
        "Recommendations\n\nRecommendation 1: By 30 September 2025, chief constables should "
        "make sure that all rape investi-\ngations are reviewed, and that non-\nemergency "
        "calls are answered.\n\nBackground\n\nText.\n"
    )
    (finding,) = parse_text(text).findings
    assert "rape investi-gations are reviewed, and that non-emergency calls" in finding.text
    assert finding.lines == (3, 5)
    # control: a dash set apart by spaces is no broken word
    dashed = parse_text(text.replace("investi-\ngations", "investigations -\nall"))
    assert "investigations - all are reviewed" in dashed.findings[0].text


def test_a_header_printed_once_between_the_halves_of_an_answer_is_furniture():
    """A two-page response prints its running header once: between the page's number and the
    rest of an answer (lower case), it took the rest as its own paragraph."""
    text = (
        "Areas for improvement\n\nAFI 3\nThe force needs to make sure that supervisors review "
        "investigations.\n\nA new review template has been introduced and supervisors have "
        "received\n\n1\n\n\fOPCC Exampleshire – PEEL response\n\ntraining in its use.\n\n"
        "AFI 4\nThe force should improve how it manages sex offenders.\n"
    )
    findings = parse_text(text).findings
    assert "supervisors have received training in its use." in findings[0].text
    assert "OPCC Exampleshire" not in findings[0].text


def test_symbol_font_bullets_of_text_extracted_from_a_pdf_are_bullets():
    """pdfminer gives a Symbol-font bullet as a private-use character: the three areas for
    improvement under the lead-in were read as one, the lead-in included."""
    text = (
        "Areas for improvement\n\nWe identified the following areas for improvement for all "
        "forces:\n\n\uf0b7 Forces should record the reasons for each strip search.\n\n"
        "\uf0b7 Forces should make sure that an appropriate adult is present.\n\n"
        "\uf0b7 Forces should improve the data they hold on strip searches.\n\n"
        "Introduction\n\nThis inspection looked at strip searches.\n"
    )
    findings = parse_text(text).findings
    assert [f.text[:30] for f in findings] == [
        "Forces should record the reaso",
        "Forces should make sure that a",
        "Forces should improve the data",
    ]


def test_a_text_file_with_symbol_font_bullets_is_read_not_refused():
    """A short .txt saved from pdfminer with three Symbol-font bullets was refused as binary
    (more than 0.1% of its characters private-use)."""
    text = "Areas for improvement\n\n" + "".join(
        f"\uf0b7 Forces should improve their {what}.\n\n" for what in ("data", "training", "IT")
    )
    report = read_report(text.encode(), "areas.txt")
    assert [f.kind for f in report.findings] == [model.AFI] * 3
    # control: other private-use characters in such numbers still mark a file as not text
    with pytest.raises(model.ReportError):
        read_report(("\ue000\ue001\ue002 " * 20 + text).encode(), "areas.txt")


def test_a_collapsed_accordions_panels_on_a_saved_page_are_read():
    """An OPCC page's answers in accordion panels saved collapsed (aria-hidden="true") were
    dropped with the page's decoration, so the response quoted no findings."""
    panel = (
        '<div class="panel" aria-hidden="true"><p>The force should improve how quickly it '
        "answers {what} calls.</p><p>Force response: A new contact model went live.</p></div>"
    )
    page = (
        "<html><body><main><h1>PEEL 2023–25: An inspection of Kent Police – PCC response</h1>"
        "<p>I have asked the Chief Constable to comment on the report.</p>"
        "<h2>Areas for improvement</h2>"
        + panel.format(what="emergency")
        + panel.format(what="non-emergency")
        + '<span aria-hidden="true">Open all sections of the page</span>'
        "<h2>Conclusion</h2><p>I will monitor progress.</p></main></body></html>"
    )
    report = read_report(page.encode(), "response.html")
    assert len(report.findings) == 2
    assert all("Open all sections" not in f.text for f in report.findings)
