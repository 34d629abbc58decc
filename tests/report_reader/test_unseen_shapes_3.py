# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""Shapes of documents the reader missed on the third blind corpus (corpus_blind3), one
made-up text each: a third-party page listing one report's recommendations with a status line
above each, a police and crime commissioner's response written in the first person, and a
finding quoted in running prose after its label (panel minutes, a response), and a local news
article attributing an inspection's verdict "according to inspectors", and a scraped news page
whose date field is run into its first sentence, a register page that is one recommendation
and nothing else, a pillar's grade named as "the <grade> rating for <pillar>", and page
furniture or an address block above a document's real title."""

import textwrap

from inspections.report_reader import model, parse_text


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


def test_a_credited_page_listing_recommendations_with_status_lines_is_a_tracker_listing():
    report = read(
        """\
        Source · Inspectorate
        An inspection of the service provided to victims by Exampleshire Police
        PEEL Force Inspection
        3 recommendations
        Recommendations
        1
        Completed
        The force should immediately review how it records reports of missing children, and make sure each report is assessed for risk.
        Exampleshire Police
        2
        Open
        Within six months the force should improve the supervision of its investigations and the records its supervisors keep.
        Exampleshire Police
        3
        Completed
        Within three months the force should complete a review of its use of outcome 16 in domestic abuse cases.
        Exampleshire Police
        """
    )
    assert report.document_kind == model.TRACKER_LISTING
    assert len(report.findings) == 3


def test_a_report_whose_findings_are_not_under_status_lines_stays_a_report():
    report = read(
        """\
        PEEL: An inspection of Exampleshire Police

        Areas for improvement

        The force should review how it records reports of missing children.

        The force should improve the supervision of its investigations.
        """
    )
    assert report.document_kind != model.TRACKER_LISTING


def test_a_commissioners_letter_written_in_response_to_a_report_is_a_pcc_response():
    report = read(
        """\
        12 May 2023

        Home Secretary

        An inspection of how the police handle missing people

        I am writing to you in response to the above HMICFRS report published on 1st March 2023.

        The inspection examined how forces respond to reports of missing people.

        Recommendation: By 31 March 2024, chief constables should make sure their officers are trained to grade missing person reports.

        Exampleshire Police has begun the training and I will monitor its progress.
        """
    )
    assert report.document_kind == model.PCC_RESPONSE


def test_a_commissioner_who_asked_the_chief_constable_to_comment_is_responding():
    report = read(
        """\
        I have asked the Chief Constable to comment on the report and to provide a full response on how Exampleshire Police is addressing the area for improvement identified in the report.

        The Chief Constable's response was: the force has recorded the area for improvement and will monitor it through its governance structures.
        """
    )
    assert report.document_kind == model.PCC_RESPONSE


def test_panel_minutes_where_the_commissioner_explains_are_a_pcc_response():
    report = read(
        """\
        Agenda item

        HMICFRS INSPECTION REPORTS

        This report provides a summary of the findings regarding Exampleshire Police from the latest PEEL inspection reports.

        Minutes:

        1. The PCC explained that the table in the report was outdated.

        2. A Panel member asked how one area had been addressed. The PCC stressed that the force did not agree with its rating.
        """
    )
    assert report.document_kind == model.PCC_RESPONSE


def test_a_finding_quoted_after_its_label_in_minutes_is_that_finding():
    report = read(
        """\
        Minutes:

        1. A Panel member asked the PCC how one of the Areas for Improvement identified in the 2019 PEEL inspection that ‘the force should ensure its call handlers record the risk to every caller’ had been addressed. In response, the PCC said that training had been given.
        """
    )
    assert [(f.kind, f.text) for f in report.findings] == [
        (model.AFI, "The force should ensure its call handlers record the risk to every caller.")
    ]


def test_a_quoted_recommendation_after_recommended_that_is_that_recommendation():
    report = read(
        """\
        The Commissioner welcomed the report. The inspectorate recommended that “chief constables should make sure that every missing child is given a return interview” and the force has agreed a plan.
        """
    )
    assert [f.kind for f in report.findings] == [model.RECOMMENDATION]
    assert "return interview" in report.findings[0].text


def test_a_quotation_after_a_count_of_findings_is_not_labelled_by_the_count():
    report = read(
        """\
        The report made two national recommendations and one for chief constables; “forces should review their custody records every month”. I will monitor progress.
        """
    )
    assert report.findings == []


def test_a_quoted_sentence_that_tells_no_one_to_act_is_not_a_finding():
    report = read(
        """\
        The Panel noted the area for improvement and the Chair said that ‘the force has made real progress on its call handling this year’.
        """
    )
    assert report.findings == []


def test_a_news_article_attributing_grades_according_to_inspectors_proposes_none():
    report = read(
        """\
        THE way some Exampleshire Police staff treat victims gives "cause for concern", according to inspectors.

        The force was praised in an inspection report for "notable improvements" in how it answers emergency calls.

        But she added: "We have identified a new cause of concern based on the behaviours of some staff."

        The force was again rated 'good' for effectiveness, while efficiency was upgraded from 'requires improvement' to 'good'.
        """
    )
    assert report.document_kind == model.NEAR_MISS
    assert report.judgments == []
    assert report.findings == []


def test_a_report_citing_what_inspectors_found_keeps_its_grades():
    report = read(
        """\
        PEEL 2017: Effectiveness – Exampleshire Police

        How effective is the force at keeping people safe and reducing crime?

        Good

        According to inspectors' earlier findings the force has improved, and it is good at keeping people safe.
        """
    )
    assert report.judgments != []


def test_a_date_field_run_into_the_first_sentence_dates_the_page():
    report = read(
        """\
         date 2023-06-14 A police force must do more to protect vulnerable people, inspectors have said.

        The inspectorate rated the force as requires improvement in two areas.
        """
    )
    assert str(report.published) == "2023-06-14"


def test_a_date_in_the_first_sentence_that_is_no_date_field_does_not_date_the_page():
    report = read(
        """\
        Data 2023-06-14 was the last day of the audit period the inspection looked at.

        The inspectorate rated the force as requires improvement in two areas.
        """
    )
    assert report.published is None


def test_a_page_that_is_one_recommendation_and_nothing_else_is_that_recommendation():
    report = read(
        """\
        All forces should review how they record reports of missing children, and be prepared to share this with the College of Policing. All forces should inform HMICFRS of their progress in their force management statements.
        """
    )
    assert [f.kind for f in report.findings] == [model.RECOMMENDATION]
    assert report.document_kind == model.REGISTER_ENTRY


def test_a_long_page_opening_with_a_directive_is_not_read_as_one_recommendation():
    body = "The inspection looked at how forces record crime and how they support victims. " * 30
    report = read(
        f"""\
        Forces should record crime accurately, the inspectorate has long said.

        {body}
        """
    )
    assert report.findings == []


def test_a_grade_rating_for_a_pillar_is_that_pillars_grade():
    report = read(
        """\
        HMICFRS inspection reports: Exampleshire Police

        1. In response, the PCC stressed that the force was not pleased with the overall Requires Improvement rating for Efficiency, as it did not believe that it reflected the improvements made since 2017.
        """
    )
    assert [(j.area.lower(), j.grade) for j in report.judgments] == [
        ("efficiency", "requires_improvement")
    ]


def test_a_rating_for_something_that_is_no_pillar_is_not_a_grade():
    report = read(
        """\
        HMICFRS inspection reports: Exampleshire Police

        1. The PCC noted the Good rating for the new call handling system in the staff survey.
        """
    )
    assert report.judgments == []


def test_a_letters_address_block_is_not_its_title():
    report = read(
        """\
        Accessibility Settings Skip to main content

        12 May 2023

        Rt Hon Example Person MP

        Home Secretary

        Home Office

        2 Marsham Street

        London  SW1P 4DF

        An inspection of how the police handle missing people

        I am writing to you in response to the above HMICFRS report published on 1st March 2023.
        """
    )
    assert report.title == "An inspection of how the police handle missing people"


def test_a_council_sites_breadcrumb_is_not_the_title_of_its_minutes():
    report = read(
        """\
        Councillors and committees

        Agenda item

        HMICFRS INSPECTION REPORTS

        This report provides a summary of the findings regarding Exampleshire Police.
        """
    )
    assert report.title == "HMICFRS INSPECTION REPORTS"


def test_a_register_page_under_a_page_not_found_line_is_untitled_but_still_a_register_entry():
    report = read(
        """\
        404 Page not found


        Within six months the force should put in place arrangements to ensure that:

          • victims are believed at the point of report; and
          • online reports of crime are triaged at the point of receipt.

        [on]9th February 2017 [status]awaiting-review[/status][/on]
        """
    )
    assert report.title == ""
    assert report.document_kind == model.REGISTER_ENTRY
