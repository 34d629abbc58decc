# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Shapes of documents the reader missed on the seventh blind set (first sight: 107 of 123
findings), one made-up text each, with controls: a custody report's summary of areas for
improvement grouped under topic lines, a committee paper's progress sentence after a
finding's label, practice boxes (a Markdown blockquote, a bold title under the box's label)."""

import textwrap

from inspections.report_reader import model, parse_text


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


# Hard-wrapped at about 80 characters, as text copied from a PDF: topic lines (one of them
# long, with a colon and a verb in it, and no blank line before its numbered paragraph)
# between the numbered areas for improvement of the summary section.
CUSTODY_SUMMARY = """\
    Report on an inspection visit to police custody suites in Exampleshire

    Section 4. Summary of areas for improvement

    Areas for improvement
    Governance
    4.1 The force should publish data on strip-searches of children in custody so
    that managers can see trends. (2.3)
    4.2 The force should make sure that all custody officers complete their annual
    first aid training. (2.5)
    Detention: booking in, individual needs and the rights of detainees
    4.3 The force should provide a private booking-in area at its central suite so
    that detainees can speak freely. (3.1)
    Health care
    4.4 Custody staff should record every check on a detainee who is drunk. (3.4)

    Appendix I Methodology
    Our inspections are unannounced. The force should expect us at any time of day.
    """


def test_topic_lines_between_numbered_areas_for_improvement_do_not_end_the_list():
    report = read(CUSTODY_SUMMARY)
    afis = [f for f in report.findings if f.kind == model.AFI]
    assert [f.text.split(" so ")[0].split(" (")[0][:60] for f in afis] == [
        "4.1 The force should publish data on strip-searches of child",
        "4.2 The force should make sure that all custody officers com",
        "4.3 The force should provide a private booking-in area at it",
        "4.4 Custody staff should record every check on a detainee wh",
    ]
    # The topic lines are neither findings nor part of one; the appendix's sentence is not an
    # area for improvement.
    assert not any("Health care" in f.text or "Governance" in f.text for f in afis)
    assert not any("booking in, individual needs" in f.text for f in report.findings)
    assert not any("expect us" in f.text for f in report.findings)


def test_a_topic_line_over_narrative_still_ends_the_list():
    # Control: a short heading followed by narrative, not by a finding, ends the list.
    report = read(
        """\
        Areas for improvement

        The force should review how it records the use of force in custody.

        Leadership

        The chief constable has set clear priorities, and the force should be commended.
        """
    )
    assert [f.text[:45] for f in report.findings] == [
        "The force should review how it records the us"
    ]


def test_a_progress_sentence_after_a_findings_label_is_not_the_finding():
    report = read(
        """\
        Police and Crime Panel: HMICFRS progress update

        3 Progress

        3.1 AFI 3: the force has recruited two more officers to manage registered sex
        offenders, but the backlog of visits has not yet fallen.

        3.2 AFI 4: The force should make sure that supervisors review every investigation.
        """
    )
    assert [(f.kind, f.text[:40]) for f in report.findings] == [
        (model.AFI, "The force should make sure that supervis")
    ]


# A Markdown conversion of a 2021/22 page: each practice is a blockquote holding its label,
# its bold title and its description; the report's next heading follows the box.
PRACTICE_BOXES = """\
    # Exampleshire Police: PEEL 2021/22

    ## Preventing crime

    ### The force uses problem solving well

    Officers have been trained in problem solving.

    > **Promising practice**
    >
    > **A problem-solving hub**
    >
    > The force has set up a hub staffed by analysts who help neighbourhood teams evaluate their work.

    ### The force engages well with its communities

    The force uses social media and surgeries to reach groups less likely to engage.

    > **Innovative practice**
    >
    > **Monitoring offenders' devices**
    >
    > The force uses software that alerts officers when a registered offender breaks the conditions on internet use.

    ### The force should improve how it records the grounds for searches

    We reviewed 200 records.
    """


def test_practice_boxes_in_blockquotes_are_read_and_end_with_the_box():
    report = read(PRACTICE_BOXES)
    assert [(f.kind, f.text.split("\n")[0]) for f in report.findings] == [
        (model.PROMISING_PRACTICE, "A problem-solving hub"),
        (model.INNOVATIVE_PRACTICE, "Monitoring offenders' devices"),
    ]
    assert "staffed by analysts" in report.findings[0].text
    assert "engages well" not in report.findings[0].text


def test_the_corpus_score_counts_each_eras_word_for_good_practice_as_the_schemas_one():
    from inspections.report_reader.score import _same_kind

    assert _same_kind("notable_practice", "innovative_practice")
    assert _same_kind("promising_practice", "innovative_practice")
    assert not _same_kind("afi", "innovative_practice")
    assert not _same_kind("recommendation", "afi")


# A commissioner's response quoting the report: the cause of concern as a quoted paragraph
# after the sentence announcing it, each recommendation under its own heading with the force's
# answer after it.
RESPONSE = """\
    # Police and Crime Commissioner for Exampleshire: response to the PEEL 2023-25 report

    ## Cause of concern and recommendations

    The report identified one cause of concern:

    “Exampleshire Police isn’t effectively managing the risk posed by registered sex offenders.”

    HMICFRS made two recommendations to address this cause of concern.

    ### Recommendation 1

    HMICFRS: “Within three months, the force should review every overdue home visit to a registered sex offender.”

    Chief Constable’s response: All 120 overdue visits were completed by a dedicated team by 30 April 2024.

    ### Recommendation 2

    HMICFRS: “Within six months, the force should make sure it has enough trained offender managers.”

    Chief Constable’s response: Eight officers were trained and posted by September 2024.
    """


def test_a_quoted_cause_of_concern_after_its_announcement_leads_its_recommendations():
    report = read(RESPONSE)
    cause, first, second = report.findings
    assert (cause.kind, cause.text[:40]) == (
        model.CAUSE_OF_CONCERN,
        "Exampleshire Police isn’t effectively ma",
    )
    assert [first.kind, second.kind] == [model.RECOMMENDATION] * 2
    assert [first.cause_of_concern, second.cause_of_concern] == [0, 0]
    # The dates the force's answers end on are when it acted, not the recommendations'
    # deadlines.
    assert not any("2024" in finding.deadline for finding in (first, second))


def test_a_crime_data_integrity_reports_overall_judgment_grades_crime_data_integrity():
    report = read(
        """\
        Exampleshire Police
        Crime Data Integrity inspection 2018

        Overall judgment
        Inadequate

        Exampleshire Police's crime recording arrangements are not acceptable.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [("Crime data integrity", "inadequate")]


def test_a_grade_carried_over_from_an_earlier_inspection_is_that_grade_not_not_inspected():
    report = read(
        """\
        # PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Exampleshire Police

        Some of our judgments for Exampleshire Police have been carried over from our 2017 inspections, because we did not inspect every component in 2018/19.

        ## Effectiveness

        ### How effective is the force at tackling serious and organised crime?

        Our judgment for this question has been carried over from our 2017 effectiveness inspection. We did not inspect this question in 2018/19.

        **Good**

        ### How effective is the force's armed response capability?

        We did not inspect this question in 2018/19.
        """
    )
    grades = {j.area.split(" at ")[-1]: (j.grade, j.is_carried_forward) for j in report.judgments}
    assert grades["tackling serious and organised crime?"] == ("good", True)
    # Not carried over, and not inspected: that is what it is.
    assert grades["How effective is the force's armed response capability?"] == (
        "not_inspected",
        False,
    )
    # The sentence about carried-over judgments says nothing of findings.
    assert report.findings == []


def test_a_papers_purpose_naming_the_findings_that_remain_open_is_no_finding():
    report = read(
        """\
        HMICFRS inspection activity and recommendations update

        1. Purpose of the report

        1.1 To provide the audit committee with an update on inspection activity since the last meeting, and on the progress made by the force against the recommendations and areas for improvement (AFIs) that remain open.

        2. Recommendation

        2.1 Members are recommended to note the contents of this report.
        """
    )
    assert report.findings == []


def test_a_table_whose_findings_column_names_no_kind_takes_each_rows_kind_from_its_reference():
    report = read(
        """\
        Police and Crime Panel: HMICFRS findings progress update

        Table 1: Selected open findings
        Ref | Source | Finding | Status | Target date
        AFI 1 | PEEL 2021/22 | The force should improve how it records why it attends late. | On track | September 2024
        R 7 | Vetting thematic (2022) | By 31 October 2023, chief constables should make sure vetting units record all adverse information. | Complete |
        Note | Panel | The panel asked for a further update in January. | |
        """
    )
    assert [(f.kind, f.text[:30]) for f in report.findings] == [
        (model.AFI, "The force should improve how i"),
        (model.RECOMMENDATION, "By 31 October 2023, chief cons"),
    ]
    assert report.findings[1].addressees == ["chief constables"]


def test_a_revisit_letters_cause_restated_in_the_paragraph_that_leads_into_its_recommendations():
    report = read(
        """\
        Revisit to Exampleshire Police: causes of concern

        Cause of concern 1: Investigating crime
        In our report, we said that the force's investigations were not always supervised well enough. We recommended that the force should:
        - make sure that every investigation is reviewed by a supervisor each month; and
        - improve how it keeps victims informed.
        What we found
        The force has introduced monthly reviews. This cause of concern remains open.
        """
    )
    cause, *recommendations = report.findings
    assert (cause.kind, cause.text) == (
        model.CAUSE_OF_CONCERN,
        "The force's investigations were not always supervised well enough.",
    )
    assert [(f.kind, f.cause_of_concern) for f in recommendations] == [
        (model.RECOMMENDATION, 0),
        (model.RECOMMENDATION, 0),
    ]


def test_a_practice_box_flattened_into_its_paragraph_and_a_footnote_after_a_full_stop():
    # From a PDF: the shaded box's label runs into its first sentence; the evidence paragraph
    # after two areas for improvement ends with a footnote's number after its full stop.
    report = read(
        """\
        Exampleshire Police PEEL 2021/22

        Areas for improvement

        The force should improve how quickly it answers non-emergency calls.

        The force should make sure call handlers reassess risk when attendance is delayed.

        Exampleshire Police answered 86 percent of emergency calls within ten seconds in the year to March 2022.2

        Preventing crime and anti-social behaviour

        Innovative practice The force uses a rural crime team that works with farming communities to prevent the theft of livestock.
        """
    )
    assert [(f.kind, f.text[:40]) for f in report.findings] == [
        (model.AFI, "The force should improve how quickly it "),
        (model.AFI, "The force should make sure call handlers"),
        (model.INNOVATIVE_PRACTICE, "The force uses a rural crime team that w"),
    ]


def test_a_tracker_row_gives_its_finding_not_the_area_beside_its_reference():
    # A Word tracker: the findings' column heading is long ("Area for improvement (as worded
    # by HMICFRS)") and an area's name sits between the reference and the finding.
    report = read(
        "Assurance tracker\n\n"
        "Issue date: 14 January 2025\n\n"
        "Ref\tHMICFRS area\tArea for improvement (as worded by HMICFRS)\tOwner\tRAG\n"
        "AFI 1\tPreventing crime\tThe force needs to make sure problem-solving plans are "
        "evaluated.\tSupt Neighbourhoods\tAmber\n"
        "AFI 2\tInvestigating crime\tThe force needs to make sure it has enough trained "
        "detectives.\tHead of Crime\tRed\n"
    )
    assert [(f.kind, f.text[:45]) for f in report.findings] == [
        (model.AFI, "The force needs to make sure problem-solving "),
        (model.AFI, "The force needs to make sure it has enough tr"),
    ]
    assert report.published.isoformat() == "2025-01-14"


def test_a_row_whose_reference_cell_is_followed_by_an_area_still_gives_the_finding():
    # No header row at all: the label's row reads its finding from the first cell that is one.
    report = read(
        "Tracker\n\n"
        "AFI 1\tPreventing crime\tThe force needs to make sure problem-solving plans are "
        "evaluated.\tAmber\n"
        "AFI 2\tInvestigating crime\tThe force needs to make sure it has enough detectives."
        "\tRed\n"
    )
    assert [f.text[:40] for f in report.findings] == [
        "The force needs to make sure problem-sol",
        "The force needs to make sure it has enou",
    ]


def test_a_plans_table_comparing_this_reports_grades_with_the_last_reads_this_reports():
    report = read(
        "Exampleshire Police: PEEL improvement plan\n\n"
        "PEEL area\tPEEL 2021/22 grade\tPEEL 2023–25 grade\n"
        "Preventing crime\tGood\tAdequate\n"
        "Investigating crime\tAdequate\tRequires improvement\n"
        "Leadership and force management\tn/a (new area)\tGood\n"
        "\n"
        "Area\tGrade\tCommentary\n"
        "Responding to the public\tInadequate\tCall answering remains slow.\n"
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Preventing crime", "adequate"),
        ("Investigating crime", "requires_improvement"),
        ("Leadership and force management", "good"),
        ("Responding to the public", "inadequate"),
    ]


SUMMARY_THEN_CHAPTERS = """\
    # Exampleshire Police: PEEL 2023–25

    **Areas for improvement – at a glance**

    - We have identified two areas for improvement. Each is set out in full in the chapter it relates to.
    - Attending incidents within the times it has set itself
    - Better supervision of investigations

    # Responding to the public

    **Area for improvement**

    - The force needs to make sure it attends incidents within the response times it has set.

    # Investigating crime

    **Area for improvement**

    - The force needs to make sure that supervisors review investigations regularly.
    """


def test_a_summary_list_of_findings_set_out_in_full_later_is_left_out():
    report = read(SUMMARY_THEN_CHAPTERS)
    assert [f.text[:45] for f in report.findings] == [
        "The force needs to make sure it attends incid",
        "The force needs to make sure that supervisors",
    ]
    # Control: without the chapters, the summary's list is all there is, and is kept.
    summary_only = read(
        SUMMARY_THEN_CHAPTERS.split("    # Responding")[0]
        + "    # Next steps\n\n    We will revisit.\n"
    )
    assert [f.text[:30] for f in summary_only.findings] == [
        "Attending incidents within the",
        "Better supervision of investig",
    ]


def test_a_boxed_cause_of_concern_run_into_its_recommendations_lead_in():
    report = read(
        """\
        Missing and absent children

        Cause of concern: Exampleshire Police does not respond adequately when children are reported missing. Recommendations: To address this cause of concern, HMIC recommends that the force should immediately:

        - review its use of the 'absent' category; and
        - ensure that supervisors review every decision to classify a child as absent.

        Domestic abuse

        The force's response to domestic abuse has improved.
        """
    )
    cause, *recommendations = report.findings
    assert (cause.kind, cause.text) == (
        model.CAUSE_OF_CONCERN,
        "Exampleshire Police does not respond adequately when children are reported missing.",
    )
    assert [(f.kind, f.cause_of_concern) for f in recommendations] == [
        (model.RECOMMENDATION, 0),
        (model.RECOMMENDATION, 0),
    ]


def test_a_listings_tally_of_findings_open_and_closed_is_no_finding():
    report = read(
        """\
        HMICFRS inspections

        PEEL 2023–25: An inspection of Exampleshire Police

        Published by HMICFRS: 2024

        Status: no causes of concern. Nine areas for improvement; four have been closed by HMICFRS and five remain open.
        """
    )
    assert report.findings == []


def test_a_pointer_to_a_finding_above_and_a_grade_carried_forward_propose_nothing():
    report = read(
        """\
        # PEEL 2023–25: Exampleshire Police

        ### Areas for improvement

        See the cause of concern above.

        ### How effective is the force at tackling serious and organised crime?

        Good

        In 2017 we did not inspect this question in full. The judgment of good is carried forward from our 2016 effectiveness inspection. We examined only how the force is responding to the areas for improvement we set out last year.
        """
    )
    assert report.findings == []
