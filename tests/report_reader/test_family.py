# ruff: noqa: E501 (the texts keep their paragraphs on one line, as the documents do)
"""The family of documents (issue 15), each rule on a small made-up text in the shape real ones
take: lead-in sentences, register entries, letters, page furniture, grades written as
sentences in each era, cut-off text, document kinds, evidence line ranges."""

import textwrap

from inspections.report_reader import model, parse_text
from inspections.report_reader.furniture import strip_furniture
from inspections.report_reader.score import area_matches, force_slug, score_document, title_matches


def read(text: str) -> model.ParsedReport:
    return parse_text(textwrap.dedent(text))


def kinds(report):
    return [(f.kind, " ".join(f.text.split())) for f in report.findings]


def test_a_lead_in_sentence_opens_a_list_of_recommendations():
    report = read(
        """\
        Custody in Anyshire

        We made three recommendations in this report. We recommended that the force should:

        - review how detainees are searched;
        - improve the recording of use of force; and
        - make sure that detainees can have a shower.

        The force has started work on these.
        """
    )
    assert kinds(report) == [
        ("recommendation", "The force should review how detainees are searched."),
        ("recommendation", "The force should improve the recording of use of force."),
        ("recommendation", "The force should make sure that detainees can have a shower."),
    ]
    assert all(f.confidence < 1 for f in report.findings)
    assert [f.lines for f in report.findings] == [(5, 5), (6, 6), (7, 7)]


def test_a_directive_with_a_deadline_opens_recommendations_to_its_addressees():
    report = read(
        """\
        A thematic inspection

        By March 2027, chief constables and the College of Policing should:

        - publish guidance on the use of drones;
        - train every pilot in the new guidance.
        """
    )
    assert [f.kind for f in report.findings] == ["recommendation", "recommendation"]
    assert report.findings[0].addressees == ["chief constables", "College of Policing"]
    assert report.findings[0].deadline == "By March 2027"


def test_a_count_or_a_description_of_recommendations_is_not_a_lead_in():
    report = read(
        """\
        Our response

        The report makes two recommendations that relate to all forces.

        These recommendations are designed to help forces improve by:

        - building a better understanding of demand;
        - improving supervision.
        """
    )
    assert report.findings == []


def test_a_cause_of_concern_then_its_recommendations_after_a_deadline():
    report = read(
        """\
        Cause of concern

        The force needs to improve how it answers emergency calls.

        Within three months, the force should make sure that:

        - calls are answered within ten seconds;
        - call handlers assess risk with a structured tool.
        """
    )
    assert [f.kind for f in report.findings] == [
        "cause_of_concern",
        "recommendation",
        "recommendation",
    ]
    assert report.findings[1].cause_of_concern == 0
    assert report.findings[2].cause_of_concern == 0


def test_causes_of_concern_restated_in_a_letter_and_recommendations_linked_by_their_words():
    report = read(
        """\
        Anyshire Police: PEEL causes of concern revisit letter
        Letter information
        From
        A Chief Inspector
        To
        A Chief Constable
        Sent on
        3 June 2025
        We identified two causes of concern, which were that the force:
        - did not record crime accurately; and
        - did not supervise investigations of domestic abuse.
        We have now closed both.
        Investigating crime
        The force wasn't supervising investigations of domestic abuse well enough.
        We made the following recommendations, in which we said that the force should:
        - make sure supervisors review every investigation of domestic abuse;
        - give supervisors time to review investigations.
        """
    )
    assert [f.kind for f in report.findings] == [
        "cause_of_concern",
        "cause_of_concern",
        "recommendation",
        "recommendation",
    ]
    assert report.findings[2].cause_of_concern == 1
    assert report.published.isoformat() == "2025-06-03"
    assert report.letter_date.isoformat() == "2025-06-03"
    assert report.document_kind == model.REVISIT_LETTER


def test_findings_flattened_into_one_paragraph_after_a_lead_in():
    report = read(
        """\
        1.1 The report included three areas for improvement (AFIs): The force should improve its understanding of demand The force should review its shift pattern The force should train more detectives. 1.2 The committee is asked to note this report.
        """
    )
    assert kinds(report) == [
        ("afi", "The force should improve its understanding of demand."),
        ("afi", "The force should review its shift pattern."),
        ("afi", "The force should train more detectives."),
    ]


def test_a_register_entry_is_one_recommendation_up_to_its_status_history():
    report = read(
        """\
        Some thematic inspection (1234)

        Within six months, chief constables should make sure that:

          • officers are trained; and
          • supervisors check the training.

        Chief officers should report on progress.

        [on]1st May 2016 [status]awaiting-review[/status][/on][on]2nd May 2017 [comment]

        New recommendation. The force should consider this further.
        """
    )
    assert [f.kind for f in report.findings] == ["recommendation"]
    assert "Chief officers should report on progress." in report.findings[0].text
    assert report.findings[0].addressees == ["chief constables"]
    assert report.status_log[0].startswith("[on]1st May 2016")
    assert report.document_kind == model.REGISTER_ENTRY


def test_page_furniture_is_blanked_and_line_numbers_kept():
    text = "Skip to content\nPrint this document\nLast updated 03/11/2016\nGood\nAnyshire Police\n"
    cleaned, furniture = strip_furniture(text)
    assert cleaned.split("\n") == ["", "", "", "Good", "Anyshire Police", ""]
    assert furniture.blanked == 3


def test_a_line_repeated_after_each_finding_is_furniture():
    report = read(
        """\
        Areas for improvement

        - The force should improve its call handling.
        Anyshire Constabulary
        - The force should review its custody policy.
        Anyshire Constabulary
        - The force should publish its stop and search data.
        Anyshire Constabulary
        """
    )
    assert [f.headline for f in report.findings] == [
        "The force should improve its call handling.",
        "The force should review its custody policy.",
        "The force should publish its stop and search data.",
    ]


def test_a_list_ends_at_the_sentence_that_leads_into_the_detail():
    report = read(
        """\
        Areas for improvement
        The force should make sure its officers have good access to risk information.
        We set out our detailed findings below. These are the basis for our judgment.
        The force has a good understanding of risk in its communities and plans well
        The force works well with its partners.
        """
    )
    assert len(report.findings) == 1


def test_grades_written_as_sentences_in_each_era():
    report = read(
        """\
        Anyshire 2016

        The extent to which the force is effective at keeping people safe and reducing crime: not yet graded.

        The extent to which the force is efficient at keeping people safe and reducing crime requires improvement.

        The extent to which the force is legitimate at keeping people safe and reducing crime is: good.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Effectiveness", "not_yet_graded"),
        ("Efficiency", "requires_improvement"),
        ("Legitimacy", "good"),
    ]
    report = read(
        """\
        Anyshire 2014

        in terms of its effectiveness, the force is good at reducing crime, good at investigating offending and inadequate at tackling anti-social behaviour;

        the efficiency with which the force carries out its responsibilities is good.

        The force's understanding of demand is judged to require improvement; it is judged to be good for its use of resources.

        The force requires improvement in the way it plans for the future.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Reducing crime", "good"),
        ("Investigating offending", "good"),
        ("Tackling anti-social behaviour", "inadequate"),
        ("Efficiency", "good"),
        ("Understanding of demand", "requires_improvement"),
        ("Use of resources", "good"),
        ("Planning for the future", "requires_improvement"),
    ]


def test_one_grade_for_a_list_of_areas_in_minutes():
    report = read(
        """\
        Minutes

        The force was graded as follows:

        · Preventing crime - good
        · Treatment of the public, managing offenders and developing a positive workplace - adequate
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Preventing crime", "good"),
        ("Treatment of the public", "adequate"),
        ("Managing offenders", "adequate"),
        ("Developing a positive workplace", "adequate"),
    ]


def test_a_last_item_cut_in_its_first_words_is_left_out_and_a_longer_one_flagged():
    report = read(
        """\
        Recommendations

        - The force should review its custody policy.
        - The force sh"""
    )
    assert len(report.findings) == 1
    assert any("stops mid-finding" in warning for warning in report.warnings)
    report = read(
        """\
        Recommendations

        - The force should review its custody policy.
        - The force should make sure that call handlers record ri"""
    )
    assert len(report.findings) == 2
    assert report.findings[1].confidence <= 0.5  # kept, to be checked


def test_a_document_without_a_recognisable_title_is_read_with_an_empty_title():
    report = read("The force should improve its call handling, said the commissioner.\n")
    assert report.title == ""


def test_a_markdown_heading_on_the_first_line_only_is_not_a_markdown_document():
    report = read(
        """\
        # Anyshire Constabulary response

        Areas for improvement
        The force should improve its call handling.
        """
    )
    assert [f.kind for f in report.findings] == ["afi"]


def test_document_kinds_and_their_reasons():
    fire = read(
        """\
        Anyshire 2021/22

        Anyshire Fire and Rescue Service is good at understanding risk.

        Areas for improvement

        The service should make sure its firefighters have good access to risk information.
        """
    )
    assert fire.document_kind == model.NEAR_MISS
    assert fire.force is None
    assert fire.findings[0].confidence <= 0.3
    assert "fire and rescue" in fire.document_reasons[0]
    scottish = read("Police Scotland should improve its call handling.\n")
    assert scottish.document_kind == model.NEAR_MISS
    response = read(
        """\
        Commenting on the HMICFRS report, the Police and Crime Commissioner said:

        I welcome the report and its findings, and the force is already acting on them.
        """
    )
    assert response.document_kind == model.PCC_RESPONSE


def test_the_force_is_one_of_the_43():
    report = read("PEEL Assessment of Kent Police\n\nKent Police is good at preventing crime.\n")
    assert report.force == "Kent Police"
    report = read(
        "The Police, Fire and Crime Commissioner for Northamptonshire notes the report.\n"
    )
    assert report.force == "Northamptonshire Police"


def test_scoring_rules():
    assert area_matches("planning for the future", "Planning for the future")
    assert area_matches("efficiency", "Efficiency")
    assert not area_matches("legitimacy", "Efficiency")
    assert title_matches("Kent 2014 (PEEL assessment of Kent Police)", "Kent 2014")
    assert not title_matches("Kent 2014 (PEEL assessment of Kent Police)", "Skip to content")
    assert force_slug("West Mercia Police") == "west-mercia"
    expected = {
        "kind": "thematic",
        "title": "A thematic inspection",
        "findings": [
            {"kind": "recommendation", "phrase": "publish guidance on the use of drones"},
            {"kind": "afi", "phrase": "train every pilot", "optional": True},
        ],
    }
    text = (
        b"A thematic inspection\n\nRecommendations\n\n"
        b"- Forces should publish guidance on the use of drones.\n"
        b"- Forces should train every pilot.\n"
        b"- Forces should buy more drones.\n"
    )
    result = score_document("drones.txt", text, expected)
    assert (result.score.found, result.score.required) == (1, 1)
    assert result.score.invented == 1  # the third; the optional second is neither
    assert result.score.invented_complete == 1
    assert result.score.titles_right == 1


def test_each_finding_points_at_the_lines_it_was_read_from():
    report = read(
        """\
        Skip to content

        Areas for improvement

        The force should improve how it answers non-emergency calls.
        It should also publish its call-answering times.
        """
    )
    finding = report.findings[0]
    assert finding.lines == (5, 6)
    assert report.source_excerpt(finding) == (
        "The force should improve how it answers non-emergency calls.\n"
        "It should also publish its call-answering times."
    )


def test_a_dated_directive_on_its_own_is_a_recommendation():
    report = read(
        """\
        A thematic report

        By March 2027, chief constables should review how officers record the reasons for searches.

        This is because records are poor.

        By June 2027, the College of Policing should publish guidance on searches.
        """
    )
    assert [(f.kind, f.addressees, f.deadline) for f in report.findings] == [
        ("recommendation", ["chief constables"], "By March 2027"),
        ("recommendation", ["College of Policing"], "By June 2027"),
    ]


def test_an_announcement_ending_in_a_full_stop_before_a_list_of_directives():
    report = read(
        """\
        Summary

        We make the following recommendations.

        1. Forces should publish their stop and search data.
        2. The Home Office should fund the work.
        """
    )
    assert [(f.kind, f.addressees) for f in report.findings] == [
        ("recommendation", ["all forces"]),
        ("recommendation", ["Home Office"]),
    ]


def test_status_lines_of_a_tracker_end_each_finding():
    report = read(
        """\
        Recommendation 6989

        Within six months, the force should review its crime recording.

        Status: being progressed

        The force has appointed a lead and expects to finish in May.

        Recommendation 6990

        Chief constables should publish their audits.

        Status: complete

        Areas for improvement

        The force should improve its call handling.
        Completed
        The force should review its custody policy.
        Completed
        """
    )
    assert [(f.kind, f.reference, f.headline) for f in report.findings] == [
        (
            "recommendation",
            "Recommendation 6989",
            "Within six months, the force should review its crime recording.",
        ),
        ("recommendation", "Recommendation 6990", "Chief constables should publish their audits."),
        ("afi", "", "The force should improve its call handling."),
        ("afi", "", "The force should review its custody policy."),
    ]
    assert "appointed a lead" not in report.findings[0].text


def test_grades_as_bullets_under_the_forces_name():
    report = read(
        """\
        Inspectors found that Anyshire Constabulary:

          • is ‘good’ at effectively reducing crime and keeping people safe;
          • is ‘outstanding’ at operating efficiently and providing sustainable services; and
          • is ‘good’ at how it treats the public and its workforce.
        """
    )
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("Effectiveness", "good"),
        ("Efficiency", "outstanding"),
        ("Legitimacy", "good"),
    ]
    assert report.findings == []


def test_a_passing_mention_does_not_make_a_near_miss_or_a_response():
    report = read(
        """\
        An inspection of how forces in England and Wales handle stalking

        We also spoke to Police Scotland about its approach. This report covers England and Wales.

        Recommendations

        By March 2027, chief constables should appoint a stalking lead.
        """
        + "\nThe force has a good approach to victims.\n" * 80
        + "\nThe police and crime commissioner's response to this report will be published.\n"
    )
    assert report.document_kind == model.THEMATIC
    assert report.findings[0].confidence == 1.0


def test_a_heading_repeated_in_each_section_is_not_furniture():
    text = "Investigating crime\nGood\n\n" * 3 + "Cumbria Constabulary\n" * 3
    cleaned, _ = strip_furniture(text)
    assert cleaned.count("Investigating crime") == 3
    assert "Cumbria Constabulary" not in cleaned


def test_a_document_without_findings_says_what_was_recognised():
    report = read(
        """\
        Anyshire 2015

        The extent to which Anyshire Police is effective at keeping people safe and reducing crime is good.
        """
    )
    assert report.findings == []
    assert "Title: “Anyshire 2015”." in report.recognised()
    assert "1 grades (Effectiveness: good)." in report.recognised()


def test_a_response_names_the_report_it_responds_to():
    report = read(
        """\
        HMICFRS Inspection on Fraud: 'A Time to Choose' (2 Apr 2019)

        Read the PCC's response to the recommendations contained in this report.
        """
    )
    assert report.document_kind == model.PCC_RESPONSE
    assert report.responds_to == "Fraud: A Time to Choose"


def test_an_afi_that_remained_from_an_earlier_inspection_is_the_bullet_itself():
    report = read(
        """\
        How effective is the force at preventing crime?

        This question was not inspected this year, and our judgment from the 2017 inspection has been carried over. One area for improvement remained from that inspection.

          • The force should evaluate and share effective practice with its partners.

        Since then the force has made good progress.
        """
    )
    finding = report.findings[0]
    assert finding.kind == "afi" and finding.remains_from_earlier
    assert (
        finding.headline
        == "The force should evaluate and share effective practice with its partners."
    )
    assert finding.lines == (3, 7)


def test_an_area_for_improvement_of_a_thematic_report_has_its_addressees():
    report = read(
        """\
        Areas for improvement

        Area for improvement 1

        Chief constables should review how they use stop and search in violence hotspots.
        """
    )
    assert report.findings[0].addressees == ["chief constables"]


def test_a_table_of_findings_with_their_actions_and_statuses():
    report = read(
        "HMICFRS recommendations: progress update\n\n"
        "No.\tRecommendation\tAction taken\tStatus\n"
        "1\tThe force should improve how it answers 101 calls.\tNew call system in May.\tComplete\n"
        "2\tBy March 2024, chief constables should publish audits.\tPublished.\tIn progress\n\n"
        "The committee is asked to note the report.\n"
    )
    assert [(f.kind, f.text) for f in report.findings] == [
        ("recommendation", "The force should improve how it answers 101 calls."),
        ("recommendation", "By March 2024, chief constables should publish audits."),
    ]
    assert report.document_kind == model.IMPROVEMENT_PLAN
    markdown = read(
        """\
        | Area for improvement | Action | Owner | Status |
        |---|---|---|---|
        | The force should review its custody policy. | Review under way | Supt | Open |
        """
    )
    assert [(f.kind, f.text) for f in markdown.findings] == [
        ("afi", "The force should review its custody policy.")
    ]


def test_a_letters_address_salutation_and_signature_are_furniture():
    report = read(
        """\
        Chief Constable
        Anyshire Constabulary
        Police Headquarters
        Anytown
        AN1 2BC

        Dear Chief Constable,

        Cause of concern

        The force is not identifying vulnerable victims when they first call.

        Yours sincerely,

        A Person
        HM Inspector of Constabulary
        """
    )
    assert [(f.kind, f.text) for f in report.findings] == [
        (
            "cause_of_concern",
            "The force is not identifying vulnerable victims when they first call.",
        )
    ]
    assert report.title == ""


def test_a_response_is_published_on_its_own_date_not_the_reports():
    report = read(
        """\
        Office of the Police and Crime Commissioner for Anyshire

        12 June 2026

        Dear Home Secretary,

        Response to the HMICFRS report published on 2 May 2026

        The report makes one recommendation for the force.
        """
    )
    assert report.document_kind == "pcc_response"
    assert report.letter_date.isoformat() == "2026-06-12"
    # The response's own date: the report's ("published on 2 May 2026") is the date of the
    # document it answers, which the import finds by its title.
    assert report.published.isoformat() == "2026-06-12"


def test_the_area_named_after_cause_of_concern_is_kept_for_it_and_its_recommendations():
    report = read(
        """\
        Cause of concern: Responding to the public

        The force is not answering emergency calls quickly enough.

        Recommendations

        Within three months, the force should:

        - recruit more call handlers;
        - review its call-handling process.
        """
    )
    assert [(f.kind, f.area, f.cause_of_concern) for f in report.findings] == [
        ("cause_of_concern", "Responding to the public", None),
        ("recommendation", "Responding to the public", 0),
        ("recommendation", "Responding to the public", 0),
    ]
